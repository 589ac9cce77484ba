import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addQuarters, financialQuarter, type Period } from '../../src/lib/oba/quarters';
import type { SeriesPoint } from '../../src/lib/oba/series-point';
import { forecast, lockForecast, projectLocked, type Forecast, type LockedForecast } from '../../src/lib/oba/baseline';
import { RULES, turnTheCurve } from '../../src/lib/oba/verdict';
import { currentTrend } from '../../src/lib/oba/trend';

const q = (startYear: number, n: number): Period => financialQuarter(startYear, n);
const Q1_2016 = q(2016, 1);

function series(start: Period, values: (number | string | null)[]): SeriesPoint[] {
	return values.map((v, i) => ({
		period: addQuarters(start, i),
		value: typeof v === 'number' ? v : null,
		marker: typeof v === 'string' ? v : null
	}));
}

function locked(f: Forecast, on: string): LockedForecast {
	const r = lockForecast(f, on);
	if (!r.ok) throw new Error(r.reason);
	return r.locked;
}

// Baseline 2016/17 Q1..Q4: 10, 12, 11, 13. Least squares (the 1, 3, 2, 4 example in
// oba-baseline.test.ts shifted by 9): slope 0.8, intercept 10.3, s = √0.9, t(0.90, 2) = 1.885618.
//   2017/18 Q1 (x = 4): 13.5 ± 1.885618 × √(0.9 × 2.5) = 13.5 ± 2.828 → [10.672, 16.328]
//   2017/18 Q2 (x = 5): 14.3 ± 1.885618 × √(0.9 × 3.7) = 14.3 ± 3.441 → [10.859, 17.741]
//   2017/18 Q3 (x = 6): 15.1 ± 1.885618 × √(0.9 × 5.3) = 15.1 ± 4.118 → [10.982, 19.218]
const BASELINE = [10, 12, 11, 13];
const WINDOW = { from: q(2016, 1), to: q(2016, 4) };

describe('turnTheCurve: higher is better', () => {
	const points = series(Q1_2016, [...BASELINE, 15, 18, 20]);
	const f = forecast(points, WINDOW);

	it('is turning when the latest actuals beat the line and the band: 18 > 17.741, 20 > 19.218', () => {
		const v = turnTheCurve(points, f, 'higher');
		expect(v.verdict).toBe('turning');
		expect(v.run).toBe(2);
		expect(v.message).toBe('Turning the curve: better than forecast for the last 2 quarters');
		expect(v.rule).toBe(RULES.turning);
		expect(v.latest).toEqual(q(2017, 3));
		expect(v.periods.map((p) => p.standing)).toEqual(['within-band', 'better', 'better']);
		expect(v.periods[0]).toMatchObject({ actual: 15, versusLine: 'better', outsideBand: false });
		expect(v.periods[0]?.forecast).toBeCloseTo(13.5, 12);
		expect(v.periods[0]?.high).toBeCloseTo(16.328427, 6);
		expect(v.periods[1]?.high).toBeCloseTo(17.741, 3);
		expect(v.periods[2]?.high).toBeCloseTo(19.218, 3);
	});

	it('is not yet when the latest actual is better than the line but inside the band: 16 < 16.328', () => {
		const v = turnTheCurve(series(Q1_2016, [...BASELINE, 16]), f, 'higher');
		expect(v).toMatchObject({ verdict: 'not-yet', run: 1, message: 'Not yet: worse than or within the forecast in the latest quarter', rule: RULES['not-yet'] });
		expect(v.periods[0]).toMatchObject({ versusLine: 'better', outsideBand: false, standing: 'within-band' });
	});

	it('lower is better reads the same actuals as worse than forecast', () => {
		const v = turnTheCurve(points, f, 'lower');
		expect(v.verdict).toBe('not-yet');
		expect(v.run).toBe(3);
		expect(v.periods.map((p) => p.standing)).toEqual(['within-band', 'worse', 'worse']);
	});

	it('a single better quarter is "the last quarter"', () => {
		const v = turnTheCurve(series(Q1_2016, [...BASELINE, 15, 19]), f, 'higher');
		expect(v.message).toBe('Turning the curve: better than forecast for the last quarter');
	});
});

describe('turnTheCurve: slowing a worsening trend counts', () => {
	// Lower is better, rising by about 10 a quarter: 10, 21, 29, 40 → slope 9.8, intercept 10.3,
	// residuals −0.3, 0.9, −0.9, 0.3 as before, so 2017/18 Q1 is 49.5 ± 2.828 → [46.672, 52.328].
	const points = series(Q1_2016, [10, 21, 29, 40, 42]);

	it('42 is still a rise (worse than last quarter) but beats the forecast band', () => {
		expect(currentTrend(points, 'lower')).toMatchObject({ direction: 'up', judgement: 'worse' });
		const v = turnTheCurve(points, forecast(points, WINDOW), 'lower');
		expect(v).toMatchObject({ verdict: 'turning', run: 1 });
		expect(v.periods[0]?.low).toBeCloseTo(46.672, 3);
	});
});

describe('turnTheCurve: a target range of 40 to 60', () => {
	// Heading up out of the range: 49.7, 55.9, 59.1, 65.3 is 50 + 5x with residuals −0.3, 0.9, −0.9, 0.3,
	// so 2017/18 Q1 is 70 ± 2.828 → [67.172, 72.828]: 7.172 to 12.828 outside the range.
	const baseline = [49.7, 55.9, 59.1, 65.3];
	const range = { low: 40, high: 60 };
	const f = forecast(series(Q1_2016, baseline), WINDOW);
	const judge = (actual: number) => turnTheCurve(series(Q1_2016, [...baseline, actual]), f, 'range', range).periods[0]?.standing;

	it('back inside the range is better than forecast', () => expect(judge(58)).toBe('better'));
	it('nearer the range than the whole band is better: 65 is 5 outside', () => expect(judge(65)).toBe('better'));
	it('inside the band is within-band', () => expect(judge(69)).toBe('within-band'));
	it('further out than the band is worse', () => expect(judge(75)).toBe('worse'));
	it('overshooting far below the range is worse too: 20 is 20 outside', () => expect(judge(20)).toBe('worse'));

	it('a band that meets the range cannot be beaten, only matched', () => {
		const inside = forecast(series(Q1_2016, [48, 52, 49, 51]), WINDOW);
		const v = turnTheCurve(series(Q1_2016, [48, 52, 49, 51, 50]), inside, 'range', range);
		expect(v.verdict).toBe('not-yet');
		expect(v.periods[0]?.standing).toBe('within-band');
	});
});

describe('turnTheCurve: a forecast locked before the data it judges', () => {
	// Lower is better; baseline 2016/17 Q1 .. 2017/18 Q4 rising about 2 a quarter; locked 10 May 2018.
	const baseline = series(Q1_2016, [20, 23, 23, 27, 28, 29, 33, 34]);
	const f = forecast(baseline, { to: q(2017, 4) });
	const lock = locked(f, '2018-05-10');
	const points = [...baseline, ...series(q(2018, 1), [33, 32, 31])];

	it('judges later actuals against the locked line, even though a new fit would differ', () => {
		const v = turnTheCurve(points, lock, 'lower');
		expect(v.verdict).toBe('turning');
		expect(v.run).toBe(3);
		expect(v.lockedOn).toBe('2018-05-10');
		const refit = forecast(points, { to: q(2018, 2), horizon: 1 });
		if (!refit.ok) throw new Error(refit.reason);
		for (const p of v.periods) {
			const line = projectLocked(lock, p.period);
			expect(p.forecast).toBe(line?.value);
			expect(p.low).toBe(line?.low);
		}
		// The refit's line for 2018/19 Q3 has bent towards the new actuals; the locked one has not.
		expect(refit.points[0]?.value).not.toBeCloseTo(v.periods[2]?.forecast ?? 0, 1);
		expect(refit.points[0]?.value).toBeLessThan(v.periods[2]?.forecast ?? 0);
	});

	it('judges only periods that ended after the day it was locked', () => {
		const late = locked(f, '2018-08-15'); // during 2018/19 Q2 (Jul–Sep): Q1 had already ended
		const v = turnTheCurve(points, late, 'lower');
		expect(v.periods.map((p) => p.period)).toEqual([q(2018, 2), q(2018, 3)]);
	});

	it('has no new data when nothing has ended since the lock', () => {
		const v = turnTheCurve(points, locked(f, '2019-01-15'), 'lower');
		expect(v).toMatchObject({
			verdict: 'no-new-data',
			message: 'No actuals since the forecast',
			rule: RULES['no-new-data'],
			detail: 'No actual since the forecast was locked on 2019-01-15',
			run: 0
		});
	});
});

describe('turnTheCurve: gaps', () => {
	const f = forecast(series(Q1_2016, BASELINE), WINDOW);

	it('a missing quarter ends the run', () => {
		// 2017/18: Q1 better (17 > 16.328), Q2 [c], Q3 better (20 > 19.218), Q4 better (x = 7: 15.9 ± 4.82 → 20.72; 22 beats it)
		const v = turnTheCurve(series(Q1_2016, [...BASELINE, 17, '[c]', 20, 22]), f, 'higher');
		expect(v.verdict).toBe('turning');
		expect(v.run).toBe(2);
		expect(v.brokenBy).toEqual(q(2017, 2));
		expect(v.periods.map((p) => p.standing)).toEqual(['better', 'missing', 'better', 'better']);
		expect(v.detail).toBe('As of 2017/18 Q4; the run stops at the gap in 2017/18 Q2');
	});

	it('rests on the latest actual and names a later gap', () => {
		const v = turnTheCurve(series(Q1_2016, [...BASELINE, 17, 18, 'x']), f, 'higher');
		expect(v).toMatchObject({ verdict: 'turning', run: 2, latest: q(2017, 2) });
		expect(v.detail).toBe('As of 2017/18 Q2; later missing: 2017/18 Q3');
	});

	it('has no new data when every later quarter is a gap', () => {
		const v = turnTheCurve(series(Q1_2016, [...BASELINE, 'c', 'c']), f, 'higher');
		expect(v.verdict).toBe('no-new-data');
		expect(v.periods.map((p) => p.standing)).toEqual(['missing', 'missing']);
	});
});

describe('turnTheCurve: no verdict', () => {
	it('needs enough history', () => {
		const points = series(Q1_2016, [10, 12, 11, 13, 20]);
		const v = turnTheCurve(points, forecast(points, { to: q(2016, 3) }), 'higher');
		expect(v).toMatchObject({
			verdict: 'too-little-history',
			message: 'Too little history: a forecast needs at least 4 quarters in the baseline window',
			rule: RULES['too-little-history'],
			run: 0
		});
		expect(v.detail).toMatch(/it has 3$/);
	});

	it('needs new data after the window', () => {
		const points = series(Q1_2016, BASELINE);
		const v = turnTheCurve(points, forecast(points), 'higher');
		expect(v).toMatchObject({ verdict: 'no-new-data', detail: 'No actual since the baseline window ended (2016/17 Q4)' });
	});

	it('needs a polarity, and a range for a range polarity', () => {
		const points = series(Q1_2016, [...BASELINE, 20]);
		const f = forecast(points, WINDOW);
		expect(turnTheCurve(points, f, null)).toMatchObject({
			verdict: 'no-direction',
			message: 'Set whether higher or lower is better to judge this measure',
			rule: RULES['no-direction']
		});
		expect(turnTheCurve(points, f, 'range')).toMatchObject({ verdict: 'no-direction', message: 'Set the target range to judge this measure' });
	});

	it('writes every rule as a sentence', () => {
		for (const rule of Object.values(RULES)) expect(rule).toMatch(/^[A-Z].+\.$/);
		expect(RULES.turning).toMatch(/better than the forecast line and outside its 80% band/);
	});
});

describe('turnTheCurve properties', () => {
	it('never throws, and run is 0 exactly when there is no verdict on actuals', () => {
		const arbPoint = fc.record({ skip: fc.nat(3), value: fc.option(fc.double(), { nil: null }), marker: fc.option(fc.constantFrom('c', 'x'), { nil: null }) });
		fc.assert(
			fc.property(
				fc.array(arbPoint, { maxLength: 24 }),
				fc.integer({ min: 0, max: 20 }),
				fc.constantFrom('higher', 'lower', 'range', null) as fc.Arbitrary<'higher' | 'lower' | 'range' | null>,
				fc.option(fc.record({ low: fc.double(), high: fc.double() }), { nil: undefined }),
				fc.boolean(),
				fc.constantFrom('linear', 'theil-sen') as fc.Arbitrary<'linear' | 'theil-sen'>,
				(raw, to, polarity, range, lock, method) => {
					let period = q(2015, 4);
					const points = raw.map((r) => ({ period: (period = addQuarters(period, r.skip === 3 ? 2 : 1)), value: r.value, marker: r.marker }));
					const f = forecast(points, { from: Q1_2016, to: addQuarters(Q1_2016, to), method });
					const l = lock ? lockForecast(f, '2020-01-01') : null;
					const v = turnTheCurve(points, l?.ok ? l.locked : f, polarity, range);
					expect(v.message).toBeTruthy();
					expect(v.rule).toBe(RULES[v.verdict]);
					expect(v.run > 0).toBe(v.verdict === 'turning' || v.verdict === 'not-yet');
				}
			)
		);
	});
});
