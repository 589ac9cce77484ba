// One row of the OBA report card: period, current and previous actual,
// target, trend, % change from baseline and the turn-the-curve verdict,
// computed once here so that the table, its sort and its export agree.
import { parseMarker, MISSING_MARKERS, type MissingMeaning } from './missing';
import { periodKey, type Period } from './quarters';
import type { Unit } from './units';
import { DEFAULT_HORIZON, MAX_HORIZON, forecast, type BaselineWindow, type Forecast, type ForecastOptions, type LockedForecast } from './baseline';
import { gapToTarget, judgeMove } from './judge';
import { currentTrend, flatTolerance, longTrend, percentChange, shortTrend, type CurrentTrend, type LongTrend, type ShortTrend } from './trend';
import { turnTheCurve, type Verdict } from './verdict';
import { seriesSpc, type SeriesSpc, type SeriesSpcOptions } from './spc-series';
import { NO_TOLERANCE, type MeasureRating, type Tolerance } from './measure-rag';
import { rateSeries } from './series-rag';
import {
	latestReportedIndex,
	pointAt,
	stepsAfter,
	stepsBetween,
	valueOf,
	type Judgement,
	type MeasurePolarity,
	type SeriesPoint,
	type TargetRange
} from './series-point';

export type ReportCardMeasure = {
	id: string;
	name: string;
	unit: Unit | string;
	polarity: MeasurePolarity;
	targetRange?: TargetRange | null;
	/** The measure's RAG tolerance (the app's, else its file's); none when not given. */
	tolerance?: Tolerance;
	/**
	 * The points its RAG is judged on, when not the points shown: safe to publish withholds small
	 * counts from what a report shows, not from the partnership's judgement of its own performance.
	 */
	ratedOn?: readonly SeriesPoint[];
};

/**
 * The baseline window and method (see ForecastOptions), or a locked forecast,
 * which wins when given: its window is the baseline and its line the forecast.
 */
export type BaselineOptions = ForecastOptions & { locked?: LockedForecast | null };

/** A period's figure as the card shows it: the number, or the gap with its marker and meaning. */
export type ReportedValue = {
	period: Period;
	value: number | null;
	/** The marker as written ("[c]"); null when there is a value or the cell was blank. */
	marker: string | null;
	meaning: MissingMeaning | null;
	/** What the gap means in words; null when there is a value. */
	missing: string | null;
};

export type BaselineChange = {
	window: BaselineWindow | null;
	/** The mean of the values in the baseline window (see baselineValue). */
	value: number | null;
	/** Values in the window that the mean is taken over. */
	used: number;
	/** Latest minus baseline, in the measure's unit. */
	change: number | null;
	percentChange: number | null;
	judgement: Judgement;
	lockedOn: string | null;
	reason: string | null;
};

export type ReportCardRow = {
	id: string;
	name: string;
	unit: Unit | string;
	polarity: MeasurePolarity;
	targetRange: TargetRange | null;
	/** The latest reported period (the last with a value or a marker). */
	latest: ReportedValue | null;
	/** The period before it. */
	previous: ReportedValue | null;
	/** The latest period's target. */
	target: number | null;
	/** Signed so that positive is better (for a range: the margin inside it). */
	gapToTarget: number | null;
	targetMet: boolean | null;
	/** The measure's RAG against its target and tolerance, with why (see measure-rag.ts). */
	rating: MeasureRating;
	tolerance: Tolerance;
	currentTrend: CurrentTrend;
	shortTrend: ShortTrend;
	longTrend: LongTrend;
	baseline: BaselineChange;
	forecast: Forecast | LockedForecast;
	verdict: Verdict;
	/** The XmR chart's variation and assurance (see spc-series). */
	spc: SeriesSpc;
};

function reported(points: readonly SeriesPoint[], period: Period): ReportedValue {
	const point = pointAt(points, period);
	const value = valueOf(point);
	if (value !== null) return { period, value, marker: null, meaning: null, missing: null };
	if (!point) return { period, value: null, marker: null, meaning: null, missing: 'Not in the series' };
	const written = typeof point.marker === 'string' ? point.marker.trim() : '';
	if (written === '') return { period, value: null, marker: null, meaning: null, missing: 'No value given' };
	const parsed = parseMarker(written);
	if (!parsed) return { period, value: null, marker: written, meaning: null, missing: `Marked "${written}"` };
	return { period, value: null, marker: written, meaning: parsed.meaning, missing: MISSING_MARKERS[parsed.canonical].description };
}

/**
 * The baseline is the MEAN of the values in the baseline window, not its
 * first value: one quarter of a small safeguarding count is too noisy to be
 * the point every later quarter is measured from. Gaps are left out.
 */
export function baselineValue(points: readonly SeriesPoint[], window: BaselineWindow): { value: number | null; used: number } {
	let sum = 0;
	let used = 0;
	const length = stepsBetween(window.from, window.to);
	for (const p of points) {
		const v = valueOf(p);
		if (v === null || p.period.kind !== window.from.kind) continue;
		const x = stepsBetween(window.from, p.period);
		if (x < 0 || x > length) continue;
		sum += v;
		used++;
	}
	const mean = used > 0 ? sum / used : null;
	return { value: mean !== null && Number.isFinite(mean) ? mean : null, used };
}

/**
 * Without options the baseline window runs from the first value to the
 * period before the latest one: the latest quarter is judged against where
 * all earlier history was heading. An agreed baseline should be passed in
 * (or, better, locked) so the window does not move every quarter.
 */
function chooseForecast(points: readonly SeriesPoint[], latest: Period | null, options: BaselineOptions): Forecast | LockedForecast {
	const { locked, ...fit } = options;
	if (locked) return locked;
	const to = fit.to ?? (latest ? stepsAfter(latest, -1) : undefined);
	// With one value the default window would end before it starts; it is
	// simply empty, so the card says "too little history", not "backwards".
	const first = points.find((p) => valueOf(p) !== null)?.period;
	const from = fit.from ?? (first && to && stepsBetween(first, to) < 0 ? to : first);
	const past = to && latest ? stepsBetween(to, latest) : 0;
	const horizon = fit.horizon ?? Math.min(MAX_HORIZON, Math.max(DEFAULT_HORIZON, past));
	return forecast(points, { ...fit, from, to, horizon });
}

export function reportCardRow(
	measure: ReportCardMeasure,
	points: readonly SeriesPoint[],
	baselineOptions: BaselineOptions = {},
	spcOptions: SeriesSpcOptions = {}
): ReportCardRow {
	const { polarity } = measure;
	const range = measure.targetRange ?? null;
	const tolerance = measure.tolerance ?? NO_TOLERANCE;
	const i = latestReportedIndex(points);
	const latestPoint = points[i];
	const latestPeriod = latestPoint?.period ?? null;
	const latest = latestPeriod ? reported(points, latestPeriod) : null;
	const previous = latestPeriod ? reported(points, stepsAfter(latestPeriod, -1)) : null;
	const t = latestPoint?.target;
	const target = typeof t === 'number' && Number.isFinite(t) ? t : null;
	const gap = gapToTarget(latest?.value ?? null, target, polarity, range);

	const f = chooseForecast(points, latestPeriod, baselineOptions);
	const lockedOn = 'lockedOn' in f ? f.lockedOn : null;
	const window = f.window;
	let baseline: BaselineChange;
	if (!window) {
		baseline = { window, value: null, used: 0, change: null, percentChange: null, judgement: 'unknown', lockedOn, reason: 'No baseline window: no values yet' };
	} else {
		const { value, used } = baselineValue(points, window);
		const now = latest?.value ?? null;
		const change = value !== null && now !== null ? now - value : null;
		const pct = percentChange(value, now);
		const reason =
			value === null ? 'No values in the baseline window' : now === null ? 'The latest period has no value' : pct === null ? 'No % change from a baseline of zero' : null;
		baseline = {
			window,
			value,
			used,
			change: change !== null && Number.isFinite(change) ? change : null,
			percentChange: pct,
			judgement: value !== null && now !== null ? judgeMove(value, now, polarity, range, flatTolerance(points)) : 'unknown',
			lockedOn,
			reason
		};
	}

	return {
		id: measure.id,
		name: measure.name,
		unit: measure.unit,
		polarity,
		targetRange: range,
		latest,
		previous,
		target,
		gapToTarget: gap,
		targetMet: gap === null ? null : gap >= 0,
		rating: strip(rateSeries(measure.ratedOn ?? points, polarity, tolerance, range)),
		tolerance,
		currentTrend: currentTrend(points, polarity, range),
		shortTrend: shortTrend(points, polarity, range),
		longTrend: longTrend(points, 4, polarity, range),
		baseline,
		forecast: f,
		verdict: turnTheCurve(points, f, polarity, range),
		spc: seriesSpc(points, polarity, spcOptions)
	};
}

/** The rating without the period rated: the row has it as `latest`. */
function strip({ period: _period, ...rating }: ReturnType<typeof rateSeries>): MeasureRating {
	return rating as MeasureRating;
}

export type SortKey =
	| 'name'
	| 'rag'
	| 'id'
	| 'latestPeriod'
	| 'latestValue'
	| 'previousValue'
	| 'target'
	| 'gapToTarget'
	| 'currentTrend'
	| 'shortTrendPrevious'
	| 'shortTrendLastYear'
	| 'longTrend'
	| 'baselineChange'
	| 'verdict'
	| 'spc';

export type SortDirection = 'ascending' | 'descending';

/**
 * The number (or text) a column sorts by; null is a gap. The trend sorts by
 * its run signed by judgement (better for 3 → 3, worse for 2 → −2, same → 0);
 * the verdict by its run, turning positive and not-yet negative, the rest gaps.
 * % columns sort by the % change shown.
 */
export function sortValue(row: ReportCardRow, key: SortKey): number | string | null {
	switch (key) {
		case 'name':
			return row.name;
		case 'id':
			return row.id;
		case 'rag':
			// Red first when ascending: the measures that need the board's attention.
			return row.rating.rag === null ? null : 'RAG'.indexOf(row.rating.rag);
		case 'latestPeriod':
			return row.latest ? periodKey(row.latest.period) : null;
		case 'latestValue':
			return row.latest?.value ?? null;
		case 'previousValue':
			return row.previous?.value ?? null;
		case 'target':
			return row.target;
		case 'gapToTarget':
			return row.gapToTarget;
		case 'currentTrend': {
			const { judgement, run } = row.currentTrend;
			return judgement === 'better' ? run : judgement === 'worse' ? -run : judgement === 'same' ? 0 : null;
		}
		case 'shortTrendPrevious':
			return row.shortTrend.previous.percentChange;
		case 'shortTrendLastYear':
			return row.shortTrend.lastYear.percentChange;
		case 'longTrend':
			return row.longTrend.percentChange;
		case 'baselineChange':
			return row.baseline.percentChange;
		case 'verdict':
			return row.verdict.verdict === 'turning' ? row.verdict.run : row.verdict.verdict === 'not-yet' ? -row.verdict.run : null;
		case 'spc':
			return row.spc.variation ? row.spc.variationText : null;
		default:
			return null;
	}
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

function isGap(v: number | string | null): v is null {
	return v === null || (typeof v === 'number' && !Number.isFinite(v));
}

/** A sorted copy; gaps go last in either direction, and ties keep their order. */
export function sortRows(rows: readonly ReportCardRow[], key: SortKey, direction: SortDirection = 'ascending'): ReportCardRow[] {
	const sign = direction === 'descending' ? -1 : 1;
	return rows
		.map((row, index) => ({ row, index, v: sortValue(row, key) }))
		.sort((a, b) => {
			const ga = isGap(a.v);
			const gb = isGap(b.v);
			if (ga || gb) return ga === gb ? a.index - b.index : ga ? 1 : -1;
			const c = typeof a.v === 'number' && typeof b.v === 'number' ? (a.v < b.v ? -1 : a.v > b.v ? 1 : 0) : collator.compare(String(a.v), String(b.v));
			return c === 0 ? a.index - b.index : sign * c;
		})
		.map((x) => x.row);
}
