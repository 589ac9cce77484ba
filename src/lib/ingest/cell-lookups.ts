import { financialYearLabel, parsePeriod, PERIOD_EXPECTED } from '../oba/periods';
import { parseValue, VALUE_EXPECTED } from '../oba/values';
import type { FormatContext } from './context';
import { columnIndex } from './context';
import { headerKey } from './headers';
import type { Lookup, LookupSpec } from './lookup';

/** A column the format does not define (a DfE indicator, say), found by its header. */
export function headerIndex(ctx: FormatContext, header: string): number | null {
	const index = ctx.file.headers.findIndex((h) => headerKey(h) === headerKey(header));
	return index < 0 ? null : index;
}

/** Registers a lookup of a column, by canonical name or header; null when the file lacks it. */
export function lookupColumn(ctx: FormatContext, name: string, spec: Omit<LookupSpec, 'column'>): Lookup | null {
	const column = columnIndex(ctx, name) ?? headerIndex(ctx, name);
	return column === null ? null : ctx.lookups.add({ ...spec, column });
}

export const periodLookup = (ctx: FormatContext, name = 'period') =>
	lookupColumn(ctx, name, {
		fields: { start: 'DATE', end: 'DATE', kind: 'VARCHAR', label: 'VARCHAR' },
		parse: (text) => {
			const parsed = parsePeriod(text);
			if (!parsed.ok) return parsed;
			const { start, end, kind } = parsed.period;
			return { ok: true, fields: { start, end, kind, label: financialYearLabel(parsed.period) } };
		},
		fix: `Write the period as in the template, ${PERIOD_EXPECTED.replace(/^expected /, 'for example ')}.`
	});

/** A number, a missing-value marker (kept as written) or a blank. */
export const numberLookup = (ctx: FormatContext, name: string) =>
	lookupColumn(ctx, name, {
		fields: { value: 'DOUBLE', marker: 'VARCHAR', percent: 'BOOLEAN', blank: 'BOOLEAN' },
		parse: (text) => {
			const parsed = parseValue(text);
			switch (parsed.kind) {
				case 'number':
					return { ok: true, fields: { value: parsed.value, marker: null, percent: parsed.percent, blank: false } };
				case 'missing':
					return { ok: true, fields: { value: null, marker: parsed.marker, percent: false, blank: false } };
				case 'empty':
					return { ok: true, fields: { value: null, marker: null, percent: false, blank: true } };
				default:
					return { ok: false, message: parsed.message };
			}
		},
		fix: `Write a number (${VALUE_EXPECTED.replace(/^expected /, '')}).`
	});

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
