// Statistical process control: the XmR (individuals) chart of NHS England's "Making Data Count",
// computed as the NHS-R Community's NHSRplotthedots computes it (ptd_spc with its defaults), so a
// board sees the same limits and signals as the NHS analysts beside it. Pure: no DOM, no DuckDB.
import type { MeasurePolarity } from './series-point';
import { shiftRuns, trendRuns, twoOfThree, type Side } from './spc-rules';

/** Process limits: mean ± 2.66 × the mean moving range (3 sigma for individuals). */
export const LIMIT = 2.66;
/** The "near a limit" line of the two-of-three rule: 2 sigma. */
export const NEAR_LIMIT = (2 * LIMIT) / 3;
/** A moving range this many times the mean moving range is an outlier, left out of the limits. */
export const SCREEN = 3.267;
/** Fewer baseline points than this give trial limits (NHSRplotthedots asks for at least 12 to fix). */
export const MIN_BASELINE = 12;
/** Without a baseline before the plan's first review, the limits come from the first 20 points. */
export const DEFAULT_BASELINE = 20;

/** Which way is an improvement: NHSRplotthedots's improvement_direction. */
export type Direction = 'increase' | 'decrease' | 'neutral';

export function directionOf(polarity: MeasurePolarity): Direction {
	return polarity === 'higher' ? 'increase' : polarity === 'lower' ? 'decrease' : 'neutral';
}

export type SpecialCause = 'beyond-limit' | 'trend' | 'two-of-three' | 'shift';
/** 'neither': special cause where no direction is better (a range, or no polarity). */
export type PointClass = 'common' | 'improvement' | 'concern' | 'neither';

export interface SpcPoint {
	/** The point's place in the series given (gaps included). */
	index: number;
	value: number;
	/** |this − the previous value|, within the baseline and not across a gap; null otherwise. */
	movingRange: number | null;
	inBaseline: boolean;
	/** The special cause this point is part of, the first that applies in the order above. */
	cause: SpecialCause | null;
	/** Which way the signal points: +1 high (above, rising), −1 low; 0 for common cause. */
	side: Side;
	class: PointClass;
}

export type BaselineRule = 'chosen' | 'first-review' | 'first-20' | 'all';

export interface SpcBaseline {
	rule: BaselineRule;
	/** Observed points the mean and limits are fixed from. */
	points: number;
	/** The last series index in the baseline. */
	through: number;
}

export interface SpcLimits {
	mean: number;
	meanMovingRange: number;
	/** Moving ranges used (after screening), and those screened out as outliers. */
	movingRanges: number;
	screenedOut: number;
	upper: number;
	lower: number;
	upperNear: number;
	lowerNear: number;
}

export type Spc = { ok: true; limits: SpcLimits; baseline: SpcBaseline; points: SpcPoint[]; direction: Direction } | { ok: false; reason: string };

export interface SpcOptions {
	polarity: MeasurePolarity;
	/** Fix the limits from the points up to and including this series index. */
	through?: number | null;
	/** The series index of the period holding the plan's first review, if any: the default baseline ends there. */
	firstReview?: number | null;
}

function chooseBaseline(observed: readonly { index: number }[], options: SpcOptions): SpcBaseline {
	const upTo = (through: number) => observed.filter((p) => p.index <= through).length;
	if (options.through != null) return { rule: 'chosen', points: upTo(options.through), through: options.through };
	if (options.firstReview != null && upTo(options.firstReview) >= MIN_BASELINE) {
		return { rule: 'first-review', points: upTo(options.firstReview), through: options.firstReview };
	}
	const n = Math.min(DEFAULT_BASELINE, observed.length);
	return { rule: n < observed.length ? 'first-20' : 'all', points: n, through: observed[n - 1]?.index ?? -1 };
}

const average = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function limitsOf(baseline: readonly { index: number; value: number }[]): SpcLimits | null {
	// A moving range spans two neighbouring periods; none is taken across a gap.
	const ranges = baseline.flatMap((p, i) => (i > 0 && baseline[i - 1]!.index === p.index - 1 ? [Math.abs(p.value - baseline[i - 1]!.value)] : []));
	if (ranges.length === 0) return null;
	const raw = average(ranges);
	const kept = ranges.filter((r) => r < SCREEN * raw);
	const mean = average(baseline.map((p) => p.value));
	const meanMovingRange = kept.length ? average(kept) : raw;
	return {
		mean,
		meanMovingRange,
		movingRanges: kept.length,
		screenedOut: ranges.length - kept.length,
		upper: mean + LIMIT * meanMovingRange,
		lower: mean - LIMIT * meanMovingRange,
		upperNear: mean + NEAR_LIMIT * meanMovingRange,
		lowerNear: mean - NEAR_LIMIT * meanMovingRange
	};
}

function classOf(side: Side, direction: Direction): PointClass {
	if (side === 0) return 'common';
	if (direction === 'neutral') return 'neither';
	return (side === 1) === (direction === 'increase') ? 'improvement' : 'concern';
}

/** The XmR chart of a series: gaps (null) are skipped, never taken as zero. */
export function spc(values: readonly (number | null)[], options: SpcOptions): Spc {
	const observed = values.flatMap((value, index) => (value !== null && Number.isFinite(value) ? [{ index, value }] : []));
	const baseline = chooseBaseline(observed, options);
	const fixed = observed.filter((p) => p.index <= baseline.through);
	const limits = limitsOf(fixed);
	if (!limits) return { ok: false, reason: 'At least two neighbouring periods with values are needed in the baseline for a moving range' };
	const direction = directionOf(options.polarity);
	const ys = observed.map((p) => p.value);
	const sides = ys.map((y): Side => (y > limits.mean ? 1 : y < limits.mean ? -1 : 0));
	const beyond = ys.map((y) => y > limits.upper || y < limits.lower);
	const near = ys.map((y, i) => !beyond[i] && (y > limits.upperNear || y < limits.lowerNear));
	const trends = trendRuns(ys);
	const pairs = twoOfThree(near, sides);
	const shifts = shiftRuns(sides);
	const points = observed.map(({ index, value }, i): SpcPoint => {
		const [cause, side]: [SpecialCause | null, Side] = beyond[i]
			? ['beyond-limit', sides[i]!]
			: trends[i]
				? ['trend', trends[i]!]
				: pairs[i]
					? ['two-of-three', pairs[i]!]
					: shifts[i]
						? ['shift', shifts[i]!]
						: [null, 0];
		const before = observed[i - 1];
		const inBaseline = index <= baseline.through;
		return {
			index,
			value,
			movingRange: inBaseline && before && before.index === index - 1 ? Math.abs(value - before.value) : null,
			inBaseline,
			cause,
			side,
			class: classOf(side, direction)
		};
	});
	return { ok: true, limits, baseline: { ...baseline, points: fixed.length }, points, direction };
}
