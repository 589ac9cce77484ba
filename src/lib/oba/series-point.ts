// One measure's series as the trend, baseline and report-card modules read it:
// periods in order, each with a value or a gap. A gap is never a zero.
import { addMonths, monthsBetween } from './months';
import { addQuarters, quartersBetween, samePeriod, type Period } from './quarters';
import type { Polarity } from './polarity';

export type SeriesPoint = {
	period: Period;
	/** null for a gap; the marker (if any) says why. */
	value: number | null;
	/** The missing-value code as written ("[c]", "x"), when the value is a gap. */
	marker?: string | null;
	target?: number | null;
};

/** A measure may not have a polarity yet: nothing can then be called better or worse. */
export type MeasurePolarity = Polarity | null;

/** For polarity 'range': inside [low, high] is where the measure should be. */
export type TargetRange = { low: number; high: number };

/** How a change (or an actual against a forecast) reads in the measure's own direction. */
export type Judgement = 'better' | 'worse' | 'same' | 'unknown';

/** The value as a number, or null: NaN and ±Infinity are gaps too, never arithmetic. */
export function valueOf(point: SeriesPoint | undefined): number | null {
	const v = point?.value;
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** 'month', 'quarter' or 'year': the word used in messages ("for the last 3 quarters"). */
export function stepWord(p: Period, count: number): string {
	const word = p.kind;
	return count === 1 ? word : `${word}s`;
}

/** The period after p: the next month, quarter or year (of the same kind of year). */
export function nextPeriod(p: Period): Period {
	return stepsAfter(p, 1);
}

/** The period n steps (months, quarters or years, as p is) after p; negative n goes back. */
export function stepsAfter(p: Period, n: number): Period {
	if (p.kind === 'month') return addMonths(p, n);
	return addQuarters(p, p.kind === 'year' ? 4 * n : n);
}

/** Steps (months, quarters or years, as a is) from a to b; negative when b is earlier. */
export function stepsBetween(a: Period, b: Period): number {
	if (a.kind === 'month') return monthsBetween(a, b);
	const q = quartersBetween(a, b);
	return a.kind === 'year' ? q / 4 : q;
}

/** True when b is the period straight after a: a skipped period is a break, like a gap. */
export function follows(a: Period, b: Period): boolean {
	return a.kind === b.kind && samePeriod(nextPeriod(a), b);
}

/**
 * The latest reported point: the last with a value or a marker. Trailing
 * points with neither (future quarters that carry only a target) are not
 * reported yet, so they are not "the latest quarter". -1 when none is reported.
 */
export function latestReportedIndex(points: readonly SeriesPoint[]): number {
	for (let i = points.length - 1; i >= 0; i--) {
		const p = points[i];
		if (valueOf(p) !== null || (typeof p?.marker === 'string' && p.marker.trim() !== '')) return i;
	}
	return -1;
}

/** The point for a period, if the series has one. */
export function pointAt(points: readonly SeriesPoint[], period: Period): SeriesPoint | undefined {
	return points.find((p) => samePeriod(p.period, period));
}
