import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addQuarters, financialQuarter, financialYear, type Period } from '../../src/lib/oba/quarters';
import type { SeriesPoint } from '../../src/lib/oba/series-point';
import {
	MAX_HORIZON,
	forecast,
	lockForecast,
	projectLocked,
	readLockedForecast,
	type FittedForecast,
	type Forecast,
	type LockedForecast
} from '../../src/lib/oba/baseline';
import { leastSquares, quantile, theilSen } from '../../src/lib/oba/line-fit';
import { Z90, tQuantile90 } from '../../src/lib/oba/t-quantile';

const q = (startYear: number, n: number): Period => financialQuarter(startYear, n);
const Q1_2016 = q(2016, 1);

function series(start: Period, values: (number | string | null)[]): SeriesPoint[] {
	return values.map((v, i) => ({
		period: addQuarters(start, i),
		value: typeof v === 'number' ? v : null,
		marker: typeof v === 'string' ? v : null
	}));
}

function fitted(f: Forecast): FittedForecast {
	if (!f.ok) throw new Error(`expected a forecast: ${f.reason}`);
	return f;
}

function locked(f: Forecast, on: string): LockedForecast {
	const r = lockForecast(f, on);
	if (!r.ok) throw new Error(r.reason);
	return r.locked;
}

describe('tQuantile90', () => {
	it('matches the printed table and tends to the normal quantile', () => {
		expect(tQuantile90(1)).toBe(3.077684);
		expect(tQuantile90(2)).toBe(1.885618);
		expect(tQuantile90(10)).toBe(1.372184);
		expect(tQuantile90(30)).toBe(1.310415);
		// scipy.stats.t.ppf(0.9, df): 40 → 1.3030771, 60 → 1.2958211, 120 → 1.2886462
		expect(tQuantile90(40)).toBeCloseTo(1.3030771, 6);
		expect(tQuantile90(60)).toBeCloseTo(1.2958211, 6);
		expect(tQuantile90(120)).toBeCloseTo(1.2886462, 6);
		expect(tQuantile90(Infinity)).toBe(Z90);
	});

	it('is null below 1 degree of freedom, rounds fractions down, and falls as df grows', () => {
		expect(tQuantile90(0)).toBeNull();
		expect(tQuantile90(Number.NaN)).toBeNull();
		expect(tQuantile90(2.9)).toBe(1.885618);
		let previous = Infinity;
		for (let df = 1; df <= 200; df++) {
			const t = tQuantile90(df) as number;
			expect(t).toBeLessThan(previous);
			expect(t).toBeGreaterThan(Z90);
			previous = t;
		}
	});
});

describe('quantile and the line fits', () => {
	it('interpolates as R type 7', () => {
		expect(quantile([0, 0, 0, 80], 0.9)).toBeCloseTo(56, 12);
		expect(quantile([3, 1, 2], 0.5)).toBe(2);
		expect(quantile([], 0.5)).toBeNull();
	});

	it('least squares and Theil–Sen agree on a straight line and need spread-out points', () => {
		expect(leastSquares([0, 1, 2], [1, 3, 5])).toMatchObject({ slope: 2, intercept: 1, residualSE: 0 });
		expect(theilSen([0, 1, 2], [1, 3, 5])).toEqual({ slope: 2, intercept: 1 });
		expect(leastSquares([1, 1, 1], [1, 2, 3])).toBeNull();
		expect(theilSen([1, 1, 1], [1, 2, 3])).toBeNull();
	});
});

describe('forecast: least squares with its 80% prediction interval', () => {
	// Baseline 2016/17 Q1..Q4: 1, 3, 2, 4 at x = 0, 1, 2, 3 (quarters since the window start).
	//   x̄ = 1.5, ȳ = 2.5, Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5
	//   Sxy = (−1.5)(−1.5) + (−0.5)(0.5) + (0.5)(−0.5) + (1.5)(1.5) = 4
	//   slope = 4 / 5 = 0.8; intercept = 2.5 − 0.8 × 1.5 = 1.3
	//   fitted 1.3, 2.1, 2.9, 3.7; residuals −0.3, 0.9, −0.9, 0.3; SSE = 0.09 + 0.81 + 0.81 + 0.09 = 1.8
	//   s = √(1.8 / (4 − 2)) = √0.9 = 0.948683; t(0.90, 2) = 1.885618
	// 2017/18 Q1 (x = 4): ŷ = 1.3 + 3.2 = 4.5
	//   √(1 + 1/4 + (4 − 1.5)² / 5) = √(1 + 0.25 + 1.25) = √2.5
	//   half-width = 1.885618 × √0.9 × √2.5 = 1.885618 × √2.25 = 1.885618 × 1.5 = 2.828427
	//   band 4.5 ± 2.828427 = [1.671573, 7.328427]
	// 2017/18 Q2 (x = 5): ŷ = 5.3; √(1 + 0.25 + 3.5² / 5) = √3.7
	//   half-width = 1.885618 × √(0.9 × 3.7) = 1.885618 × √3.33 = 1.885618 × 1.824829 = 3.440932
	const f = fitted(forecast(series(Q1_2016, [1, 3, 2, 4]), { from: q(2016, 1), to: q(2016, 4), horizon: 2, method: 'linear' }));

	it('fits the line', () => {
		expect(f.method).toBe('linear');
		expect(f.window).toEqual({ from: q(2016, 1), to: q(2016, 4) });
		expect(f.used).toBe(4);
		expect(f.coefficients.slope).toBeCloseTo(0.8, 12);
		expect(f.coefficients.intercept).toBeCloseTo(1.3, 12);
		expect(f.fitted.map((p) => p.value)).toEqual([1.3, 2.1, 2.9, 3.7].map((v) => expect.closeTo(v, 12)));
		expect(f.fitted.map((p) => p.actual)).toEqual([1, 3, 2, 4]);
	});

	it('gives the t-based band worked by hand above', () => {
		expect(f.band).toMatchObject({ kind: 'prediction interval', level: 0.8, t: 1.885618, df: 2, n: 4, meanX: 1.5, sxx: 5 });
		if (f.band.kind !== 'prediction interval') throw new Error('unreachable');
		expect(f.band.residualSE).toBeCloseTo(Math.sqrt(0.9), 12);
		const [first, second] = f.points;
		expect(first?.period).toEqual(q(2017, 1));
		expect(first?.value).toBeCloseTo(4.5, 12);
		expect(first?.low).toBeCloseTo(1.671573, 6);
		expect(first?.high).toBeCloseTo(7.328427, 6);
		expect(second?.period).toEqual(q(2017, 2));
		expect(second?.value).toBeCloseTo(5.3, 12);
		expect((second?.high ?? 0) - (second?.value ?? 0)).toBeCloseTo(3.440932, 5);
	});

	it('widens the further it projects', () => {
		const long = fitted(forecast(series(Q1_2016, [1, 3, 2, 4]), { horizon: 8 }));
		const widths = long.points.map((p) => p.high - p.low);
		for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThan(widths[i - 1] as number);
	});

	it('skips gaps, never reads them as zero', () => {
		const gappy = fitted(forecast(series(Q1_2016, [1, 3, '[c]', 2, 4]), { method: 'linear' }));
		const without: SeriesPoint[] = series(Q1_2016, [1, 3, null, 2, 4]).filter((p) => p.value !== null);
		const same = fitted(forecast(without, { from: Q1_2016, to: q(2017, 1) }));
		expect(gappy.used).toBe(4);
		expect(gappy.skipped).toEqual([q(2016, 3)]);
		expect(gappy.coefficients).toEqual(same.coefficients);
		expect(gappy.fitted[2]).toMatchObject({ period: q(2016, 3), actual: null });
		// A zero in place of the gap would pull the line down.
		const zeroed = fitted(forecast(series(Q1_2016, [1, 3, 0, 2, 4])));
		expect(zeroed.coefficients).not.toEqual(gappy.coefficients);
	});

	it('fits only the chosen window and projects from its end', () => {
		const points = series(Q1_2016, [100, 1, 3, 2, 4, 50, 60]);
		const w = fitted(forecast(points, { from: q(2016, 2), to: q(2017, 1), horizon: 1 }));
		expect(w.coefficients.slope).toBeCloseTo(0.8, 12);
		expect(w.coefficients.intercept).toBeCloseTo(1.3, 12);
		expect(w.points.map((p) => p.period)).toEqual([q(2017, 2)]);
	});

	it('defaults to every value, 4 periods ahead, least squares', () => {
		const d = fitted(forecast(series(Q1_2016, [1, 3, 2, 4])));
		expect(d.method).toBe('linear');
		expect(d.points).toHaveLength(4);
		expect(d.window).toEqual({ from: q(2016, 1), to: q(2016, 4) });
	});

	it('caps the horizon and reads nonsense as the default', () => {
		const points = series(Q1_2016, [1, 3, 2, 4]);
		expect(fitted(forecast(points, { horizon: 1000 })).points).toHaveLength(MAX_HORIZON);
		expect(fitted(forecast(points, { horizon: -3 })).points).toHaveLength(0);
		expect(fitted(forecast(points, { horizon: Number.NaN })).points).toHaveLength(4);
	});

	it('works on financial years as well as quarters', () => {
		const years = [10, 12, 11, 13].map((value, i) => ({ period: financialYear(2014 + i), value }));
		const y = fitted(forecast(years, { horizon: 1 }));
		expect(y.coefficients.slope).toBeCloseTo(0.8, 12);
		expect(y.points[0]?.period).toEqual(financialYear(2018));
	});
});

describe('forecast: too little history', () => {
	it('needs 4 values in the window', () => {
		const f = forecast(series(Q1_2016, [1, 'c', 3, 2]), { method: 'linear' });
		expect(f.ok).toBe(false);
		expect(f.used).toBe(3);
		expect(f.reason).toBe(
			'Too little history: a forecast needs at least 4 quarters with values in the baseline window (2016/17 Q1 to 2016/17 Q4); it has 3'
		);
	});

	it('explains an empty series and a window that ends before it starts', () => {
		expect(forecast([])).toMatchObject({ ok: false, window: null, reason: 'No values to forecast from' });
		const backwards = forecast(series(Q1_2016, [1, 2, 3, 4]), { from: q(2016, 4), to: q(2016, 1) });
		expect(backwards).toMatchObject({ ok: false, reason: 'The baseline window ends (2016/17 Q1) before it starts (2016/17 Q4)' });
		const mixed = forecast(series(Q1_2016, [1, 2, 3, 4]), { from: financialYear(2016), to: q(2016, 4) });
		expect(mixed.ok).toBe(false);
	});
});

describe('forecast: Theil–Sen against one outlier', () => {
	// 10 + 2x for x = 0..7, except 2016/17 Q4 (x = 3), typed as 100 instead of 16.
	const values = [10, 12, 14, 100, 18, 20, 22, 24];
	const points = series(Q1_2016, values);

	it('keeps the line: 21 of the 28 pairwise slopes are exactly 2', () => {
		const ts = fitted(forecast(points, { method: 'theil-sen', horizon: 1 }));
		expect(ts.coefficients).toEqual({ intercept: 10, slope: 2 });
		expect(ts.points[0]?.value).toBe(26);
		// Residuals: seven 0s and one 84. Band from their 10th and 90th percentiles (R type 7):
		// 10th: (8 − 1) × 0.1 = 0.7 → between the 1st and 2nd sorted residuals, both 0 → 0
		// 90th: (8 − 1) × 0.9 = 6.3 → 0 + 0.3 × (84 − 0) = 25.2
		expect(ts.band).toEqual({ kind: 'residual quantiles', level: 0.8, below: 0, above: expect.closeTo(25.2, 12) });
		expect(ts.points[0]?.low).toBe(26);
		expect(ts.points[0]?.high).toBeCloseTo(51.2, 12);
	});

	it('while least squares is dragged off by it', () => {
		// The outlier adds 84 at x = 3, where x − x̄ = −0.5 and Sxx = 42:
		// the slope falls by 0.5 × 84 / 42 = 1, to 1.
		const ls = fitted(forecast(points, { method: 'linear', horizon: 1 }));
		expect(ls.coefficients.slope).toBeCloseTo(1, 12);
		expect(Math.abs((ls.points[0]?.value ?? 0) - 26)).toBeGreaterThan(4);
	});
});

describe('lockForecast and projectLocked', () => {
	const points = series(Q1_2016, [20, 23, 23, 27, 28, 29, 33, 34]);
	const f = forecast(points, { to: q(2017, 4), horizon: 4 });

	it('keeps method, window, coefficients, band and date, and projects as the forecast did', () => {
		const l = locked(f, '2018-05-10');
		const ff = fitted(f);
		expect(l).toMatchObject({ method: 'linear', window: ff.window, coefficients: ff.coefficients, band: ff.band, lockedOn: '2018-05-10', used: 8 });
		for (const p of ff.points) expect(projectLocked(l, p.period)).toEqual(p);
	});

	it('survives JSON and reads back', () => {
		const l = locked(f, '2018-05-10');
		const back = readLockedForecast(JSON.parse(JSON.stringify(l)));
		expect(back).toEqual(l);
		expect(projectLocked(back as LockedForecast, q(2018, 3))).toEqual(projectLocked(l, q(2018, 3)));
	});

	it('stays fixed when later actuals would change a new fit', () => {
		const l = locked(f, '2018-05-10');
		const later = [...points, ...series(q(2018, 1), [30, 29, 27])];
		const refit = fitted(forecast(later, { to: q(2018, 3) }));
		expect(refit.coefficients.slope).not.toBeCloseTo(l.coefficients.slope, 2);
		const ff = fitted(f);
		expect(projectLocked(l, q(2018, 3))).toEqual(ff.points[2]);
	});

	it('refuses a bad date, a date inside the window, and a failed forecast', () => {
		expect(lockForecast(f, '10/05/2018')).toEqual({ ok: false, reason: '"10/05/2018" is not a date; expected YYYY-MM-DD, such as 2018-05-10' });
		expect(lockForecast(f, '2018-02-01')).toEqual({
			ok: false,
			reason: 'A forecast can only be locked once its baseline window has ended (2017/18 Q4 ends 2018-03-31)'
		});
		expect(lockForecast(f, '2018-03-31').ok).toBe(true);
		const r = lockForecast(forecast(series(Q1_2016, [1, 2])), '2018-05-10');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(/^There is no forecast to lock: Too little history/);
	});

	it('does not project onto a period of another kind', () => {
		expect(projectLocked(locked(f, '2018-05-10'), financialYear(2018))).toBeNull();
	});

	it('reads back nothing that is not a locked forecast', () => {
		const l = locked(f, '2018-05-10');
		for (const bad of [null, 3, 'x', {}, { ...l, method: 'cubic' }, { ...l, lockedOn: '31/03/2018' }, { ...l, band: { kind: 'residual quantiles', level: 0.8 } }, { ...l, coefficients: { intercept: '1', slope: 2 } }, { ...l, window: { from: l.window.from } }]) {
			expect(readLockedForecast(bad)).toBeNull();
		}
	});
});

describe('forecast properties', () => {
	it('a perfectly straight series forecasts itself, with a band of width zero (least squares and Theil–Sen)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -1_000_000, max: 1_000_000 }),
				fc.double({ min: -10_000, max: 10_000, noNaN: true }),
				fc.integer({ min: 4, max: 24 }),
				fc.constantFrom('linear', 'theil-sen') as fc.Arbitrary<'linear' | 'theil-sen'>,
				(intercept, slope, n, method) => {
					const values = Array.from({ length: n }, (_, x) => intercept + slope * x);
					const f = fitted(forecast(series(Q1_2016, values), { method, horizon: 6 }));
					const scale = Math.max(1, Math.abs(intercept), Math.abs(slope) * (n + 6));
					expect(f.coefficients.slope).toBeCloseTo(slope, 6);
					f.points.forEach((p, h) => {
						expect(Math.abs(p.value - (intercept + slope * (n + h))) / scale).toBeLessThan(1e-9);
						expect(p.high - p.low).toBe(0);
					});
				}
			),
			{ numRuns: 300 }
		);
	});

	it('never throws on arbitrary series and options', () => {
		const arbPoint = fc.record({
			skip: fc.nat(2),
			value: fc.option(fc.double(), { nil: null })
		});
		fc.assert(
			fc.property(
				fc.array(arbPoint, { maxLength: 30 }),
				fc.integer({ min: -4, max: 40 }),
				fc.integer({ min: -4, max: 40 }),
				fc.oneof(fc.double(), fc.integer({ min: -5, max: 50 })),
				fc.constantFrom('linear', 'theil-sen') as fc.Arbitrary<'linear' | 'theil-sen'>,
				(raw, a, b, horizon, method) => {
					let period = q(2015, 4);
					const points = raw.map((r) => ({ period: (period = addQuarters(period, r.skip === 2 ? 2 : 1)), value: r.value }));
					const f = forecast(points, { from: addQuarters(Q1_2016, a), to: addQuarters(Q1_2016, b), horizon, method });
					if (f.ok) {
						for (const p of f.points) expect(p.low).toBeLessThanOrEqual(p.high);
						const r = lockForecast(f, '2030-01-01');
						if (r.ok) expect(readLockedForecast(JSON.parse(JSON.stringify(r.locked)))).toEqual(r.locked);
					} else expect(f.reason).toBeTruthy();
					forecast(points);
				}
			)
		);
	});
});
