// What a turn-the-curve chart draws, from a measure's series and a baseline choice: the lines,
// the band and the table. Pure; the OBA rules themselves live in src/lib/oba.
import type { BandPoint, LinePoint, LineSeries } from '../charts/line-geometry';
import { COMPARATOR_COLOURS } from '../charts/palette';
import { DEFAULT_HORIZON, forecast, projectLocked, type Forecast, type ForecastMethod, type LockedForecast } from '../oba/baseline';
import { formatDay } from '../oba/calendar';
import { formatCell, formatValue } from '../oba/format';
import { financialYearLabel, parsePeriod, previousQuarter, quartersBetween, type Period } from '../oba/periods';
import { stepsAfter, stepsBetween, type SeriesPoint } from '../oba/series-point';

export interface BaselineChoice {
	method: ForecastMethod;
	from: Period | null;
	to: Period | null;
}

const at = (p: Period) => new Date(p.start);

/** The default baseline: every quarter before the plan's first review, projected to the latest quarter. */
export function defaultBaseline(points: readonly SeriesPoint[], firstReview: Date | null): { from: Period | null; to: Period | null } {
	const withValues = points.filter((p) => p.value !== null);
	const first = withValues[0]?.period ?? null;
	if (!firstReview || !first) return { from: first, to: withValues.at(-1)?.period ?? null };
	const review = parsePeriod(firstReview.toISOString().slice(0, 10));
	const to = review.ok ? previousQuarter(review.period) : null;
	return { from: first, to: to && quartersBetween(first, to) >= 0 ? to : null };
}

/** The columns of a turn-the-curve chart's data table: exactly what the chart draws. */
export const TURN_THE_CURVE_COLUMNS = [
	{ key: 'period', label: 'Period' },
	{ key: 'actual', label: 'Actual', numeric: true },
	{ key: 'baseline', label: 'Baseline and forecast', numeric: true },
	{ key: 'band', label: '80% band' },
	{ key: 'target', label: 'Target', numeric: true }
];

/** Another area drawn beside the measure's own: the region, England. */
export interface Comparator {
	code: string;
	name: string;
	points: readonly SeriesPoint[];
}

/**
 * The table's columns: a locked forecast's is named with the day it was locked, and each
 * comparator has its own column, so the table holds exactly the lines drawn.
 */
function columnsOf(locked: LockedForecast | null, comparators: readonly Comparator[]) {
	const own = TURN_THE_CURVE_COLUMNS.map((c) => (c.key === 'baseline' && locked ? { ...c, label: `Forecast locked ${formatDay(locked.lockedOn)}` } : c));
	return [...own, ...comparators.map((c) => ({ key: `area:${c.code}`, label: c.name, numeric: true }))];
}

export interface TurnTheCurveView {
	/** The forecast fitted to the chosen baseline: what "Lock this forecast" would lock. */
	forecast: Forecast;
	/** The locked forecast drawn instead, when there is one. */
	locked: LockedForecast | null;
	/** The comparators' lines, coloured and named. */
	comparators: LineSeries[];
	columns: { key: string; label: string; numeric?: boolean }[];
	actual: LinePoint[];
	fitted: LinePoint[];
	projected: LinePoint[];
	band: BandPoint[];
	target: LinePoint[];
	table: Record<string, string | null>[];
}

/**
 * A locked forecast as the chart draws it: its line over its own window, then projected with its
 * band to the latest period (at least a year past the window), exactly as it was locked.
 */
function lockedLines(locked: LockedForecast, points: readonly SeriesPoint[]) {
	const { from, to } = locked.window;
	const last = points.at(-1)?.period;
	const ahead = Math.max(DEFAULT_HORIZON, last ? stepsBetween(to, last) : 0);
	const at = (length: number, start: Period) =>
		Array.from({ length }, (_, i) => projectLocked(locked, stepsAfter(start, i + 1))).filter((p) => p !== null);
	const fitted = [projectLocked(locked, from), ...at(stepsBetween(from, to), from)].filter((p) => p !== null);
	return { fitted, points: at(ahead, to) };
}

export function turnTheCurveView(
	points: readonly SeriesPoint[],
	unit: string,
	choice: BaselineChoice,
	{ locked = null, comparators = [] }: { locked?: LockedForecast | null; comparators?: readonly Comparator[] } = {}
): TurnTheCurveView {
	const last = points.at(-1)?.period;
	const to = choice.to ?? last ?? null;
	const horizon = last && to ? Math.max(1, stepsBetween(to, last)) : DEFAULT_HORIZON;
	const live = forecast(points, { method: choice.method, from: choice.from ?? undefined, to: to ?? undefined, horizon });
	// What is drawn: the locked line when there is one, else the forecast of the chosen baseline.
	const fit = locked ? { ok: true as const, ...lockedLines(locked, points) } : live;
	const actual = points.map((p) => ({ x: at(p.period), y: p.value, label: financialYearLabel(p.period), marker: p.marker ?? null }));
	const fitted = fit.ok ? fit.fitted.map((f) => ({ x: at(f.period), y: f.value, label: financialYearLabel(f.period) })) : [];
	// The projection starts where the fitted line ends, so the two read as one line.
	const projected = fit.ok ? [...fitted.slice(-1), ...fit.points.map((f) => ({ x: at(f.period), y: f.value, label: financialYearLabel(f.period) }))] : [];
	// Counts, shares, rates, days and money cannot fall below zero, nor a share above 100%:
	// the band is drawn within what the measure can be.
	const clamp = (v: number) => Math.min(unit === 'percent' ? 100 : Infinity, Math.max(0, v));
	const band = fit.ok ? fit.points.map((f) => ({ x: at(f.period), low: clamp(f.low), high: clamp(f.high) })) : [];
	const target = points.some((p) => p.target != null)
		? points.map((p) => ({ x: at(p.period), y: p.target ?? null, label: financialYearLabel(p.period) }))
		: [];
	const others = comparators.map((c) => new Map(c.points.map((p) => [financialYearLabel(p.period), p])));
	const table = points.map((p) => {
		const label = financialYearLabel(p.period);
		const areas = Object.fromEntries(
			comparators.map((c, i) => {
				const there = others[i]!.get(label);
				return [`area:${c.code}`, there ? formatCell(there.value, there.marker ?? null, unit) : ''];
			})
		);
		const fittedHere = fit.ok ? fit.fitted.find((f) => financialYearLabel(f.period) === label) : undefined;
		const projectedHere = fit.ok ? fit.points.find((f) => financialYearLabel(f.period) === label) : undefined;
		return {
			period: label,
			actual: formatCell(p.value, p.marker ?? null, unit),
			baseline: fittedHere ? formatValue(fittedHere.value, unit) : projectedHere ? formatValue(projectedHere.value, unit) : '',
			band: projectedHere ? `${formatValue(projectedHere.low, unit)} to ${formatValue(projectedHere.high, unit)}` : '',
			target: formatValue(p.target ?? null, unit),
			...areas
		};
	});
	const lines = comparators.map((c, i) => ({
		id: c.code,
		label: c.name,
		colour: COMPARATOR_COLOURS[i % COMPARATOR_COLOURS.length]!,
		points: c.points.map((p) => ({ x: at(p.period), y: p.value, label: financialYearLabel(p.period), marker: p.marker ?? null }))
	}));
	return { forecast: live, locked, comparators: lines, columns: columnsOf(locked, comparators), actual, fitted, projected, band, target, table };
}
