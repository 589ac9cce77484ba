/**
 * The file formats the app accepts (DOMAIN.md §4), defined once: the reader matches headers with
 * these names and aliases, and the format help page and templates are generated from them.
 */
import type { ImportRequest } from '../import-file';
import type { FormatHandler } from './context';
import { MEASURE_DETAILS } from './measure-details';

export type FormatId =
	| 'measures-long'
	| 'measures-wide'
	| 'action-plan'
	| 'reviews'
	| 'dfe'
	| 'population'
	| 'agencies'
	| 'priorities'
	| 'data-development'
	| 'statistical-neighbours';

export interface ColumnSpec {
	/** Canonical name, as written in templates. */
	name: string;
	aliases?: readonly string[];
	required?: boolean;
	description: string;
	example: string;
}

export interface FormatSpec {
	id: FormatId;
	title: string;
	description: string;
	columns: readonly ColumnSpec[];
	/** Alternatives where one of several column sets is required, e.g. value or numerator + denominator. */
	requiredOneOf?: readonly (readonly string[])[];
	/** Other columns are warned about (a misspelt header must not pass unseen); DfE files have many. */
	warnsOtherColumns?: boolean;
	/** Besides its named columns, the format has one column per period, headed by the period (wide form). */
	periodHeaders?: boolean;
}

export const notes: ColumnSpec = {
	name: 'notes',
	aliases: ['note', 'comment', 'comments', 'story', 'story behind the curve'],
	description: 'The story behind the curve for that period.',
	example: 'New MACE terms of reference agreed'
};

export const measure: ColumnSpec = {
	name: 'measure',
	required: true,
	aliases: ['measure name', 'indicator', 'performance measure'],
	description: 'The measure, in words.',
	example: 'Return interviews offered within 72 hours (%)'
};

/** A measure's own metadata, shared by the long and the wide form. */
export const measureMeta: readonly ColumnSpec[] = [
	{ name: 'measure_id', aliases: ['id', 'measure code', 'code'], description: 'A stable id for the measure; defaults to its name.', example: 'M05' },
	{ name: 'quadrant', aliases: ['oba quadrant', 'type'], description: 'How much did we do? / How well did we do it? / Is anyone better off? / Population indicator.', example: 'How well did we do it?' },
	{ name: 'priority', aliases: ['priority number', 'priority name'], description: 'The plan priority, by number or name.', example: '5' },
	{ name: 'agency', aliases: ['lead agency', 'partner', 'service'], description: 'The agency that reports the measure (a name or an alias from the agency list).', example: 'Young and Safe vulnerability team' },
	{ name: 'polarity', aliases: ['direction', 'good direction'], description: 'higher is better / lower is better / target range.', example: 'higher is better' },
	{ name: 'unit', aliases: ['units', 'measure unit'], description: 'count, %, rate per 10,000, days, £.', example: '%' },
	{ name: 'area_code', aliases: ['area', 'la code', 'new la code'], description: 'ONS area code, when not the partnership’s own area (a comparator: England, say).', example: 'E92000001' }
];

/** A measure's optional details (formats/measure-details.ts): its RAG tolerance, and more. */
export const measureDetails: readonly ColumnSpec[] = MEASURE_DETAILS.map((d) => d.column);

/** The geography columns of DfE open-data files: which area a row is about, at each level. */
export const geography: readonly ColumnSpec[] = [
	{ name: 'country_code', description: 'ONS country code.', example: 'E92000001' },
	{ name: 'country_name', description: 'Country name.', example: 'England' },
	{ name: 'region_code', description: 'ONS region code.', example: 'E12000005' },
	{ name: 'region_name', description: 'Region name.', example: 'West Midlands' },
	{ name: 'new_la_code', description: 'ONS local authority code.', example: 'E06000021' },
	{ name: 'la_name', description: 'Local authority name.', example: 'Stoke-on-Trent' }
];

/**
 * A format as one module declares it: its columns and help text (the spec), and the handler that
 * checks and writes a file of it. `handler` is null until the user has chosen what to take from the
 * file (a DfE file's areas and indicators).
 */
export interface Format extends FormatSpec {
	handler(request: ImportRequest): FormatHandler | null;
}
