// The OBA baseline: history plus a forecast of where the curve goes if nothing
// changes. The forecast is a straight line through a chosen window of
// quarters, projected forward with an 80% band. Once agreed it is locked with
// its date, so that later actuals are judged against the line as it was then,
// not against a line refitted to include them.
import { readIsoDate } from './calendar';
import { formatPeriod, type Period } from './quarters';
import { leastSquares, quantile, theilSen, unlessRounding } from './line-fit';
import { tQuantile90 } from './t-quantile';
import { stepWord, stepsAfter, stepsBetween, valueOf, type SeriesPoint } from './series-point';

export type ForecastMethod = 'linear' | 'theil-sen';

/** Fewer values than this and a line says more about chance than about the curve. */
export const MIN_BASELINE_VALUES = 4;
/** Every band is an 80% band: wide enough to mean something with 4–12 quarters, narrow enough to be beaten. */
export const BAND_LEVEL = 0.8;
export const DEFAULT_HORIZON = 4;
/** Ten years of quarters: no straight line says anything useful further out. */
export const MAX_HORIZON = 40;

/**
 * The 80% band around the line.
 * - 'prediction interval' (least squares): ŷ ± t(0.90, n−2) · s · √(1 + 1/n + (x − x̄)²/Sxx),
 *   the textbook interval for one new observation. It widens the further the
 *   period is from the middle of the window, because the slope is uncertain too.
 * - 'residual quantiles' (Theil–Sen): ŷ + the 10th and 90th percentiles of the
 *   window's residuals (linear interpolation, R's type 7). It says how far
 *   quarters have strayed from the line; it does not widen with distance, and
 *   with few quarters it understates the uncertainty. Read it as the usual
 *   quarter-to-quarter scatter, not as certainty about the slope.
 */
export type Band =
	| {
			kind: 'prediction interval';
			level: 0.8;
			/** t(0.90, df), df = n − 2. */
			t: number;
			df: number;
			/** Residual standard error s. */
			residualSE: number;
			n: number;
			/** Mean of x (periods since window start) over the values used. */
			meanX: number;
			sxx: number;
	  }
	| { kind: 'residual quantiles'; level: 0.8; below: number; above: number };

/** value = intercept + slope × (periods since window.from). */
export type Coefficients = { intercept: number; slope: number };

export type BaselineWindow = { from: Period; to: Period };

export type ForecastOptions = {
	/** First period of the baseline window; default: the first period with a value. */
	from?: Period;
	/** Last period of the window; default: the last period with a value. */
	to?: Period;
	/** Periods to project past `to`; default 4, at most 40. */
	horizon?: number;
	/** Default 'linear' (least squares). */
	method?: ForecastMethod;
};

export type FittedPoint = { period: Period; value: number; actual: number | null };

export type ProjectedPoint = { period: Period; value: number; low: number; high: number };

export type FittedForecast = {
	ok: true;
	method: ForecastMethod;
	window: BaselineWindow;
	/** Values used in the fit (gaps are skipped, not zero). */
	used: number;
	/** Periods in the window with no value. */
	skipped: Period[];
	coefficients: Coefficients;
	band: Band;
	/** The line over every period of the window, with the actual beside it. */
	fitted: FittedPoint[];
	/** The projection for the `horizon` periods after window.to. */
	points: ProjectedPoint[];
	reason: null;
};

export type Forecast =
	| FittedForecast
	| { ok: false; method: ForecastMethod; window: BaselineWindow | null; used: number; reason: string };

export type LockedForecast = {
	method: ForecastMethod;
	window: BaselineWindow;
	used: number;
	coefficients: Coefficients;
	band: Band;
	/** ISO date the forecast was agreed and locked. */
	lockedOn: string;
};

/** The line and band at a period; null for a period of another kind (a year on a quarterly line). */
export function projectAt(
	model: { window: BaselineWindow; coefficients: Coefficients; band: Band },
	period: Period
): ProjectedPoint | null {
	if (period.kind !== model.window.from.kind) return null;
	const x = stepsBetween(model.window.from, period);
	const value = model.coefficients.intercept + model.coefficients.slope * x;
	const band = model.band;
	let low: number;
	let high: number;
	if (band.kind === 'prediction interval') {
		const half = band.t * band.residualSE * Math.sqrt(1 + 1 / band.n + (x - band.meanX) ** 2 / band.sxx);
		low = value - half;
		high = value + half;
	} else {
		low = value + band.below;
		high = value + band.above;
	}
	if (![value, low, high].every(Number.isFinite)) return null;
	return { period, value, low, high };
}

function horizonOf(h: number | undefined): number {
	if (typeof h !== 'number' || Number.isNaN(h)) return DEFAULT_HORIZON;
	return Math.min(MAX_HORIZON, Math.max(0, Math.floor(h)));
}

/**
 * Fits the baseline window and projects `horizon` periods past its end.
 * Never throws: too little history (fewer than 4 values in the window), a
 * window that ends before it starts, or values too large to fit all give
 * ok: false with the reason in words.
 */
export function forecast(points: readonly SeriesPoint[], options: ForecastOptions = {}): Forecast {
	const method: ForecastMethod = options.method === 'theil-sen' ? 'theil-sen' : 'linear';
	const valued = points.filter((p) => valueOf(p) !== null);
	const from = options.from ?? valued[0]?.period;
	const to = options.to ?? valued[valued.length - 1]?.period;
	if (!from || !to) return { ok: false, method, window: null, used: 0, reason: 'No values to forecast from' };
	const window = { from, to };
	const fail = (used: number, reason: string): Forecast => ({ ok: false, method, window, used, reason });
	if (from.kind !== to.kind) return fail(0, 'The baseline window must start and end with the same kind of period (quarters or years)');
	const length = stepsBetween(from, to);
	if (length < 0) return fail(0, `The baseline window ends (${formatPeriod(to)}) before it starts (${formatPeriod(from)})`);

	const xs: number[] = [];
	const ys: number[] = [];
	const actual = new Map<number, number>();
	for (const p of points) {
		const v = valueOf(p);
		if (v === null || p.period.kind !== from.kind) continue;
		const x = stepsBetween(from, p.period);
		if (x < 0 || x > length || actual.has(x)) continue; // one value per period: the first
		xs.push(x);
		ys.push(v);
		actual.set(x, v);
	}
	const used = xs.length;
	if (used < MIN_BASELINE_VALUES) {
		return fail(
			used,
			`Too little history: a forecast needs at least ${MIN_BASELINE_VALUES} ${stepWord(from, 2)} with values in the baseline window (${formatPeriod(from)} to ${formatPeriod(to)}); it has ${used}`
		);
	}

	let coefficients: Coefficients;
	let band: Band;
	if (method === 'linear') {
		const fit = leastSquares(xs, ys);
		const t = fit ? tQuantile90(fit.n - 2) : null;
		if (!fit || t === null) return fail(used, 'The values are too large to fit a line');
		coefficients = { intercept: fit.intercept, slope: fit.slope };
		band = { kind: 'prediction interval', level: BAND_LEVEL, t, df: fit.n - 2, residualSE: fit.residualSE, n: fit.n, meanX: fit.meanX, sxx: fit.sxx };
	} else {
		const fit = theilSen(xs, ys);
		if (!fit) return fail(used, 'The values are too large to fit a line');
		const residuals = xs.map((x, i) => (ys[i] as number) - (fit.intercept + fit.slope * x));
		const below = quantile(residuals, (1 - BAND_LEVEL) / 2);
		const above = quantile(residuals, (1 + BAND_LEVEL) / 2);
		if (below === null || above === null || !Number.isFinite(below) || !Number.isFinite(above)) {
			return fail(used, 'The values are too large to fit a line');
		}
		const scale = ys.reduce((m, y) => Math.max(m, Math.abs(y)), 0);
		coefficients = fit;
		band = { kind: 'residual quantiles', level: BAND_LEVEL, below: unlessRounding(below, scale), above: unlessRounding(above, scale) };
	}

	const model = { window, coefficients, band };
	const fitted: FittedPoint[] = [];
	const skipped: Period[] = [];
	for (let x = 0; x <= length; x++) {
		const period = stepsAfter(from, x);
		const value = coefficients.intercept + coefficients.slope * x;
		const a = actual.get(x) ?? null;
		if (a === null) skipped.push(period);
		fitted.push({ period, value, actual: a });
	}
	const projected: ProjectedPoint[] = [];
	for (let h = 1; h <= horizonOf(options.horizon); h++) {
		const p = projectAt(model, stepsAfter(to, h));
		if (!p) return fail(used, 'The values are too large to project');
		projected.push(p);
	}
	return { ok: true, method, window, used, skipped, coefficients, band, fitted, points: projected, reason: null };
}

export type LockResult = { ok: true; locked: LockedForecast } | { ok: false; reason: string };

/**
 * Fixes a forecast with the date it was agreed. Only a fitted forecast can be
 * locked, and only on or after the last day of its window: a forecast dated
 * before its own data existed would judge nothing fairly.
 */
export function lockForecast(f: Forecast, lockedOn: string): LockResult {
	if (!f.ok) return { ok: false, reason: `There is no forecast to lock: ${f.reason}` };
	const day = String(lockedOn ?? '').trim();
	if (!readIsoDate(day)) return { ok: false, reason: `"${day}" is not a date; expected YYYY-MM-DD, such as 2018-05-10` };
	if (day < f.window.to.end) {
		return { ok: false, reason: `A forecast can only be locked once its baseline window has ended (${formatPeriod(f.window.to)} ends ${f.window.to.end})` };
	}
	const locked: LockedForecast = {
		method: f.method,
		window: { from: { ...f.window.from }, to: { ...f.window.to } },
		used: f.used,
		coefficients: { ...f.coefficients },
		band: { ...f.band },
		lockedOn: day
	};
	return { ok: true, locked };
}

/** The locked line and band at any period (before, inside or after its window). */
export function projectLocked(locked: LockedForecast, period: Period): ProjectedPoint | null {
	return projectAt(locked, period);
}

function isPeriod(x: unknown): x is Period {
	const p = x as Period | null;
	return (
		typeof p === 'object' && p !== null && (p.kind === 'month' || p.kind === 'quarter' || p.kind === 'year') &&
		typeof p.start === 'string' && typeof p.end === 'string' && readIsoDate(p.start) !== null && readIsoDate(p.end) !== null
	);
}

function isBand(x: unknown): x is Band {
	const b = x as Record<string, unknown> | null;
	if (typeof b !== 'object' || b === null || b.level !== BAND_LEVEL) return false;
	const nums = (...keys: string[]) => keys.every((k) => typeof b[k] === 'number' && Number.isFinite(b[k]));
	if (b.kind === 'prediction interval') return nums('t', 'df', 'residualSE', 'n', 'meanX', 'sxx') && (b.sxx as number) > 0;
	return b.kind === 'residual quantiles' && nums('below', 'above');
}

/** A locked forecast read back from storage (JSON), or null if it is not one. */
export function readLockedForecast(json: unknown): LockedForecast | null {
	const l = json as Partial<LockedForecast> | null;
	if (typeof l !== 'object' || l === null) return null;
	if (l.method !== 'linear' && l.method !== 'theil-sen') return null;
	if (!l.window || !isPeriod(l.window.from) || !isPeriod(l.window.to) || l.window.from.kind !== l.window.to.kind) return null;
	const c = l.coefficients;
	if (!c || !Number.isFinite(c.intercept) || !Number.isFinite(c.slope)) return null;
	if (!isBand(l.band) || typeof l.used !== 'number' || typeof l.lockedOn !== 'string' || !readIsoDate(l.lockedOn)) return null;
	return {
		method: l.method,
		window: { from: { ...l.window.from }, to: { ...l.window.to } },
		used: l.used,
		coefficients: { intercept: c.intercept, slope: c.slope },
		band: { ...l.band },
		lockedOn: l.lockedOn
	};
}
