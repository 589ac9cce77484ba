// The special-cause rules of an XmR chart, as NHS England's "Making Data Count" and the NHS-R
// Community's NHSRplotthedots (ptd_calculate_point_type) apply them. Each takes the observed
// points in order and returns, per point, whether it is part of a signal. Gaps are not in the
// series given here: a run carries on across a period with no value.

/** A shift: this many points in a row on one side of the mean. A point on the mean breaks it. */
export const SHIFT_RUN = 7;
/** A trend: this many points in a row each higher (or each lower) than the one before. A tie breaks it. */
export const TREND_RUN = 7;

export type Side = -1 | 0 | 1;

/**
 * Every point of each run: a run is flagged at its last point, and the points before it in the run
 * are part of it too (NHSRplotthedots marks the point and the run's other points, not only the last).
 */
function wholeRuns(endsOfRuns: readonly Side[], length: number): Side[] {
	return endsOfRuns.map((_, i) => {
		for (let j = i; j < Math.min(endsOfRuns.length, i + length); j++) if (endsOfRuns[j] !== 0) return endsOfRuns[j]!;
		return 0;
	});
}

/** +1 / −1 on every point of a run of SHIFT_RUN on one side of the mean (above / below); 0 elsewhere. */
export function shiftRuns(sides: readonly Side[]): Side[] {
	const ends = sides.map((side, i): Side => {
		if (i < SHIFT_RUN - 1 || side === 0) return 0;
		for (let k = i - SHIFT_RUN + 1; k < i; k++) if (sides[k] !== side) return 0;
		return side;
	});
	return wholeRuns(ends, SHIFT_RUN);
}

/** +1 / −1 at the last point of each run of TREND_RUN points rising / falling; 0 elsewhere. */
export function trendEnds(values: readonly number[]): Side[] {
	return values.map((_, i): Side => {
		if (i < TREND_RUN - 1) return 0;
		const steps = Array.from({ length: TREND_RUN - 1 }, (_, k) => Math.sign(values[i - k]! - values[i - k - 1]!));
		if (steps.every((s) => s === 1)) return 1;
		if (steps.every((s) => s === -1)) return -1;
		return 0;
	});
}

/**
 * +1 / −1 on every point of a trend, by which way the trend goes at that point: where two
 * trends meet, a point takes the direction of the step after it (as NHSRplotthedots does).
 */
export function trendRuns(values: readonly number[]): Side[] {
	const part = wholeRuns(trendEnds(values), TREND_RUN).map((s) => s !== 0);
	return values.map((v, i): Side => {
		if (!part[i]) return 0;
		const step = part[i + 1] ? values[i + 1]! - v : i > 0 ? v - values[i - 1]! : 0;
		return step > 0 ? 1 : -1;
	});
}

/**
 * Two out of three points in a row beyond the 2-sigma line, all three on the same side of the
 * mean: +1 / −1 (above / below) on each point that is itself beyond that line. A point beyond
 * the process limit does not count towards it (it is a signal of its own).
 */
export function twoOfThree(near: readonly boolean[], sides: readonly Side[]): Side[] {
	const window = (start: number) => {
		let count = 0;
		let side = 0;
		for (let k = start; k < start + 3; k++) {
			if (k < 0 || k >= near.length) continue;
			if (near[k]) count++;
			side += sides[k]!;
		}
		return count >= 2 && Math.abs(side) === 3;
	};
	return near.map((isNear, i): Side => (isNear && (window(i - 2) || window(i - 1) || window(i)) ? sides[i]! : 0));
}
