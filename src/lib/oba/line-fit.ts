// Straight lines through a baseline: ordinary least squares, and Theil–Sen
// (the median of pairwise slopes), which one odd quarter cannot drag about.
// x is periods since the start of the window; y the values. No gaps here:
// the caller has already left them out.

export type Line = { intercept: number; slope: number };

export type LeastSquaresLine = Line & {
	n: number;
	meanX: number;
	/** Σ(x − mean x)²: how spread out the quarters are. */
	sxx: number;
	/** √(Σ residual² / (n − 2)): the scatter about the line. */
	residualSE: number;
};

// Residuals this small against the values are rounding in the arithmetic,
// not scatter: a perfectly straight series must get a band of width zero.
export const ROUNDING = 1e-12;

/** x, or 0 when it is only rounding against values as large as scale. */
export function unlessRounding(x: number, scale: number): number {
	return Math.abs(x) <= ROUNDING * Math.abs(scale) ? 0 : x;
}

function finite(...xs: number[]): boolean {
	return xs.every((x) => Number.isFinite(x));
}

/** Least squares; null with fewer than 3 points or all points in one period. */
export function leastSquares(xs: readonly number[], ys: readonly number[]): LeastSquaresLine | null {
	const n = Math.min(xs.length, ys.length);
	if (n < 3) return null;
	let sumX = 0;
	let sumY = 0;
	for (let i = 0; i < n; i++) {
		sumX += xs[i] as number;
		sumY += ys[i] as number;
	}
	const meanX = sumX / n;
	const meanY = sumY / n;
	let sxx = 0;
	let sxy = 0;
	let scale = 0;
	for (let i = 0; i < n; i++) {
		const dx = (xs[i] as number) - meanX;
		sxx += dx * dx;
		sxy += dx * ((ys[i] as number) - meanY);
		scale = Math.max(scale, Math.abs(ys[i] as number));
	}
	if (!(sxx > 0)) return null;
	const slope = sxy / sxx;
	const intercept = meanY - slope * meanX;
	let sse = 0;
	for (let i = 0; i < n; i++) {
		const r = (ys[i] as number) - (intercept + slope * (xs[i] as number));
		sse += r * r;
	}
	const residualSE = unlessRounding(Math.sqrt(sse / (n - 2)), scale);
	if (!finite(slope, intercept, residualSE, meanX, sxx)) return null;
	return { intercept, slope, n, meanX, sxx, residualSE };
}

/**
 * The p-quantile (0–1) by linear interpolation between order statistics,
 * as R's default (type 7) and numpy's default: for [0, 0, 0, 80], the 0.9
 * quantile sits 0.7 of the way from the 3rd to the 4th value, i.e. 56.
 */
export function quantile(values: readonly number[], p: number): number | null {
	if (values.length === 0 || !(p >= 0 && p <= 1)) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const h = (sorted.length - 1) * p;
	const lo = Math.floor(h);
	const a = sorted[lo] as number;
	const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
	return a + (h - lo) * (b - a);
}

export function median(values: readonly number[]): number | null {
	return quantile(values, 0.5);
}

/**
 * Theil–Sen: the slope is the median of the slopes between every pair of
 * points; the intercept is the median of y − slope·x. Half the pairs would
 * have to be wrong to move it, so one outlying quarter barely does.
 */
export function theilSen(xs: readonly number[], ys: readonly number[]): Line | null {
	const n = Math.min(xs.length, ys.length);
	const slopes: number[] = [];
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			const dx = (xs[j] as number) - (xs[i] as number);
			if (dx !== 0) slopes.push(((ys[j] as number) - (ys[i] as number)) / dx);
		}
	}
	const slope = median(slopes);
	if (slope === null) return null;
	const intercepts: number[] = [];
	for (let i = 0; i < n; i++) intercepts.push((ys[i] as number) - slope * (xs[i] as number));
	const intercept = median(intercepts);
	if (intercept === null || !finite(slope, intercept)) return null;
	return { intercept, slope };
}
