// Statistical neighbours (DfE children's services model) and where an area stands among all
// authorities: the neighbours' average, the rank with ties and the quartile. Pure, so the rules
// are tested directly and the page only says them.

/** How close a neighbour is, in the DfE model's own words, nearest first. */
export const CLOSENESS = ['Extremely close', 'Very close', 'Close', 'Somewhat close', 'Not close'] as const;
export type Closeness = (typeof CLOSENESS)[number];

/** The DfE's closeness words, any case and spacing ("Close " in the published file). */
export function parseCloseness(text: string): { ok: true; value: Closeness } | { ok: false; message: string } {
	const key = text.replace(/\s+/g, ' ').trim().toLowerCase();
	const found = CLOSENESS.find((c) => c.toLowerCase() === key);
	return found ? { ok: true, value: found } : { ok: false, message: `"${text.trim()}" is not a closeness of the DfE model; expected ${CLOSENESS.join(', ')}.` };
}

/** How many neighbours the model gives each authority. */
export const NEIGHBOURS = 10;

/**
 * The fewest neighbours with a figure for their average to be shown: at least half. Small counts
 * are suppressed (`c`) in DfE tables, so the neighbours left out of a year are the small ones; an
 * average of a few would lean towards the larger figures and say more than it knows.
 */
export const MIN_NEIGHBOURS_FOR_AVERAGE = 5;

export interface NeighbourAverage {
	/** The mean of the neighbours' rates; null when fewer than MIN_NEIGHBOURS_FOR_AVERAGE have one. */
	mean: number | null;
	/** Neighbours with a figure this period. */
	used: number;
	/** Neighbours in the model. */
	of: number;
}

/**
 * The neighbours' average: the plain mean of their rates per 10,000 children, each neighbour counting
 * once whatever its size, as the DfE's Local Authority Interactive Tool averages statistical
 * neighbours. (A pooled rate, all their counts over all their children, would let the largest
 * neighbour speak for the rest; the model chose them as ten like areas, not as one population.)
 * A gap (suppressed, not published, no population) is left out, never read as zero.
 */
export function neighbourAverage(rates: readonly (number | null)[], min = MIN_NEIGHBOURS_FOR_AVERAGE): NeighbourAverage {
	const known = rates.filter((r): r is number => r !== null && Number.isFinite(r));
	const mean = known.length >= min && known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : null;
	return { mean, used: known.length, of: rates.length };
}

/** Which way rank 1 points. */
export type RankOrder = 'highest-first' | 'lowest-first';

/**
 * Rank 1 is the highest rate unless the measure says lower is better (then the lowest): the DfE
 * indicators here have no better direction, so 1 is the most assessments per 10,000 children.
 */
export function rankOrderFor(polarity: string | null): RankOrder {
	return polarity === 'lower' ? 'lowest-first' : 'highest-first';
}

/** Rates are compared as shown, to one decimal place: two authorities shown alike share a rank. */
export const roundRate = (rate: number) => Math.round(rate * 10) / 10;

export interface Standing {
	/** 1 = first in `order`; ties share the best rank of their group (1, 2, 2, 4). */
	rank: number;
	/** Authorities ranked: those with a figure. */
	of: number;
	/** Tied with this many others. */
	tiedWith: number;
	/** 1 to 4, by the share of authorities ranked ahead of it (see quartileOf). */
	quartile: 1 | 2 | 3 | 4;
}

/**
 * Where `value` stands among `values` (every authority's rate, the area's own included), by standard
 * competition ranking on the rates as shown: rank = 1 + the number of authorities strictly ahead.
 * Null when the area has no figure.
 */
export function standing(value: number | null, values: readonly (number | null)[], order: RankOrder): Standing | null {
	if (value === null || !Number.isFinite(value)) return null;
	const mine = roundRate(value);
	const known = values.filter((v): v is number => v !== null && Number.isFinite(v)).map(roundRate);
	if (!known.includes(mine)) return null;
	const ahead = known.filter((v) => (order === 'highest-first' ? v > mine : v < mine)).length;
	const tied = known.filter((v) => v === mine).length;
	const rank = ahead + 1;
	return { rank, of: known.length, tiedWith: tied - 1, quartile: quartileOf(rank, known.length) };
}

/**
 * The quartile of a rank among n: by the share of authorities ranked ahead of it, (rank − 1) ÷ n —
 * under a quarter, the 1st; under a half, the 2nd; under three quarters, the 3rd; else the 4th.
 * So quartile = 1 + ⌊4 × (rank − 1) ÷ n⌋; tied authorities share a rank and so a quartile.
 */
export function quartileOf(rank: number, n: number): 1 | 2 | 3 | 4 {
	if (!(n >= 1) || rank < 1 || rank > n) throw new RangeError(`rank ${rank} of ${n}`);
	return (1 + Math.floor((4 * (rank - 1)) / n)) as 1 | 2 | 3 | 4;
}

/** "1st", "2nd", "23rd", "111th". */
export function ordinal(n: number): string {
	const tens = n % 100;
	const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
	return `${n}${suffix}`;
}

/** The quartile in words, with the direction: "2nd quartile (1st = the highest rates)". */
export function quartileText(quartile: number, order: RankOrder): string {
	return `${ordinal(quartile)} quartile (1st = the ${order === 'highest-first' ? 'highest' : 'lowest'} rates)`;
}
