// The XmR chart against NHSRplotthedots (github.com/nhs-r-community/NHSRplotthedots, v0.2.0):
// its own test data and the outputs its tests document (testthat expectations and snapshots).
import { describe, expect, it } from 'vitest';
import { spc, type Spc } from '../../src/lib/oba/spc';
import { assuranceOf, assuranceText, variationOf } from '../../src/lib/oba/spc-icons';
import { shiftRuns, trendEnds, trendRuns, twoOfThree, type Side } from '../../src/lib/oba/spc-rules';

/**
 * tests/testthat/test-ptd_spc_standard.R and test-ptd_spc.R: `set.seed(123); y = rnorm(20)`,
 * as R prints them, to 8 decimals (tests/testthat/_snaps/ptd_spc_standard.md shows the first
 * five). Rounded so, they give the snapshots' 7-figure results to within 1 in the 7th figure.
 */
const RNORM_123 = [
	-0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197, 1.2240818, 0.35981383,
	0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279163
];

const ok = (result: Spc) => {
	if (!result.ok) throw new Error(result.reason);
	return result;
};
const classes = (result: Spc) => ok(result).points.map((p) => p.class);

describe('spc: NHSRplotthedots documented examples', () => {
	it('rnorm(20), seed 123: mean 0.1416238, limits −3.01138 and 3.294627, every point common cause', () => {
		// _snaps/ptd_spc_standard.md (r1): mean_col 0.1416238, lpl -3.01138, upl 3.294627;
		// _snaps/ptd_spc.md (summary): n 20, common_cause 20, special_cause_improvement 0.
		const r = ok(spc(RNORM_123, { polarity: 'higher' }));
		expect(r.limits.mean).toBeCloseTo(0.1416238, 7);
		expect(r.limits.lower).toBeCloseTo(-3.01138, 5);
		expect(r.limits.upper).toBeCloseTo(3.294627, 6);
		expect(r.baseline).toEqual({ rule: 'all', points: 20, through: 19 });
		expect(r.limits.movingRanges).toBe(19);
		expect(r.limits.screenedOut).toBe(0);
		expect(classes(r)).toEqual(Array(20).fill('common'));
		// relative_to_mean in the snapshot, first 15 points.
		const sides = r.points.slice(0, 15).map((p) => Math.sign(p.value - r.limits.mean));
		expect(sides).toEqual([-1, -1, 1, -1, -1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1]);
		// _snaps/ptd_spc.md, "summary with a target" (target 0.5): a variation type and an assurance type;
		// 0.5 lies within −3.01 to 3.29, so: inconsistent; the last point is common cause.
		expect(variationOf(r)).toBe('common');
		expect(assuranceOf(r, 0.5)).toBe('inconsistent');
	});

	it('the same with y[15] = 10: the outlying moving ranges are screened out (mean 0.6694159, limits −2.383666 and 3.722497)', () => {
		// _snaps/ptd_spc_standard.md (r2, screen_outliers = TRUE, the default).
		const y = [...RNORM_123];
		y[14] = 10;
		const r = ok(spc(y, { polarity: 'higher' }));
		expect(r.limits.mean).toBeCloseTo(0.6694159, 6);
		expect(r.limits.lower).toBeCloseTo(-2.383666, 6);
		expect(r.limits.upper).toBeCloseTo(3.722497, 6);
		// The two moving ranges into and out of the 10 are each ≥ 3.267 × the mean moving range.
		expect(r.limits.screenedOut).toBe(2);
		// 10 is above the upper limit: the only signal, an improvement when higher is better.
		const expected = Array(20).fill('common');
		expected[14] = 'improvement';
		expect(classes(r)).toEqual(expected);
		expect(r.points[14]!.cause).toBe('beyond-limit');
		// relative_to_mean in the snapshot (r2), first 14 points.
		expect(r.points.slice(0, 14).map((p) => Math.sign(p.value - r.limits.mean))).toEqual([-1, -1, 1, -1, -1, 1, -1, -1, -1, -1, 1, -1, -1, -1]);
		// improvement_direction = "decrease": the same point is a concern.
		expect(classes(spc(y, { polarity: 'lower' }))[14]).toBe('concern');
	});

	it('ten and ten points (the facet example): means 0.0746 and 0.209, limits −2.60 to 2.75 and −3.28 to 3.70', () => {
		// _snaps/ptd_spc.md: facet 0 = the first ten points, facet 1 = the last ten.
		const a = ok(spc(RNORM_123.slice(0, 10), { polarity: 'higher' }));
		const b = ok(spc(RNORM_123.slice(10), { polarity: 'higher' }));
		expect([a.limits.mean, a.limits.lower, a.limits.upper].map((v) => Number(v.toPrecision(3)))).toEqual([0.0746, -2.6, 2.75]);
		expect([b.limits.mean, b.limits.lower, b.limits.upper].map((v) => Number(v.toPrecision(3)))).toEqual([0.209, -3.28, 3.7]);
		expect(classes(a)).toEqual(Array(10).fill('common'));
		expect(classes(b)).toEqual(Array(10).fill('common'));
	});

	it('two points near the limits on opposite sides of the mean are common cause', () => {
		// test-ptd_spc_standard.R: rep(c(1, -1), 8) with points 15 and 16 set to 5.5 and −5.5.
		const y = Array.from({ length: 16 }, (_, i): number => (i % 2 === 0 ? 1 : -1));
		y[14] = 5.5;
		y[15] = -5.5;
		const r = ok(spc(y, { polarity: 'higher' }));
		// By hand: mean 0; moving ranges 13 × 2, 6.5 and 11 (mean 2.9); 11 ≥ 3.267 × 2.9 is screened
		// out, so the mean moving range is 32.5 / 14 and the limits ±2.66 × 32.5 / 14 = ±6.175.
		expect(r.limits.mean).toBe(0);
		expect(r.limits.meanMovingRange).toBeCloseTo(32.5 / 14, 12);
		expect(r.limits.upper).toBeCloseTo(6.175, 12);
		expect(r.limits.lower).toBeCloseTo(-6.175, 12);
		expect(r.limits.upperNear).toBeCloseTo(6.175 * (2 / 3), 12);
		expect(classes(r)).toEqual(Array(16).fill('common'));
	});
});

describe('spc rules: NHSRplotthedots tests/testthat/test-ptd_calculate_point_type.R', () => {
	const ones = (n: number, v: Side = 1) => Array<Side>(n).fill(v);
	it('a shift is 7 points on one side of the mean; every point of the run is part of it', () => {
		// ptd_seven_point_one_side_mean, then ptd_part_of_seven_trend over its result.
		expect(shiftRuns([])).toEqual([]);
		expect(shiftRuns(ones(6))).toEqual(ones(6, 0));
		expect(shiftRuns([...ones(6), -1])).toEqual(ones(7, 0));
		expect(shiftRuns([...ones(8), -1])).toEqual([...ones(8), 0]);
		expect(shiftRuns([...ones(8, -1), 1])).toEqual([...ones(8, -1), 0]);
		// A point on the mean (0) breaks a run.
		expect(shiftRuns([1, 1, 1, 0, 1, 1, 1, 1])).toEqual(ones(8, 0));
	});

	it('a trend is 7 points each higher (or lower) than the one before; a tie breaks it', () => {
		// ptd_seven_point_trend.
		const up = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
		expect(trendEnds([])).toEqual([]);
		expect(trendEnds(up(1, 6))).toEqual(ones(6, 0));
		expect(trendEnds([...up(1, 3), ...up(3, 6)])).toEqual(ones(7, 0));
		expect(trendEnds(up(1, 7))).toEqual([...ones(6, 0), 1]);
		expect(trendEnds([2, ...up(1, 7), 3])).toEqual([...ones(7, 0), 1, 0]);
		expect(trendEnds(up(1, 7).reverse())).toEqual([...ones(6, 0), -1]);
		expect(trendEnds([2, ...up(1, 7).reverse(), 3])).toEqual([...ones(7, 0), -1, 0]);
		// ptd_part_of_seven_trend: the run's seven points.
		expect(trendRuns([2, ...up(1, 7), 3])).toEqual([0, ...ones(7), 0]);
		expect(trendRuns([2, ...up(1, 7).reverse(), 3])).toEqual([0, ...ones(7, -1), 0]);
	});

	it('two of three beyond 2 sigma count only on one side of the mean, and mark only the points beyond', () => {
		// ptd_two_in_three then ptd_part_of_two_in_three.
		const near = (xs: number[]) => xs.map((x) => x === 1);
		const part = (v: number[], rtm: Side[]) => twoOfThree(near(v), rtm).map((s) => Math.abs(s));
		expect(part([1, 0, 1], ones(3))).toEqual([1, 0, 1]);
		expect(part([0, 1, 1], ones(3))).toEqual([0, 1, 1]);
		expect(part([1, 1, 0], ones(3))).toEqual([1, 1, 0]);
		expect(part([0, 0, 1, 0, 1, 0, 0], ones(7))).toEqual([0, 0, 1, 0, 1, 0, 0]);
		expect(part([0, 0, 1, 1, 0, 0, 0], ones(7))).toEqual([0, 0, 1, 1, 0, 0, 0]);
		expect(part([1, 0, 0, 1], ones(4))).toEqual([0, 0, 0, 0]);
		expect(part([1, 0, 0, 1, 1], ones(5))).toEqual([0, 0, 0, 1, 1]);
		expect(part([1, 0, 1], [1, -1, 1])).toEqual([0, 0, 0]);
		expect(part([0, 1, 1], [1, -1, 1])).toEqual([0, 0, 0]);
		expect(part([0, 0, 1, 0, 1, 0, 0], [1, -1, 1, -1, 1, -1, 1])).toEqual(ones(7, 0));
		expect(part([0, 0, 1, 1, 0, 0, 0], [-1, 1, -1, 1, -1, 1, -1])).toEqual(ones(7, 0));
	});
});

describe('assurance: NHSRplotthedots tests/testthat/test-ptd_calculate_assurance_type.R', () => {
	// Limits 1–3, 5–7 and 1–5 against a target of 4.
	const fixed = (lower: number, upper: number, polarity: 'higher' | 'lower' | 'range'): Spc => ({
		ok: true,
		limits: { mean: (lower + upper) / 2, meanMovingRange: 0, movingRanges: 0, screenedOut: 0, lower, upper, lowerNear: lower, upperNear: upper },
		baseline: { rule: 'all', points: 0, through: 0 },
		points: [],
		direction: polarity === 'higher' ? 'increase' : polarity === 'lower' ? 'decrease' : 'neutral'
	});
	it.each([
		['higher', ['fail', 'pass', 'inconsistent']],
		['lower', ['pass', 'fail', 'inconsistent']],
		['range', ['none', 'none', 'none']]
	] as const)('polarity %s', (polarity, expected) => {
		expect([fixed(1, 3, polarity), fixed(5, 7, polarity), fixed(1, 5, polarity)].map((r) => assuranceOf(r, 4))).toEqual(expected);
	});
	it('has none without a target, and says why', () => {
		expect(assuranceOf(fixed(1, 3, 'higher'), null)).toBe('none');
		expect(assuranceText('none', 'increase', null)).toBe('No assurance: no target');
		expect(assuranceText('none', 'neutral', 4)).toBe('No assurance: no direction in which to meet a target');
		expect(assuranceText('pass', 'increase', 4)).toBe('Consistently passes the target');
	});
});

describe('spc: gaps, baselines, precedence and icons', () => {
	it('skips a gap: no zero, no moving range across it, and a run carries on over it', () => {
		const r = ok(spc([10, 12, null, 11, 13], { polarity: 'higher' }));
		expect(r.points.map((p) => p.index)).toEqual([0, 1, 3, 4]);
		expect(r.points.map((p) => p.movingRange)).toEqual([null, 2, null, 2]);
		expect(r.limits.mean).toBe(11.5);
		expect(r.limits.meanMovingRange).toBe(2);
		expect(r.limits.upper).toBeCloseTo(11.5 + 5.32, 12);
		// Seven points above the mean with a gap among them are still a shift.
		// Baseline 1, 3 × 3: mean 2, mean moving range 2; then 3, 4, 3, gap, 4, 3, 4: with the baseline's
		// last 3, eight points above the mean (four either side of the gap), none near a limit.
		const s = ok(spc([1, 3, 1, 3, 1, 3, 3, 4, 3, null, 4, 3, 4], { polarity: 'lower', through: 5 }));
		expect([s.limits.mean, s.limits.meanMovingRange]).toEqual([2, 2]);
		expect(s.points.slice(5).map((p) => p.index)).toEqual([5, 6, 7, 8, 10, 11, 12]);
		expect(s.points.map((p) => p.cause)).toEqual([null, null, null, null, null, 'shift', 'shift', 'shift', 'shift', 'shift', 'shift', 'shift']);
		expect(s.points.at(-1)!.class).toBe('concern');
	});

	it('fixes the limits up to the plan’s first review when that gives 12 points, else from the first 20, else all', () => {
		const y = Array.from({ length: 25 }, (_, i) => (i % 3) + 10);
		expect(ok(spc(y, { polarity: 'higher', firstReview: 11 })).baseline).toEqual({ rule: 'first-review', points: 12, through: 11 });
		expect(ok(spc(y, { polarity: 'higher', firstReview: 10 })).baseline).toEqual({ rule: 'first-20', points: 20, through: 19 });
		expect(ok(spc(y, { polarity: 'higher' })).baseline).toEqual({ rule: 'first-20', points: 20, through: 19 });
		expect(ok(spc(y.slice(0, 15), { polarity: 'higher' })).baseline).toEqual({ rule: 'all', points: 15, through: 14 });
		// A chosen end wins; a gap in the baseline is not a point of it.
		const gappy = [...y.slice(0, 5), null, ...y.slice(6)];
		expect(ok(spc(gappy, { polarity: 'higher', through: 7, firstReview: 20 })).baseline).toEqual({ rule: 'chosen', points: 7, through: 7 });
		expect(spc([5, null, 6], { polarity: 'higher' })).toEqual({
			ok: false,
			reason: 'At least two neighbouring periods with values are needed in the baseline for a moving range'
		});
	});

	it('takes a limit before a trend, a trend before two of three, and two of three before a shift', () => {
		// Baseline 10, 12 × 6: mean 11, mean moving range 2 (limits 5.68 to 16.32; 2 sigma 7.453 to 14.547).
		const base = [10, 12, 10, 12, 10, 12];
		const r = ok(spc([...base, 11.5, 12, 13, 14, 15, 16, 17, 11.2, 15, 11.1, 15, 15, 20], { polarity: 'higher', through: 5 }));
		expect(r.limits.upper).toBeCloseTo(16.32, 12);
		expect(r.points.slice(6).map((p) => p.cause)).toEqual([
			'trend', 'trend', 'trend', 'trend', 'trend', 'trend', 'beyond-limit', 'shift', 'two-of-three', 'shift', 'two-of-three', 'two-of-three', 'beyond-limit'
		]);
		expect(new Set(r.points.slice(6).map((p) => p.class))).toEqual(new Set(['improvement']));
		expect(variationOf(r)).toBe('improvement-high');
	});

	it('names the variation icon as NHSRplotthedots does: a concern when higher is better is low', () => {
		const falling = [10, 12, 10, 12, 10, 12, 11, 4];
		expect(variationOf(spc(falling, { polarity: 'higher', through: 5 }))).toBe('concern-low');
		expect(variationOf(spc(falling, { polarity: 'lower', through: 5 }))).toBe('improvement-low');
		expect(variationOf(spc(falling, { polarity: 'range', through: 5 }))).toBe('neither-low');
		expect(variationOf(spc(falling, { polarity: null, through: 5 }))).toBe('neither-low');
		expect(variationOf(spc([5, null], { polarity: null }))).toBeNull();
	});
});
