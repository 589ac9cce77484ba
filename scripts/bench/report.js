// Medians, percentiles, the readable table and the closing JSON line.

/** @param {number[]} xs */
export function median(xs) {
	return quantile(xs, 0.5);
}

/**
 * Nearest-rank quantile; null for no values.
 * @param {number[]} xs
 * @param {number} q
 */
export function quantile(xs, q) {
	if (!xs.length) return null;
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * Median over runs of one figure; nulls (a run that could not measure it) are left out.
 * @param {Record<string, unknown>[]} runs
 * @param {(run: any) => number | null | undefined} pick
 */
export function medianOf(runs, pick) {
	const values = runs.map((r) => {
		try {
			return pick(r);
		} catch {
			return null;
		}
	});
	return median(/** @type {number[]} */ (values.filter((v) => typeof v === 'number' && Number.isFinite(v))));
}

/** @param {number | null} x @param {number} [digits] */
export const round = (x, digits = 0) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * Aligned rows of label, value, note; a row of a label alone is a heading.
 * @param {([string] | [string, number | string | null, string?])[]} rows
 * @returns {string}
 */
export function table(rows) {
	const show = (/** @type {number | string | null | undefined} */ v) => (v == null ? '—' : typeof v === 'number' ? v.toLocaleString('en-GB') : v);
	const body = rows.filter((r) => r.length > 1);
	const w0 = Math.max(...body.map((r) => r[0].length));
	const w1 = Math.max(...body.map((r) => show(r[1]).length));
	return rows
		.map((r) => (r.length === 1 ? `\n${r[0]}` : `  ${r[0].padEnd(w0)}  ${show(r[1]).padStart(w1)}  ${r[2] ?? ''}`.trimEnd()))
		.join('\n');
}
