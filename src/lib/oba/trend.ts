// Which way a measure is going: the report card's trend arrow and its run
// length, and Pentana's short trend (vs the previous quarter, vs the same
// quarter last year) and long trend (vs the mean of the last n quarters).
// A gap is never a zero and never bridged: a missing quarter ends a run.
import { formatPeriod, sameQuarterLastYear, type Period } from './quarters';
import { judgeMove } from './judge';
import {
	follows,
	latestReportedIndex,
	pointAt,
	stepWord,
	stepsAfter,
	valueOf,
	type Judgement,
	type MeasurePolarity,
	type SeriesPoint,
	type TargetRange
} from './series-point';

export type Direction = 'up' | 'down' | 'flat';

/**
 * A move of no more than half of one per cent of the measure's scale (its
 * largest absolute value in the series) is flat: 45.2% → 45.4% is rounding,
 * not a trend, while a count of 12 → 13 is a real move. The absolute floor
 * keeps float noise (0.1 + 0.2 ≠ 0.3) flat when every value is zero or tiny.
 */
export const FLAT_SHARE_OF_SCALE = 0.005;
export const FLAT_FLOOR = 1e-9;

export function flatTolerance(points: readonly SeriesPoint[]): number {
	let scale = 0;
	for (const p of points) {
		const v = valueOf(p);
		if (v !== null) scale = Math.max(scale, Math.abs(v));
	}
	return Math.max(FLAT_SHARE_OF_SCALE * scale, FLAT_FLOOR);
}

export function direction(from: number, to: number, tolerance: number): Direction {
	const change = to - from;
	if (!(Math.abs(change) > tolerance)) return 'flat';
	return change > 0 ? 'up' : 'down';
}

/**
 * % change from one value to another, as a percentage (12.5 means +12.5%).
 * Divides by |from| so that a rise is positive even from a negative value.
 * From zero: 0 to 0 is 0%, 0 to anything else has no % change (null), and
 * so does a missing or non-finite value on either side.
 */
export function percentChange(from: number | null, to: number | null): number | null {
	if (from === null || to === null || !Number.isFinite(from) || !Number.isFinite(to)) return null;
	if (from === 0) return to === 0 ? 0 : null;
	const pct = ((to - from) / Math.abs(from)) * 100;
	return Number.isFinite(pct) ? pct : null;
}

export type CurrentTrend = {
	/** The latest move; null when there is none to see (see reason). */
	direction: Direction | null;
	/** That move in the measure's own direction. */
	judgement: Judgement;
	/** Moves in a row in this direction, ending at the latest period (0 when no direction). */
	run: number;
	/** The latest reported period, where the trend ends. */
	latest: Period | null;
	/** The period the run starts from: run moves before latest, gaps aside. */
	from: Period | null;
	/** The missing (or absent) period that stopped the run, if a gap stopped it. */
	brokenBy: Period | null;
	/** What stopped the run going further back. */
	endedBy: 'change of direction' | 'missing period' | 'start of series' | null;
	/** The flat tolerance used (see FLAT_SHARE_OF_SCALE). */
	tolerance: number;
	/** Why there is no direction; null when there is one. */
	reason: string | null;
};

function missingText(point: SeriesPoint | undefined, period: Period): string {
	const marker = typeof point?.marker === 'string' && point.marker.trim() !== '' ? ` (marked ${point.marker.trim()})` : '';
	return point ? `${formatPeriod(period)} is missing${marker}` : `${formatPeriod(period)} is not in the series`;
}

function noTrend(
	latest: Period | null,
	tolerance: number,
	reason: string,
	brokenBy: Period | null,
	endedBy: CurrentTrend['endedBy']
): CurrentTrend {
	return { direction: null, judgement: 'unknown', run: 0, latest, from: null, brokenBy, endedBy, tolerance, reason };
}

/**
 * The direction of the latest move and how many periods it has run. The
 * latest period is the last one reported (see latestReportedIndex); if it is
 * a gap there is no current trend. A gap (or a skipped period) stops the run
 * and is named in brokenBy, so "up for 1 quarter" never hides earlier rises
 * on the far side of a suppressed figure without saying so.
 */
export function currentTrend(
	points: readonly SeriesPoint[],
	polarity: MeasurePolarity,
	range?: TargetRange | null
): CurrentTrend {
	const tolerance = flatTolerance(points);
	const i = latestReportedIndex(points);
	const last = points[i];
	if (!last) return noTrend(null, tolerance, 'No values yet', null, null);
	const latest = last.period;
	const v = valueOf(last);
	if (v === null) return noTrend(latest, tolerance, `${missingText(last, latest)}: no current trend`, latest, 'missing period');

	const gapBefore = (j: number): { brokenBy: Period; text: string } | 'start' | null => {
		const cur = points[j];
		const before = points[j - 1];
		if (!cur || !before) return 'start';
		if (!follows(before.period, cur.period)) {
			const missing = stepsAfter(cur.period, -1);
			return { brokenBy: missing, text: missingText(undefined, missing) };
		}
		if (valueOf(before) === null) return { brokenBy: before.period, text: missingText(before, before.period) };
		return null;
	};

	const first = gapBefore(i);
	if (first === 'start') return noTrend(latest, tolerance, `Only one ${stepWord(latest, 1)} so far: no move yet`, null, 'start of series');
	if (first) return noTrend(latest, tolerance, `${first.text}: no move into ${formatPeriod(latest)} to judge`, first.brokenBy, 'missing period');

	const prev = points[i - 1] as SeriesPoint;
	const dir = direction(valueOf(prev) as number, v, tolerance);
	let run = 1;
	let from = prev.period;
	let brokenBy: Period | null = null;
	let endedBy: CurrentTrend['endedBy'] = 'change of direction';
	for (let j = i - 1; ; j--) {
		const gap = gapBefore(j);
		if (gap === 'start') {
			endedBy = 'start of series';
			break;
		}
		if (gap) {
			brokenBy = gap.brokenBy;
			endedBy = 'missing period';
			break;
		}
		const a = valueOf(points[j - 1]) as number;
		const b = valueOf(points[j]) as number;
		if (direction(a, b, tolerance) !== dir) break;
		run++;
		from = (points[j - 1] as SeriesPoint).period;
	}
	return {
		direction: dir,
		judgement: judgeMove(valueOf(prev) as number, v, polarity, range, tolerance),
		run,
		latest,
		from,
		brokenBy,
		endedBy,
		tolerance,
		reason: null
	};
}

export type Comparison = {
	against: 'previous period' | 'same period last year';
	/** The period compared with. */
	period: Period | null;
	/** Its value; null when it is a gap or absent. */
	value: number | null;
	/** Latest minus that value, in the measure's unit (points for a %). */
	change: number | null;
	percentChange: number | null;
	direction: Direction | null;
	judgement: Judgement;
	/** Why change or percentChange is null; null when both are there. */
	reason: string | null;
};

export type ShortTrend = {
	latest: Period | null;
	latestValue: number | null;
	previous: Comparison;
	lastYear: Comparison;
};

function compare(
	against: Comparison['against'],
	latest: SeriesPoint | undefined,
	period: Period | null,
	points: readonly SeriesPoint[],
	polarity: MeasurePolarity,
	range: TargetRange | null | undefined,
	tolerance: number
): Comparison {
	const empty = { against, period, value: null, change: null, percentChange: null, direction: null, judgement: 'unknown' as const };
	if (!latest || !period) return { ...empty, reason: 'No values yet' };
	const to = valueOf(latest);
	if (to === null) return { ...empty, reason: missingText(latest, latest.period) };
	const other = pointAt(points, period);
	const from = valueOf(other);
	if (from === null) return { ...empty, reason: missingText(other, period) };
	const pct = percentChange(from, to);
	return {
		against,
		period,
		value: from,
		change: to - from,
		percentChange: pct,
		direction: direction(from, to, tolerance),
		judgement: judgeMove(from, to, polarity, range, tolerance),
		reason: pct === null ? `No % change from zero in ${formatPeriod(period)}` : null
	};
}

/** The latest period against the one before and the same one a year earlier. */
export function shortTrend(
	points: readonly SeriesPoint[],
	polarity: MeasurePolarity = null,
	range?: TargetRange | null
): ShortTrend {
	const tolerance = flatTolerance(points);
	const latest = points[latestReportedIndex(points)];
	const period = latest?.period ?? null;
	return {
		latest: period,
		latestValue: valueOf(latest),
		previous: compare('previous period', latest, period && stepsAfter(period, -1), points, polarity, range, tolerance),
		lastYear: compare('same period last year', latest, period && sameQuarterLastYear(period), points, polarity, range, tolerance)
	};
}

export type LongTrend = {
	n: number;
	latest: Period | null;
	latestValue: number | null;
	/** The first and last of the n periods before latest. */
	from: Period | null;
	to: Period | null;
	/** Mean of those n values; null unless all n are there. */
	mean: number | null;
	change: number | null;
	percentChange: number | null;
	direction: Direction | null;
	judgement: Judgement;
	reason: string | null;
};

/**
 * The latest value against the mean of the n periods before it. All n must
 * have values: a mean over fewer quarters would quietly change what "long"
 * means from one row to the next.
 */
export function longTrend(
	points: readonly SeriesPoint[],
	n = 4,
	polarity: MeasurePolarity = null,
	range?: TargetRange | null
): LongTrend {
	const i = latestReportedIndex(points);
	const latest = points[i];
	const period = latest?.period ?? null;
	const latestValue = valueOf(latest);
	const base = {
		n,
		latest: period,
		latestValue,
		from: null,
		to: null,
		mean: null,
		change: null,
		percentChange: null,
		direction: null,
		judgement: 'unknown' as const
	};
	if (!Number.isInteger(n) || n < 1) return { ...base, reason: `The long trend needs a whole number of periods (1 or more), not ${n}` };
	if (!period) return { ...base, reason: 'No values yet' };
	if (n > i) {
		return { ...base, reason: `The long trend needs ${n} ${stepWord(period, n)} before ${formatPeriod(period)}; only ${i} come before it in the series` };
	}
	const from = stepsAfter(period, -n);
	const to = stepsAfter(period, -1);
	if (latestValue === null) return { ...base, from, to, reason: missingText(latest, period) };
	const values: number[] = [];
	const missing: string[] = [];
	for (let k = n; k >= 1; k--) {
		const p = stepsAfter(period, -k);
		const v = valueOf(pointAt(points, p));
		if (v === null) missing.push(formatPeriod(p));
		else values.push(v);
	}
	if (missing.length > 0) {
		const word = stepWord(period, n);
		return {
			...base,
			from,
			to,
			reason: `The long trend needs all ${n} ${word} before ${formatPeriod(period)}; missing: ${missing.join(', ')}`
		};
	}
	const mean = values.reduce((s, v) => s + v, 0) / n;
	if (!Number.isFinite(mean)) return { ...base, from, to, reason: 'The values are too large to average' };
	const tolerance = flatTolerance(points);
	const pct = percentChange(mean, latestValue);
	return {
		n,
		latest: period,
		latestValue,
		from,
		to,
		mean,
		change: latestValue - mean,
		percentChange: pct,
		direction: direction(mean, latestValue, tolerance),
		judgement: judgeMove(mean, latestValue, polarity, range, tolerance),
		reason: pct === null ? 'No % change from a mean of zero' : null
	};
}
