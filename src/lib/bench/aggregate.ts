import { checksum, type Aggregate } from './types';

/** A TRY_CAST(value AS DOUBLE): a number, or null for empty cells and markers such as "c". */
export function toNumber(text: string | null | undefined): number | null {
	if (text == null || text.trim() === '') return null;
	const value = Number(text);
	return Number.isFinite(value) ? value : null;
}

/** count(*) and avg(value) per measure and period, in plain JS: the usual hand-written alternative. */
export function aggregateRows(rows: Record<string, string | undefined>[]): Aggregate {
	const groups = new Map<string, { n: number; sum: number; count: number }>();
	for (const row of rows) {
		const key = `${row.measure_id}\u0000${row.period}`;
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { n: 0, sum: 0, count: 0 }));
		g.n++;
		const value = toNumber(row.value);
		if (value !== null) {
			g.sum += value;
			g.count++;
		}
	}
	return checksum([...groups.values()].map((g) => ({ n: g.n, mean: g.count ? g.sum / g.count : null })));
}
