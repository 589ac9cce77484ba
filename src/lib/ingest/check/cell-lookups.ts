import { financialYearLabel, parsePeriod, PERIOD_EXPECTED, quarterMonths } from '../../oba/periods';
import { parseValue, VALUE_EXPECTED } from '../../oba/values';
import type { FormatContext } from '../formats/context';
import { columnIndex } from '../formats/context';
import { headerKey } from '../read/headers';
import { str } from '../../db/sql';
import { cell } from '../stage/stage';
import type { Lookup, LookupSpec } from './lookup';

/** A column the format does not define (a DfE indicator, say), found by its header. */
export function headerIndex(ctx: FormatContext, header: string): number | null {
	const index = ctx.file.headers.findIndex((h) => headerKey(h) === headerKey(header));
	return index < 0 ? null : index;
}

/** A field of a column's lookup as SQL, or a typed NULL when the file lacks the column. */
export function lookupField(lookup: Lookup | null, name = 'value', type = 'VARCHAR'): string {
	return lookup ? lookup.field(name) : `CAST(NULL AS ${type})`;
}

/** Registers a lookup of a column, by canonical name or header; null when the file lacks it. */
export function lookupColumn(ctx: FormatContext, name: string, spec: Omit<LookupSpec, 'column'>): Lookup | null {
	const column = columnIndex(ctx, name) ?? headerIndex(ctx, name);
	const columnSql = ctx.cellColumn?.[name];
	return column === null ? null : ctx.lookups.add({ ...spec, column, ...(columnSql ? { columnSql } : {}) });
}

/** The fields every period lookup gives: the period, its label and months, and how its text was read. */
export const PERIOD_FIELDS = { start: 'DATE', end: 'DATE', kind: 'VARCHAR', label: 'VARCHAR', months: 'VARCHAR', reading: 'VARCHAR' } as const;

/**
 * The measures whose years are academic, for the period lookup: a bare "2017/18" is then read as
 * September to August. `measureIdSql` is each row's measure id over the staged row `s`.
 */
export interface AcademicMeasures {
	measureIdSql: string;
	ids: readonly string[];
}

/** Marks a period's text as an academic measure's: the lookup parses each (text, kind of year) once. */
const ACADEMIC = '\u0001';

export const periodLookup = (ctx: FormatContext, name = 'period', academic?: AcademicMeasures) => {
	const column = columnIndex(ctx, name);
	const cellText = column === null ? null : `coalesce(s.${cell(column)}, '')`;
	const textSql = academic?.ids.length && cellText
		? `CASE WHEN ${academic.measureIdSql} IN (${academic.ids.map(str).join(', ')}) THEN '${ACADEMIC}' || ${cellText} ELSE ${cellText} END`
		: undefined;
	return lookupColumn(ctx, name, {
		fields: PERIOD_FIELDS,
		...(textSql ? { textSql } : {}),
		parse: (marked) => {
			const yearType = marked.startsWith(ACADEMIC) ? 'academic' : 'financial';
			const text = yearType === 'academic' ? marked.slice(ACADEMIC.length) : marked;
			const parsed = parsePeriod(text, { yearType });
			if (!parsed.ok) {
				// The parser's bare "expected …" does not say which text it could not read.
				return parsed.message === PERIOD_EXPECTED ? { ok: false, message: `"${text.trim()}" is not a period the app can read; ${PERIOD_EXPECTED}` } : parsed;
			}
			const { start, end, kind } = parsed.period;
			const label = financialYearLabel(parsed.period);
			return { ok: true, fields: { start, end, kind, label, months: quarterMonths(parsed.period), reading: parsed.reading } };
		},
		fix: `Write the period as in the template, ${PERIOD_EXPECTED.replace(/^expected /, 'for example ')}.`
	});
};

/** Digits with an optional decimal part: how nearly every value is written; DuckDB reads these itself. */
export const PLAIN_NUMBER = '[0-9]{1,15}(\\.[0-9]{1,15})?';

/** A number, a missing-value marker (kept as written) or a blank. */
export const NUMBER_CELL: Omit<LookupSpec, 'column'> = {
	fields: { value: 'DOUBLE', marker: 'VARCHAR', percent: 'BOOLEAN', pounds: 'BOOLEAN', blank: 'BOOLEAN' },
	plain: { pattern: PLAIN_NUMBER, fields: { value: (text) => `TRY_CAST(${text} AS DOUBLE)`, percent: () => 'false', pounds: () => 'false', blank: () => 'false' } },
	parse: (text) => {
		const parsed = parseValue(text);
		switch (parsed.kind) {
			case 'number':
				return { ok: true, fields: { value: parsed.value, marker: null, percent: parsed.percent, pounds: parsed.pounds === true, blank: false } };
			case 'missing':
				return { ok: true, fields: { value: null, marker: parsed.marker, percent: false, pounds: false, blank: false } };
			case 'empty':
				return { ok: true, fields: { value: null, marker: null, percent: false, pounds: false, blank: true } };
			default:
				return { ok: false, message: parsed.message };
		}
	},
	fix: `Write a number (${VALUE_EXPECTED.replace(/^expected /, '')}).`
};

export const numberLookup = (ctx: FormatContext, name: string) => lookupColumn(ctx, name, NUMBER_CELL);

/** A metadata cell parsed by one of the oba parsers into one text field; blank stays blank. */
export function textLookup(
	ctx: FormatContext,
	name: string,
	parse: (text: string) => { ok: true; value: string | null } | { ok: false; message: string },
	fix: string
) {
	return lookupColumn(ctx, name, {
		fields: { value: 'VARCHAR' },
		parse: (text) => {
			if (text.trim() === '') return { ok: true, fields: { value: null } };
			const parsed = parse(text);
			return parsed.ok ? { ok: true, fields: { value: parsed.value } } : parsed;
		},
		fix
	});
}
