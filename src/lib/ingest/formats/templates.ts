// Templates for every format, generated from the same column definitions the reader matches:
// a blank one (the headers) and an example (the headers and rows of example values).
import type { FormatSpec } from './specs';

export interface Template {
	name: string;
	headers: string[];
	rows: string[][];
}

/** Extra example rows, where one row would not show how the format works. */
const MORE_ROWS: Partial<Record<FormatSpec['id'], Record<string, string>[]>> = {
	'measures-long': [
		{ period: '2016/17 Q4', value: '[c]', notes: 'Fewer than 5 cases: suppressed' },
		{ period: '2017/18 Q1', value: '', numerator: '36', denominator: '40' }
	],
	reviews: [{ review: 'Dec 2017', rag: 'Blue', progress: 'Complete.' }]
};

/** Columns a format takes beyond its named ones: periods in the wide form, review pairs, indicators. */
const EXTRA_COLUMNS: Partial<Record<FormatSpec['id'], { header: string; example: string }[]>> = {
	'measures-wide': [
		{ header: '2016/17 Q1', example: '12' },
		{ header: '2016/17 Q2', example: '[c]' },
		{ header: '2016/17 Q3', example: '15' }
	],
	'action-plan': [
		{ header: 'RAG Dec 2016', example: 'Green' },
		{ header: 'Progress Dec 2016', example: 'Delivered to 12 schools.' }
	],
	dfe: [{ header: 'Child_sexual_exploitation', example: '80' }]
};

function exampleRow(spec: FormatSpec, headers: string[], overrides: Record<string, string> = {}): string[] {
	const extra = EXTRA_COLUMNS[spec.id] ?? [];
	return headers.map((h) => overrides[h] ?? spec.columns.find((c) => c.name === h)?.example ?? extra.find((e) => e.header === h)?.example ?? '');
}

/** The blank template: the headers, required columns first. */
export function blankTemplate(spec: FormatSpec): Template {
	const named = [...spec.columns.filter((c) => c.required), ...spec.columns.filter((c) => !c.required)].map((c) => c.name);
	const headers = [...named, ...(EXTRA_COLUMNS[spec.id] ?? []).map((e) => e.header)];
	return { name: `${spec.id}-template.csv`, headers, rows: [] };
}

/** The example: the headers and example values, plus any rows that show more of the format. */
export function exampleTemplate(spec: FormatSpec): Template {
	const { headers } = blankTemplate(spec);
	const rows = [exampleRow(spec, headers), ...(MORE_ROWS[spec.id] ?? []).map((o) => exampleRow(spec, headers, o))];
	return { name: `${spec.id}-example.csv`, headers, rows };
}
