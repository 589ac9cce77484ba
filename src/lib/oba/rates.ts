// Rates per 10,000 children aged 0–17: how DfE and councils compare areas of different sizes.
// The denominator is the ONS mid-year estimate of children in the area.

export const RATE_BASE = 10_000;

/** count ÷ children × 10,000; null (a gap, never a zero) without a count or a positive population. */
export function ratePer10000(count: number | null, children: number | null): number | null {
	if (count === null || children === null || !Number.isFinite(count) || !Number.isFinite(children) || children <= 0) return null;
	const rate = (count / children) * RATE_BASE;
	return Number.isFinite(rate) ? rate : null;
}

/** 'count': the figure as published. 'rate': per 10,000 children. */
export type Figure = 'count' | 'rate';

/**
 * Whether a measure can be shown per 10,000 children: a population indicator counted in children
 * (a DfE count), with a population loaded for some of its values. A published rate (unit rate10k)
 * is shown as published, never divided again; a share, a number of days or of pounds is not a count
 * of children.
 */
export function canShowRate(measure: { unit: string; quadrant: string }, populations: readonly (number | null)[]): boolean {
	return measure.quadrant === 'population' && measure.unit === 'count' && populations.some((p) => p !== null && p > 0);
}
