// Better or worse, in the measure's own direction. Every judgement in the
// trend, verdict and report-card modules goes through here, so that "higher
// is better", "lower is better" and "within a target range" mean the same
// thing in the arrow, the short trend and the turn-the-curve verdict.
import type { Judgement, MeasurePolarity, TargetRange } from './series-point';

/** A range the maths can use: finite ends, low ≤ high (swapped if written the other way). */
export function usableRange(range: TargetRange | null | undefined): TargetRange | null {
	if (!range || !Number.isFinite(range.low) || !Number.isFinite(range.high)) return null;
	return range.low <= range.high ? { low: range.low, high: range.high } : { low: range.high, high: range.low };
}

/** How far a value lies outside the range: 0 inside it. */
export function distanceToRange(value: number, range: TargetRange): number {
	if (value < range.low) return range.low - value;
	if (value > range.high) return value - range.high;
	return 0;
}

/**
 * Smaller is better, whatever the polarity: -value when higher is better,
 * value when lower is better, the distance outside the range for a range.
 * Null when the polarity is not set (or a range has no usable ends).
 */
export function shortfall(value: number, polarity: MeasurePolarity, range?: TargetRange | null): number | null {
	if (polarity === 'higher') return -value;
	if (polarity === 'lower') return value;
	if (polarity === 'range') {
		const r = usableRange(range);
		return r ? distanceToRange(value, r) : null;
	}
	return null;
}

/**
 * A move from one value to another. A move within the tolerance is 'same',
 * whatever the polarity: noise is not news. For a range, moving toward or
 * into the range is better, away from it worse, and moving about inside it
 * is the same.
 */
export function judgeMove(
	from: number,
	to: number,
	polarity: MeasurePolarity,
	range?: TargetRange | null,
	tolerance = 0
): Judgement {
	const a = shortfall(from, polarity, range);
	const b = shortfall(to, polarity, range);
	if (a === null || b === null) return 'unknown';
	if (Math.abs(to - from) <= tolerance || a === b) return 'same';
	return b < a ? 'better' : 'worse';
}

/**
 * Gap to target, signed so that positive is better: value − target when
 * higher is better, target − value when lower is better. For a range: the
 * margin inside it to the nearer end (positive), or minus the distance
 * outside it. Null without a polarity, a target (or range) or a value.
 */
export function gapToTarget(
	value: number | null,
	target: number | null | undefined,
	polarity: MeasurePolarity,
	range?: TargetRange | null
): number | null {
	if (value === null || !Number.isFinite(value)) return null;
	if (polarity === 'range') {
		const r = usableRange(range);
		if (!r) return null;
		const outside = distanceToRange(value, r);
		return outside > 0 ? -outside : Math.min(value - r.low, r.high - value);
	}
	if (typeof target !== 'number' || !Number.isFinite(target)) return null;
	if (polarity === 'higher') return value - target;
	if (polarity === 'lower') return target - value;
	return null;
}
