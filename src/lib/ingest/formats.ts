/**
 * The file formats the app accepts (DOMAIN.md §4), defined once: the reader matches headers with
 * these names and aliases, and the format help page and templates are generated from them.
 */
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

const notes: ColumnSpec = {
	name: 'notes',
	aliases: ['note', 'comment', 'comments', 'story', 'story behind the curve'],
	description: 'The story behind the curve for that period.',
	example: 'New MACE terms of reference agreed'
};

const measure: ColumnSpec = {
	name: 'measure',
	required: true,
	aliases: ['measure name', 'indicator', 'performance measure'],
	description: 'The measure, in words.',
	example: 'Return interviews offered within 72 hours (%)'
};

/** A measure's own metadata, shared by the long and the wide form. */
const measureMeta: readonly ColumnSpec[] = [
	{ name: 'measure_id', aliases: ['id', 'measure code', 'code'], description: 'A stable id for the measure; defaults to its name.', example: 'M05' },
	{ name: 'quadrant', aliases: ['oba quadrant', 'type'], description: 'How much did we do? / How well did we do it? / Is anyone better off? / Population indicator.', example: 'How well did we do it?' },
	{ name: 'priority', aliases: ['priority number', 'priority name'], description: 'The plan priority, by number or name.', example: '5' },
	{ name: 'agency', aliases: ['lead agency', 'partner', 'service'], description: 'The agency that reports the measure (a name or an alias from the agency list).', example: 'Young and Safe vulnerability team' },
	{ name: 'polarity', aliases: ['direction', 'good direction'], description: 'higher is better / lower is better / target range.', example: 'higher is better' },
	{ name: 'unit', aliases: ['units', 'measure unit'], description: 'count, %, rate per 10,000, days, £.', example: '%' },
	{ name: 'area_code', aliases: ['area', 'la code', 'new la code'], description: 'ONS area code, when not the partnership’s own area (a comparator: England, say).', example: 'E92000001' }
];

/**
 * A measure's RAG tolerance (src/lib/oba/measure-rag.ts), once per measure like its metadata. The
 * thresholds are shortfalls from the target; a tolerance set in the app wins over these.
 */
const tolerance: readonly ColumnSpec[] = [
	{ name: 'amber_threshold', aliases: ['amber tolerance', 'green tolerance', 'tolerance'], description: 'Short of target by up to this is still Green: 2 (in the measure’s unit) or 10% (of the target); blank, none.', example: '5%' },
	{ name: 'red_threshold', aliases: ['red tolerance'], description: 'Short of target by more than this is Red, by less Amber: 5 or 20%; blank, any shortfall past amber is Red.', example: '15%' },
	{ name: 'travel_rule', aliases: ['direction of travel', 'travel'], description: 'none / improving is amber (a Red improving since the period before shows Amber) / travel decides (outside the amber threshold, Amber if improving, else Red).', example: 'none' }
];

/** The geography columns of DfE open-data files: which area a row is about, at each level. */
const geography: readonly ColumnSpec[] = [
	{ name: 'country_code', description: 'ONS country code.', example: 'E92000001' },
	{ name: 'country_name', description: 'Country name.', example: 'England' },
	{ name: 'region_code', description: 'ONS region code.', example: 'E12000005' },
	{ name: 'region_name', description: 'Region name.', example: 'West Midlands' },
	{ name: 'new_la_code', description: 'ONS local authority code.', example: 'E06000021' },
	{ name: 'la_name', description: 'Local authority name.', example: 'Stoke-on-Trent' }
];

export const FORMATS: readonly FormatSpec[] = [
	{
		id: 'measures-long',
		warnsOtherColumns: true,
		title: 'Quarterly measures, long form',
		description: 'One row per measure per period.',
		requiredOneOf: [['value'], ['numerator', 'denominator']],
		columns: [
			{ name: 'period', required: true, aliases: ['quarter', 'time period'], description: 'The period: 2016/17 Q3, Q3 2016/17, 2016 Q4, Oct-Dec 2016, 31/12/2016, 2016/17 …', example: '2016/17 Q3' },
			measure,
			{ name: 'value', aliases: ['actual', 'actual value', 'result'], description: 'The value: 1,234, 45%, 7, or a missing-value marker (c, x, z, [c], .., …).', example: '87.5' },
			...measureMeta.slice(0, 3),
			{ name: 'numerator', aliases: ['num'], description: 'For a % measure: the count that meets the standard.', example: '35' },
			{ name: 'denominator', aliases: ['denom', 'den'], description: 'For a % measure: the count it is a share of.', example: '40' },
			{ name: 'target', description: 'The target for that period, on the measure’s scale.', example: '90' },
			...measureMeta.slice(3),
			...tolerance,
			notes
		]
	},
	{
		id: 'measures-wide',
		warnsOtherColumns: true,
		periodHeaders: true,
		title: 'Quarterly measures, wide form',
		description:
			'One row per measure, one column per period headed by the period (2016/17 Q1, 2016/17 Q2 …), as kept in Excel. A blank cell is no value for that period.',
		columns: [
			measure,
			...measureMeta.slice(0, 3),
			{ name: 'target', description: 'The target, the same for every period in the row.', example: '90' },
			...measureMeta.slice(3),
			...tolerance
		]
	},
	{
		id: 'action-plan',
		title: 'Action plan',
		description:
			'One row per rated item. Reviews may follow as column pairs "RAG <review>" and "Progress <review>", e.g. "RAG Dec 2016".',
		columns: [
			{ name: 'priority', required: true, description: 'The plan priority, by number or name.', example: '1' },
			{ name: 'action', required: true, aliases: ['action title'], description: 'The action, as written in the plan.', example: 'Develop a CSE training strategy for parents, carers and professionals.' },
			{ name: 'action_id', aliases: ['action ref', 'action number'], description: 'A stable id for the action.', example: '1.3' },
			{ name: 'item_id', aliases: ['item', 'item ref', 'step id'], description: 'A stable id for the rated item; defaults to the action id.', example: '1.3' },
			{ name: 'how', aliases: ['how will we do this', 'how will we do this?'], description: 'How the action will be done.', example: 'Summarise the CSE training offer …' },
			{ name: 'lead_agency', aliases: ['lead agencies', 'lead', 'agency', 'agencies'], description: 'Lead agencies, separated by ";" or new lines.', example: 'Learning and Development; Young and Safe vulnerability team' },
			{ name: 'timescale', aliases: ['timescale & progress', 'timescale and progress', 'due'], description: 'When it is due, as written.', example: 'April 2017' }
		]
	},
	{
		id: 'reviews',
		warnsOtherColumns: true,
		title: 'Action plan reviews',
		description: 'One row per rated item per review.',
		columns: [
			{ name: 'item_id', required: true, aliases: ['action_id', 'item', 'action ref'], description: 'The rated item (or action) id from the plan.', example: '1.4a' },
			{ name: 'review', required: true, aliases: ['review date', 'date'], description: 'The review: Dec 2016, Jul 2017, 2017-07 …', example: 'Jul 2017' },
			{ name: 'rag', aliases: ['rag rating', 'rating', 'status', 'brag'], description: 'R / A / G / B (complete), Red / Amber / Green / Blue / Complete; blank = not rated.', example: 'Green' },
			{ name: 'progress', aliases: ['progress note', 'update', 'commentary'], description: 'The progress note at that review.', example: 'Delivered to 12 schools.' }
		]
	},
	{
		id: 'dfe',
		title: 'DfE / Explore Education Statistics open data',
		description:
			'The layout of DfE open data files: time and geography columns, filter columns, then one column per indicator. You choose the area and the indicators.',
		columns: [
			{ name: 'time_period', required: true, description: 'e.g. 2025, 201617.', example: '2025' },
			{ name: 'time_identifier', required: true, description: 'e.g. Reporting year, Financial year Q3.', example: 'Reporting year' },
			{ name: 'geographic_level', required: true, description: 'National, Regional, Local authority.', example: 'Local authority' },
			...geography
		]
	},
	{
		id: 'population',
		title: 'ONS mid-year population estimates (DfE layout)',
		description: 'Children aged 0 to 17 by area: the denominator of rates per 10,000.',
		columns: [
			{ name: 'time_period', required: true, description: 'The mid-year of the estimate.', example: '2024' },
			{ name: 'geographic_level', required: true, description: 'National, Regional, Local authority.', example: 'Local authority' },
			{ name: 'age_group', required: true, description: 'Must be children aged 0 to 17 years.', example: 'Children aged 0 to 17 years' },
			{ name: 'population_estimate', required: true, description: 'The estimate.', example: '33522' },
			...geography
		]
	},
	{
		id: 'agencies',
		warnsOtherColumns: true,
		title: 'Agency list',
		description: 'The canonical agencies and the other spellings (aliases) that mean them.',
		columns: [
			{ name: 'agency_id', required: true, description: 'A short id.', example: 'humberside-police' },
			{ name: 'agency', required: true, aliases: ['name'], description: 'The name to show.', example: 'Humberside Police' },
			{ name: 'kind', required: true, aliases: ['sector'], description: 'police, health, childrens-social-care, education, …', example: 'police' },
			{ name: 'aliases', description: 'Other spellings, separated by ";".', example: 'Police; Humberside Police.' }
		]
	},
	{
		id: 'priorities',
		warnsOtherColumns: true,
		title: 'Plan priorities',
		description: 'The plan’s priorities and the borough outcome each serves.',
		columns: [
			{ name: 'priority', required: true, description: 'Its number.', example: '2' },
			{ name: 'name', required: true, description: 'A short name.', example: 'Online safety' },
			{ name: 'heading', description: 'The plan’s heading, verbatim.', example: 'Raising awareness of on line safety …' },
			{ name: 'outcome', description: 'The borough outcome.', example: 'Safe' },
			{ name: 'outcome_note', description: 'Why, where the plan does not say.', example: '' }
		]
	},
	{
		id: 'data-development',
		warnsOtherColumns: true,
		title: 'Data development agenda',
		description:
			'The measures the partnership wants but cannot yet report, one row each, with the agency that owns getting the data and how much it is needed. A file is the whole agenda: importing it replaces the agenda loaded before (undo brings that one back).',
		columns: [
			{ ...measure, description: 'The measure wanted, in words.', example: 'Young people whose CSE risk reduced after 12 months (%)' },
			{ name: 'owner', required: true, aliases: ['data owner', 'owner agency', 'responsible'], description: 'The agency that owns getting the data (a name or an alias from the agency list).', example: 'Children’s Social Care' },
			{ name: 'data_priority', required: true, aliases: ['agenda priority', 'importance', 'need'], description: 'How much the data is needed: High, Medium or Low (H, M, L; 1 is high, 3 low).', example: 'High' },
			{ name: 'measure_id', aliases: ['id', 'measure code', 'code'], description: 'The id the measure will have once its data is imported: the agenda then says when it arrived.', example: 'M30' },
			measureMeta[1]!,
			measureMeta[2]!,
			{ name: 'why', aliases: ['reason', 'rationale', 'notes', 'data needed'], description: 'Why it is wanted, and what data it needs.', example: 'Shows whether risk falls for good, not only at 6 months.' },
			{ name: 'due', aliases: ['expected', 'timescale', 'by when'], description: 'When the data is expected, as written.', example: 'March 2018' }
		]
	},
	{
		id: 'statistical-neighbours',
		warnsOtherColumns: true,
		title: 'Statistical neighbours (DfE model)',
		description:
			'The DfE’s children’s services statistical neighbour model: one row per authority with its ten nearest neighbours, nearest first, and how close each is, by ONS code. The app ships the 2025 model; the DfE publishes it with old 3-digit codes, which scripts/reference/statistical-neighbours.js maps to ONS codes. Importing a model replaces the neighbours of each authority in it.',
		columns: [
			{ name: 'area_code', required: true, aliases: ['new_la_code', 'la_code'], description: 'The authority’s ONS code (E06…, E08…, E09…, E10…).', example: 'E06000052' },
			{ name: 'la_name', required: true, aliases: ['area_name', 'name'], description: 'Its name.', example: 'Cornwall' },
			{ name: 'model', required: true, aliases: ['model_year'], description: 'The model’s year.', example: '2025' },
			{ name: 'old_la_code', description: 'The DfE’s old 3-digit code, for reference.', example: '908' },
			// Cornwall's neighbours in the 2025 model, as the example.
			...['E10000020', 'E08000002', 'E10000011', 'E10000007', 'E06000057', 'E10000029', 'E10000008', 'E10000024', 'E10000017', 'E10000016'].flatMap((code, i) => [
				{ name: `SN_${i + 1}`, required: true, description: `Neighbour ${i + 1} (1 is the nearest): its ONS code.`, example: code },
				{ name: `SN_${i + 1}P`, required: true, description: 'How close: Extremely close, Very close, Close, Somewhat close or Not close.', example: 'Very close' }
			])
		]
	}
];

export function formatSpec(id: FormatId): FormatSpec {
	const spec = FORMATS.find((f) => f.id === id);
	if (!spec) throw new Error(`Unknown format ${id}`);
	return spec;
}
