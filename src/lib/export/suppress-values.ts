// Safe to publish for a measure's own values: a count (a 'count' measure's value, a numerator, a
// denominator) from 1 to threshold − 1 is withheld as "[c]" before anything is worked out from it, so
// no latest value, gap, change, trend, mean or chart point in the report can give it away: the report
// treats it as the data's own suppressed marker. A rate or percentage is withheld when its numerator
// or denominator is (numerator = rate × denominator would otherwise undo it); a rate with both shown
// stays, since it reveals no count that is not already shown. Zeros are shown. Plain rules.
import type { ValueRow } from '../db/queries/measures';

export const SUPPRESSED_MARKER = '[c]';

const small = (n: number | null, threshold: number) => n !== null && n >= 1 && n < threshold;

/** The rows with their small counts withheld (and what is derived from them), for a measure of this unit. */
export function suppressValues(rows: readonly ValueRow[], unit: string, threshold: number): ValueRow[] {
	return rows.map((row) => {
		const numerator = small(row.numerator, threshold);
		const denominator = small(row.denominator, threshold);
		const value = (unit === 'count' && small(row.value, threshold)) || ((numerator || denominator) && row.value !== null);
		if (!numerator && !denominator && !value) return row;
		return {
			...row,
			numerator: numerator ? null : row.numerator,
			denominator: denominator ? null : row.denominator,
			value: value ? null : row.value,
			marker: value ? SUPPRESSED_MARKER : row.marker
		};
	});
}
