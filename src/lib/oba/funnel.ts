// A funnel plot's control limits: every authority's rate per 10,000 children against its number of
// children, with limits around England's rate that narrow as the population grows, so a small area
// is not called an outlier for the chance in its few cases (Spiegelhalter 2005, "Funnel plots for
// comparing institutional performance", Statistics in Medicine 24:1185–1202).
//
// Method: exact Poisson limits. An area of n children at England's rate r expects m = r × n cases;
// its count is read as Poisson(m). The limits on the count are the chi-square (gamma) form of the
// exact Poisson interval around m (Garwood 1936, as in Public Health England's Fingertips guidance):
//   lower = χ²(α/2; 2m) / 2,   upper = χ²(1 − α/2; 2m + 2) / 2,
// with α = 0.05 (95%) and α = 0.002 (99.8%), then divided by n and × 10,000 as rates. A normal
// approximation (m ± z√m) would be symmetrical and, for the few dozen cases of a small authority,
// too narrow below and too wide above; the exact limits need only the gamma quantile (gamma.ts).
import { gammaQuantile } from './gamma';
import { RATE_BASE } from './rates';

/** The two limits the NHS and PHE draw: about 2 and 3 standard deviations. */
export const FUNNEL_LEVELS = [
	{ id: '95', coverage: 0.95, label: '95%' },
	{ id: '99.8', coverage: 0.998, label: '99.8%' }
] as const;
export type FunnelLevel = (typeof FUNNEL_LEVELS)[number]['id'];

export interface Limits {
	lower: number;
	upper: number;
}

/** The limits on the count of cases for `expected` cases (m > 0) at a coverage (0.95, 0.998). */
export function poissonCountLimits(expected: number, coverage: number): Limits {
	const tail = (1 - coverage) / 2;
	return {
		lower: expected > 0 ? gammaQuantile(tail, expected) : 0,
		upper: gammaQuantile(1 - tail, expected + 1)
	};
}

/** The limits on the rate per 10,000 for an area of `children`, around the rate per 10,000 `centre`. */
export function funnelLimits(centre: number, children: number, coverage: number): Limits {
	if (!(children > 0) || !(centre >= 0)) throw new RangeError(`funnelLimits(${centre}, ${children})`);
	const expected = (centre / RATE_BASE) * children;
	const count = poissonCountLimits(expected, coverage);
	return { lower: (count.lower / children) * RATE_BASE, upper: (count.upper / children) * RATE_BASE };
}

/** Where a point lies: within both funnels, or above/below the 95% or the 99.8% limits. */
export type FunnelPosition = 'within' | 'above-95' | 'above-99.8' | 'below-95' | 'below-99.8';

/** A point on a limit is within it: an outlier lies strictly beyond. */
export function funnelPosition(rate: number, centre: number, children: number): FunnelPosition {
	const [l95, l998] = FUNNEL_LEVELS.map((l) => funnelLimits(centre, children, l.coverage)) as [Limits, Limits];
	if (rate > l998.upper) return 'above-99.8';
	if (rate < l998.lower) return 'below-99.8';
	if (rate > l95.upper) return 'above-95';
	if (rate < l95.lower) return 'below-95';
	return 'within';
}

export const POSITION_TEXT: Record<FunnelPosition, string> = {
	within: 'Within the limits',
	'above-95': 'Above the 95% limit',
	'above-99.8': 'Above the 99.8% limit',
	'below-95': 'Below the 95% limit',
	'below-99.8': 'Below the 99.8% limit'
};

/** England's rate per 10,000: its count over its children (the centre line), or null without both. */
export function centreRate(count: number | null, children: number | null): number | null {
	return count !== null && children !== null && children > 0 ? (count / children) * RATE_BASE : null;
}

/**
 * Populations to draw the limits at: `steps` points spaced evenly in the square root of the
 * population (the funnel's width goes as 1/√n) from `from` to `to`, both ends included.
 */
export function funnelPopulations(from: number, to: number, steps = 80): number[] {
	if (!(from > 0) || !(to >= from)) return [];
	const [a, b] = [Math.sqrt(from), Math.sqrt(to)];
	return Array.from({ length: steps + 1 }, (_, i) => (a + ((b - a) * i) / steps) ** 2);
}
