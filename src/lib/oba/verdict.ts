// Turning the curve: are the actuals since the baseline better than where the
// curve was heading? Each verdict carries the rule behind it in words, so a
// board member can check the judgement instead of trusting a colour.
import { formatPeriod, type Period } from './quarters';
import { MIN_BASELINE_VALUES, projectAt, type BaselineWindow, type Forecast, type LockedForecast } from './baseline';
import { shortfall, usableRange } from './judge';
import { flatTolerance } from './trend';
import {
	follows,
	latestReportedIndex,
	stepWord,
	stepsAfter,
	stepsBetween,
	valueOf,
	type MeasurePolarity,
	type SeriesPoint,
	type TargetRange
} from './series-point';

export type VerdictKind = 'turning' | 'not-yet' | 'too-little-history' | 'no-new-data' | 'no-direction';

/** One period after the baseline against the forecast. */
export type Standing = 'better' | 'worse' | 'within-band' | 'missing';

export type PeriodAgainstForecast = {
	period: Period;
	actual: number | null;
	forecast: number | null;
	low: number | null;
	high: number | null;
	/** Against the line alone, in the measure's own direction. */
	versusLine: 'better' | 'worse' | 'on the line' | null;
	/** Better or worse than every value in the 80% band (by more than the flat tolerance). */
	outsideBand: boolean | null;
	standing: Standing;
};

export type Verdict = {
	verdict: VerdictKind;
	/** The verdict in words, for the report card. */
	message: string;
	/** The rule the verdict applies, as a sentence. */
	rule: string;
	/** More about this case: which quarter, which gap; null when there is nothing to add. */
	detail: string | null;
	/** N: periods in a row, back from the latest actual, with the same standing (better, or not better). */
	run: number;
	/** The latest actual judged. */
	latest: Period | null;
	/** The gap that stopped the run, if a gap stopped it. */
	brokenBy: Period | null;
	/** Every period judged, in order, gaps included. */
	periods: PeriodAgainstForecast[];
	window: BaselineWindow | null;
	lockedOn: string | null;
};

export const RULES: Record<VerdictKind, string> = {
	turning:
		"Turning the curve means the latest actual is better than the forecast line and outside its 80% band on the better side, in the measure's own direction (higher, lower, or nearer the target range); N counts the periods in a row, back from the latest, for which that holds, and a missing period ends the count. Slowing a worsening trend counts when it beats the forecast this way.",
	'not-yet':
		'Not yet means the latest actual is worse than the forecast or inside its 80% band: an actual better than the line but inside the band cannot yet be told apart from the curve carrying on as forecast.',
	'too-little-history': `A forecast needs at least ${MIN_BASELINE_VALUES} periods with values in the baseline window; with fewer, a straight line says more about chance than about the curve.`,
	'no-new-data':
		'Only actuals for periods after the baseline window are judged, and for a locked forecast only periods that ended after the day it was locked, so no actual is judged by a line that already knew it.',
	'no-direction':
		'A curve is turned in a direction: a measure needs a polarity (higher is better, lower is better, or a target range) before an actual can be better or worse than its forecast.'
};

function isLocked(f: Forecast | LockedForecast): f is LockedForecast {
	return 'lockedOn' in f;
}

/** The band's best and worst shortfall: an interval's ends, or 0 where it meets the range. */
function bandShortfall(low: number, high: number, polarity: MeasurePolarity, range?: TargetRange | null) {
	const a = shortfall(low, polarity, range);
	const b = shortfall(high, polarity, range);
	if (a === null || b === null) return null;
	const r = usableRange(range);
	const meetsRange = polarity === 'range' && r !== null && low <= r.high && high >= r.low;
	return { best: meetsRange ? 0 : Math.min(a, b), worst: Math.max(a, b) };
}

function judgePeriod(
	point: SeriesPoint,
	model: Forecast | LockedForecast,
	polarity: MeasurePolarity,
	range: TargetRange | null | undefined,
	tolerance: number
): PeriodAgainstForecast {
	const actual = valueOf(point);
	const line = 'coefficients' in model ? projectAt(model, point.period) : null;
	const empty = { period: point.period, actual, forecast: line?.value ?? null, low: line?.low ?? null, high: line?.high ?? null };
	if (actual === null || !line) return { ...empty, versusLine: null, outsideBand: null, standing: 'missing' };
	const mine = shortfall(actual, polarity, range);
	const onLine = shortfall(line.value, polarity, range);
	const band = bandShortfall(line.low, line.high, polarity, range);
	if (mine === null || onLine === null || !band) return { ...empty, versusLine: null, outsideBand: null, standing: 'missing' };
	const versusLine = mine < onLine - tolerance ? 'better' : mine > onLine + tolerance ? 'worse' : 'on the line';
	const standing = mine < band.best - tolerance ? 'better' : mine > band.worst + tolerance ? 'worse' : 'within-band';
	return { ...empty, versusLine, outsideBand: standing !== 'within-band', standing };
}

/**
 * Judges the actuals after a forecast's window (and, for a locked forecast,
 * only periods that ended after it was locked) against it. The verdict rests
 * on the latest actual; a later gap is named in detail, never read as a zero.
 */
export function turnTheCurve(
	points: readonly SeriesPoint[],
	f: Forecast | LockedForecast,
	polarity: MeasurePolarity,
	range?: TargetRange | null
): Verdict {
	const locked = isLocked(f);
	const lockedOn = locked ? f.lockedOn : null;
	const window = f.window;
	const base = { detail: null, run: 0, latest: null, brokenBy: null, periods: [], window, lockedOn };
	const step = window?.from ?? points[0]?.period;
	const periodWord = (n: number) => (step ? stepWord(step, n) : n === 1 ? 'quarter' : 'quarters');

	if (polarity === null || (polarity === 'range' && !usableRange(range))) {
		const message = polarity === 'range' ? 'Set the target range to judge this measure' : 'Set whether higher or lower is better to judge this measure';
		return { ...base, verdict: 'no-direction', message, rule: RULES['no-direction'] };
	}
	if (!locked && !f.ok) {
		return {
			...base,
			verdict: 'too-little-history',
			message: `Too little history: a forecast needs at least ${MIN_BASELINE_VALUES} ${periodWord(2)} in the baseline window`,
			rule: RULES['too-little-history'],
			detail: f.reason
		};
	}
	const w = window as BaselineWindow;

	const reported = points.slice(0, latestReportedIndex(points) + 1);
	const after = reported.filter(
		(p) => p.period.kind === w.from.kind && stepsBetween(w.to, p.period) > 0 && (lockedOn === null || p.period.end > lockedOn)
	);
	const tolerance = flatTolerance(points);
	const periods = after.map((p) => judgePeriod(p, f, polarity, range, tolerance));
	let last = periods.length - 1;
	while (last >= 0 && periods[last]?.standing === 'missing') last--;
	const latestJudged = periods[last];
	if (!latestJudged) {
		const since = lockedOn ? `the forecast was locked on ${lockedOn}` : `the baseline window ended (${formatPeriod(w.to)})`;
		return { ...base, periods, verdict: 'no-new-data', message: 'No actuals since the forecast', rule: RULES['no-new-data'], detail: `No actual since ${since}` };
	}

	const turning = latestJudged.standing === 'better';
	let run = 1;
	let brokenBy: Period | null = null;
	for (let i = last; i > 0; i--) {
		const cur = periods[i] as PeriodAgainstForecast;
		const before = periods[i - 1] as PeriodAgainstForecast;
		if (before.standing === 'missing') {
			brokenBy = before.period;
			break;
		}
		if (!follows(before.period, cur.period)) {
			brokenBy = stepsAfter(cur.period, -1); // a period absent from the series is a gap too
			break;
		}
		if ((before.standing === 'better') !== turning) break;
		run++;
	}
	const gapsAfter = periods.slice(last + 1).map((p) => formatPeriod(p.period));
	const parts = [`As of ${formatPeriod(latestJudged.period)}`];
	if (gapsAfter.length > 0) parts.push(`later missing: ${gapsAfter.join(', ')}`);
	if (brokenBy) parts.push(`the run stops at the gap in ${formatPeriod(brokenBy)}`);
	const detail = parts.join('; ');
	if (turning) {
		const lastN = run === 1 ? `the last ${periodWord(1)}` : `the last ${run} ${periodWord(run)}`;
		return { ...base, periods, run, latest: latestJudged.period, brokenBy, detail, verdict: 'turning', message: `Turning the curve: better than forecast for ${lastN}`, rule: RULES.turning };
	}
	return {
		...base,
		periods,
		run,
		latest: latestJudged.period,
		brokenBy,
		detail,
		verdict: 'not-yet',
		message: `Not yet: worse than or within the forecast in the latest ${periodWord(1)}`,
		rule: RULES['not-yet']
	};
}
