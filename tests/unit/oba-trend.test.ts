import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addQuarters, financialQuarter, type Period } from '../../src/lib/oba/quarters';
import type { SeriesPoint, TargetRange } from '../../src/lib/oba/series-point';
import {
	FLAT_FLOOR,
	currentTrend,
	flatTolerance,
	longTrend,
	percentChange,
	shortTrend
} from '../../src/lib/oba/trend';

const Q1_2016 = financialQuarter(2016, 1);
const q = (startYear: number, n: number): Period => financialQuarter(startYear, n);

/** Consecutive quarters from start; a string is a missing-value marker, null a blank gap. */
function series(start: Period, values: (number | string | null)[]): SeriesPoint[] {
	return values.map((v, i) => ({
		period: addQuarters(start, i),
		value: typeof v === 'number' ? v : null,
		marker: typeof v === 'string' ? v : null
	}));
}

describe('percentChange', () => {
	it.each([
		[100, 125, 25],
		[200, 150, -25],
		[-10, -5, 50], // divides by |from|: a rise is positive even below zero
		[0, 0, 0],
		[40, 40, 0]
	])('%s → %s is %s%', (from, to, pct) => {
		expect(percentChange(from, to)).toBeCloseTo(pct, 12);
	});

	it('has no % change from zero to anything else, or from a gap', () => {
		expect(percentChange(0, 5)).toBeNull();
		expect(percentChange(0, -5)).toBeNull();
		expect(percentChange(null, 5)).toBeNull();
		expect(percentChange(5, null)).toBeNull();
		expect(percentChange(Number.NaN, 5)).toBeNull();
		expect(percentChange(5, Number.POSITIVE_INFINITY)).toBeNull();
	});
});

describe('flatTolerance', () => {
	it('is half of one per cent of the largest absolute value, never below the float floor', () => {
		expect(flatTolerance(series(Q1_2016, [20, -80, 'c', 40]))).toBeCloseTo(0.4, 12);
		expect(flatTolerance(series(Q1_2016, [0, 0]))).toBe(FLAT_FLOOR);
		expect(flatTolerance([])).toBe(FLAT_FLOOR);
	});
});

describe('currentTrend: hand-worked examples', () => {
	it('lower is better: 20, 18, 15, 12 is down for 3 quarters, better', () => {
		const t = currentTrend(series(Q1_2016, [20, 18, 15, 12]), 'lower');
		expect(t).toMatchObject({
			direction: 'down',
			judgement: 'better',
			run: 3,
			latest: q(2016, 4),
			from: q(2016, 1),
			brokenBy: null,
			endedBy: 'start of series',
			reason: null
		});
	});

	it('higher is better: the same fall is worse', () => {
		const t = currentTrend(series(Q1_2016, [20, 18, 15, 12]), 'higher');
		expect(t.direction).toBe('down');
		expect(t.judgement).toBe('worse');
		expect(t.run).toBe(3);
	});

	it('a change of direction ends the run: 10, 14, 12, 11 is down for 2', () => {
		const t = currentTrend(series(Q1_2016, [10, 14, 12, 11]), 'higher');
		expect(t).toMatchObject({ direction: 'down', judgement: 'worse', run: 2, from: q(2016, 2), endedBy: 'change of direction', brokenBy: null });
	});

	it('a move within 0.5% of the scale is flat and the same: 50 → 50.2 (tolerance 0.251)', () => {
		const t = currentTrend(series(Q1_2016, [50, 50.2]), 'higher');
		expect(t.tolerance).toBeCloseTo(0.251, 12);
		expect(t).toMatchObject({ direction: 'flat', judgement: 'same', run: 1 });
	});

	it('a rise smaller than 0.5% of the scale is flat: 2,800 → 2,810 (tolerance 14.05)', () => {
		expect(currentTrend(series(Q1_2016, [2800, 2810]), 'higher')).toMatchObject({ direction: 'flat', judgement: 'same' });
	});

	it('flat quarters make a flat run: 30, 30, 30, 30 is flat for 3', () => {
		expect(currentTrend(series(Q1_2016, [30, 30, 30, 30]), 'lower')).toMatchObject({ direction: 'flat', judgement: 'same', run: 3 });
	});

	it('a missing quarter breaks the run: 10, 12, [c], 13, 15, 17 is up for 2, broken by Q3', () => {
		const t = currentTrend(series(Q1_2016, [10, 12, '[c]', 13, 15, 17]), 'higher');
		expect(t).toMatchObject({
			direction: 'up',
			judgement: 'better',
			run: 2,
			from: q(2016, 4),
			brokenBy: q(2016, 3),
			endedBy: 'missing period'
		});
	});

	it('a quarter absent from the series breaks the run as a gap does', () => {
		const points: SeriesPoint[] = [
			{ period: q(2016, 1), value: 10 },
			{ period: q(2016, 2), value: 12 },
			{ period: q(2016, 4), value: 14 },
			{ period: q(2017, 1), value: 16 }
		];
		expect(currentTrend(points, 'higher')).toMatchObject({ direction: 'up', run: 1, brokenBy: q(2016, 3), endedBy: 'missing period' });
	});

	it('a missing latest quarter means no current trend, and says which quarter', () => {
		const t = currentTrend(series(Q1_2016, [10, 12, 14, '[c]']), 'higher');
		expect(t).toMatchObject({ direction: null, judgement: 'unknown', run: 0, latest: q(2016, 4), brokenBy: q(2016, 4) });
		expect(t.reason).toBe('2016/17 Q4 is missing (marked [c]): no current trend');
	});

	it('a gap just before the latest quarter leaves no move to judge', () => {
		const t = currentTrend(series(Q1_2016, [10, 'x', 14]), 'higher');
		expect(t).toMatchObject({ direction: null, run: 0, brokenBy: q(2016, 2) });
		expect(t.reason).toBe('2016/17 Q2 is missing (marked x): no move into 2016/17 Q3 to judge');
	});

	it('trailing quarters with only a target are not reported yet, so not the latest', () => {
		const points = [...series(Q1_2016, [10, 12]), { period: q(2016, 3), value: null, target: 15 }];
		expect(currentTrend(points, 'higher')).toMatchObject({ direction: 'up', run: 1, latest: q(2016, 2) });
	});

	it('one value, or none, has no move yet', () => {
		expect(currentTrend(series(Q1_2016, [10]), 'higher')).toMatchObject({ direction: null, run: 0, endedBy: 'start of series' });
		expect(currentTrend([], 'higher')).toMatchObject({ direction: null, run: 0, latest: null, reason: 'No values yet' });
	});

	it('without a polarity the direction is shown but not judged', () => {
		expect(currentTrend(series(Q1_2016, [10, 12]), null)).toMatchObject({ direction: 'up', judgement: 'unknown', run: 1 });
	});
});

describe('currentTrend: a target range of 40 to 60', () => {
	const range: TargetRange = { low: 40, high: 60 };
	it.each([
		[70, 65, 'down', 'better'], // toward the range from above
		[30, 35, 'up', 'better'], // toward it from below
		[55, 65, 'up', 'worse'], // leaving it
		[50, 55, 'up', 'same'], // moving about inside it
		[35, 70, 'up', 'worse'], // overshooting: 5 below becomes 10 above
		[65, 45, 'down', 'better'] // into it
	] as const)('%s → %s is %s, %s', (from, to, dir, judgement) => {
		expect(currentTrend(series(Q1_2016, [from, to]), 'range', range)).toMatchObject({ direction: dir, judgement });
	});

	it('a range polarity without a range cannot be judged', () => {
		expect(currentTrend(series(Q1_2016, [70, 65]), 'range')).toMatchObject({ direction: 'down', judgement: 'unknown' });
	});
});

describe('shortTrend', () => {
	// 2015/16 Q1 .. 2016/17 Q3
	const values = [40, 42, 44, 45, 48, 50, 55];
	const points = series(q(2015, 1), values);

	it('compares the latest quarter with the previous one and the same quarter last year', () => {
		const s = shortTrend(points, 'higher');
		expect(s.latest).toEqual(q(2016, 3));
		expect(s.latestValue).toBe(55);
		expect(s.previous).toMatchObject({ period: q(2016, 2), value: 50, change: 5, direction: 'up', judgement: 'better', reason: null });
		expect(s.previous.percentChange).toBeCloseTo(10, 12);
		expect(s.lastYear).toMatchObject({ period: q(2015, 3), value: 44, change: 11, judgement: 'better', reason: null });
		expect(s.lastYear.percentChange).toBeCloseTo(25, 12);
	});

	it('lower is better reads the same rises as worse', () => {
		const s = shortTrend(points, 'lower');
		expect(s.previous.judgement).toBe('worse');
		expect(s.lastYear.judgement).toBe('worse');
	});

	it('is null on either side of a gap, with the reason', () => {
		const gappy = series(q(2015, 1), [40, 42, '[c]', 45, 48, 50, 55]);
		const s = shortTrend(gappy, 'higher');
		expect(s.lastYear).toMatchObject({ period: q(2015, 3), value: null, change: null, percentChange: null, judgement: 'unknown' });
		expect(s.lastYear.reason).toBe('2015/16 Q3 is missing (marked [c])');
		expect(s.previous.change).toBe(5);

		const latestGap = shortTrend(series(q(2015, 1), [40, 42, 44, 'x']), 'higher');
		expect(latestGap.previous).toMatchObject({ change: null, reason: '2015/16 Q4 is missing (marked x)' });
	});

	it('says so when the comparator quarter is not in the series at all', () => {
		const s = shortTrend(series(q(2016, 1), [10, 12]), 'higher');
		expect(s.lastYear).toMatchObject({ period: q(2015, 2), change: null, reason: '2015/16 Q2 is not in the series' });
	});

	it('keeps the change but has no % from zero', () => {
		const s = shortTrend(series(Q1_2016, [0, 3]), 'lower');
		expect(s.previous).toMatchObject({ value: 0, change: 3, percentChange: null, judgement: 'worse' });
		expect(s.previous.reason).toMatch(/zero/);
	});

	it('on an empty series gives reasons, not errors', () => {
		const s = shortTrend([], 'higher');
		expect(s.latest).toBeNull();
		expect(s.previous.reason).toBe('No values yet');
	});
});

describe('longTrend', () => {
	const points = series(q(2015, 1), [40, 42, 44, 45, 48, 50, 55]);

	it('compares the latest value with the mean of the 4 quarters before it', () => {
		// (44 + 45 + 48 + 50) / 4 = 46.75; 55 − 46.75 = 8.25; 8.25 / 46.75 = 17.647%
		const l = longTrend(points, 4, 'higher');
		expect(l).toMatchObject({ n: 4, latest: q(2016, 3), from: q(2015, 3), to: q(2016, 2), mean: 46.75, change: 8.25, direction: 'up', judgement: 'better', reason: null });
		expect(l.percentChange).toBeCloseTo((8.25 / 46.75) * 100, 10);
	});

	it('takes n', () => {
		expect(longTrend(points, 2, 'lower')).toMatchObject({ mean: 49, change: 6, judgement: 'worse' });
	});

	it('needs all n values: a gap gives null with the missing quarters named', () => {
		const gappy = series(q(2015, 1), [40, 42, 'c', 45, 'x', 50, 55]);
		const l = longTrend(gappy, 4, 'higher');
		expect(l).toMatchObject({ mean: null, change: null, percentChange: null, judgement: 'unknown' });
		expect(l.reason).toBe('The long trend needs all 4 quarters before 2016/17 Q3; missing: 2015/16 Q3, 2016/17 Q1');
	});

	it('needs enough history', () => {
		const l = longTrend(series(Q1_2016, [1, 2, 3]), 4, 'higher');
		expect(l.mean).toBeNull();
		expect(l.reason).toMatch(/needs 4 quarters before 2016\/17 Q3/);
	});

	it('refuses a period count that is not a whole number of 1 or more', () => {
		for (const n of [0, -1, 2.5, Number.NaN]) expect(longTrend(points, n, 'higher').mean).toBeNull();
	});
});

describe('trend properties', () => {
	const point = fc.record({
		skip: fc.nat(2),
		value: fc.option(fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 })), { nil: null }),
		marker: fc.option(fc.constantFrom('c', '[x]', 'z', 'weird', ''), { nil: null }),
		target: fc.option(fc.double(), { nil: null })
	});
	const arbSeries = fc
		.record({ year: fc.integer({ min: 2000, max: 2030 }), quarter: fc.integer({ min: 1, max: 4 }), raw: fc.array(point, { maxLength: 24 }) })
		.map(({ year, quarter, raw }) => {
			let period = financialQuarter(year, quarter);
			return raw.map((r) => {
				period = addQuarters(period, r.skip === 2 ? 2 : 1);
				return { period, value: r.value, marker: r.marker, target: r.target } as SeriesPoint;
			});
		});
	const arbPolarity = fc.constantFrom('higher', 'lower', 'range', null) as fc.Arbitrary<'higher' | 'lower' | 'range' | null>;
	const arbRange = fc.option(fc.record({ low: fc.double(), high: fc.double() }), { nil: undefined });

	it('never throw, and a run is never longer than the series', () => {
		fc.assert(
			fc.property(arbSeries, arbPolarity, arbRange, fc.integer({ min: -2, max: 30 }), (points, polarity, range, n) => {
				const c = currentTrend(points, polarity, range);
				expect(c.run).toBeGreaterThanOrEqual(0);
				expect(c.run).toBeLessThanOrEqual(Math.max(0, points.length - 1));
				expect(c.direction === null).toBe(c.run === 0);
				shortTrend(points, polarity, range);
				longTrend(points, n, polarity, range);
			})
		);
	});

	it('a steadily rising series is up for its whole length', () => {
		// Every step (≥ 10) is above the flat tolerance: 0.5% of at most |100| + 20 × 20 = 500 is 2.5.
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 10, max: 20 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: -100, max: 100 }), (steps, start) => {
				let v = start;
				const values = [v, ...steps.map((s) => (v += s))];
				const t = currentTrend(series(Q1_2016, values), 'lower');
				expect(t).toMatchObject({ direction: 'up', judgement: 'worse', run: steps.length, endedBy: 'start of series' });
			})
		);
	});
});
