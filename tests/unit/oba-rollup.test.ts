import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	DEFAULT_ROLLUP,
	defaultRollupRule,
	parseRollupRule,
	rollUp,
	rollUpSeries,
	ruleUnitProblem,
	type MonthFigure,
	type RollupRule
} from '../../src/lib/oba/rollup';
import { financialYearToDate, yearToDate } from '../../src/lib/oba/year-to-date';
import { academicYear, calendarMonth, financialQuarter, financialYear, formatPeriod, monthsOf } from '../../src/lib/oba/periods';
import type { Unit } from '../../src/lib/oba/units';

const Q4_2016_17 = financialQuarter(2016, 4); // Jan–Mar 2017
const month = (year: number, m: number, value: number | null, numerator?: number | null, denominator?: number | null): MonthFigure => ({
	period: calendarMonth(year, m),
	value,
	...(numerator !== undefined ? { numerator } : {}),
	...(denominator !== undefined ? { denominator } : {})
});
const JAN_MAR = [month(2017, 1, 3), month(2017, 2, 4), month(2017, 3, 5)];

describe('a full quarter by each rule', () => {
	it('sum: 3 + 4 + 5 = 12', () => {
		expect(rollUp(JAN_MAR, 'sum', 'count', Q4_2016_17)).toEqual({
			period: Q4_2016_17, rule: 'sum', value: 12, numerator: null, denominator: null,
			monthsPresent: 3, monthsExpected: 3, complete: true, missing: [], reason: null
		});
	});

	it('mean: (3 + 4 + 5) / 3 = 4', () => expect(rollUp(JAN_MAR, 'mean', 'days', Q4_2016_17).value).toBe(4));

	it('latest: the March value, 5, with March\'s numerator and denominator', () => {
		const r = rollUp([month(2017, 1, 30, 3, 10), month(2017, 2, 40, 4, 10), month(2017, 3, 50, 5, 10)], 'latest', 'percent', Q4_2016_17);
		expect([r.value, r.numerator, r.denominator, r.complete]).toEqual([50, 5, 10, true]);
	});

	it('ratio for a %: (3 + 4 + 0) / (10 + 10 + 0) = 35%', () => {
		const r = rollUp([month(2017, 1, 30, 3, 10), month(2017, 2, 40, 4, 10), month(2017, 3, null, 0, 0)], 'ratio', 'percent', Q4_2016_17);
		expect([r.value, r.numerator, r.denominator, r.complete]).toEqual([35, 7, 20, true]);
	});

	it('ratio is not the average of the monthly %s: 3/10, 4/10, 1/80 is 8/100 = 8%, not 23.75%', () => {
		const r = rollUp([month(2017, 1, 30, 3, 10), month(2017, 2, 40, 4, 10), month(2017, 3, 1.25, 1, 80)], 'ratio', 'percent', Q4_2016_17);
		expect(r.value).toBe(8);
	});

	it('ratio for a rate per 10,000: 3 + 4 + 5 children over a population of 20,000 is 6, not 2', () => {
		const r = rollUp([month(2017, 1, 1.5, 3, 20000), month(2017, 2, 2, 4, 20000), month(2017, 3, 2.5, 5, 20000)], 'ratio', 'rate10k', Q4_2016_17);
		expect([r.value, r.numerator, r.denominator]).toEqual([6, 12, 20000]);
	});

	it('ratio for days: total days over cases (60 + 30 + 30) / (4 + 2 + 6) = 10 days', () => {
		const r = rollUp([month(2017, 1, 15, 60, 4), month(2017, 2, 15, 30, 2), month(2017, 3, 5, 30, 6)], 'ratio', 'days', Q4_2016_17);
		expect(r.value).toBe(10);
	});

	it('a year by sum: 12 months of 1..12 is 78', () => {
		const months = monthsOf(financialYear(2017)).map((p, i) => ({ period: p, value: i + 1 }));
		const r = rollUp(months, 'sum', 'count', financialYear(2017));
		expect([r.value, r.monthsExpected, r.complete]).toEqual([78, 12, true]);
	});

	it('months outside the quarter are left out', () => {
		expect(rollUp([month(2016, 12, 100), ...JAN_MAR, month(2017, 4, 100)], 'sum', 'count', Q4_2016_17).value).toBe(12);
	});
});

describe('no value without every month, and never silently', () => {
	it('2 of 3 months: not complete, no value, and the missing month is named', () => {
		expect(rollUp(JAN_MAR.slice(0, 2), 'sum', 'count', Q4_2016_17)).toEqual({
			period: Q4_2016_17, rule: 'sum', value: null, numerator: null, denominator: null,
			monthsPresent: 2, monthsExpected: 3, complete: false, missing: [calendarMonth(2017, 3)],
			reason: 'No value for 2016/17 Q4 (Jan–Mar 2017): 2 of 3 months have a value; missing Mar 2017'
		});
	});

	it.each<RollupRule>(['sum', 'mean', 'latest'])('%s: a month given as a gap (suppressed) is missing too, never a zero', (rule) => {
		const r = rollUp([month(2017, 1, 3), month(2017, 2, null), month(2017, 3, 5)], rule, 'count', Q4_2016_17);
		expect([r.value, r.complete, r.monthsPresent]).toEqual([null, false, 2]);
	});

	it('ratio without numerators and denominators gives no value and says why', () => {
		const r = rollUp([month(2017, 1, 30), month(2017, 2, 40), month(2017, 3, 50)], 'ratio', 'percent', Q4_2016_17);
		expect(r.value).toBeNull();
		expect(r.reason).toBe(
			'No value for 2016/17 Q4 (Jan–Mar 2017): it is re-derived from numerators and denominators, never averaged, and Jan 2017, Feb 2017, Mar 2017 have a value but no numerator and denominator'
		);
	});

	it('ratio with a denominator of 0 across the quarter has no value', () => {
		const r = rollUp([month(2017, 1, null, 0, 0), month(2017, 2, null, 0, 0), month(2017, 3, null, 0, 0)], 'ratio', 'percent', Q4_2016_17);
		expect([r.value, r.complete, r.reason]).toEqual([null, true, 'No value for 2016/17 Q4 (Jan–Mar 2017): the denominator is 0, so there is no ratio']);
	});

	it('a month given twice gives no value', () => {
		const r = rollUp([...JAN_MAR, month(2017, 2, 9)], 'sum', 'count', Q4_2016_17);
		expect([r.value, r.reason]).toEqual([null, 'No value for 2016/17 Q4 (Jan–Mar 2017): Feb 2017 is given more than once']);
	});

	it.each<[RollupRule, Unit]>([['sum', 'percent'], ['mean', 'percent'], ['sum', 'rate10k'], ['mean', 'rate10k']])(
		'%s of a %s is refused: never added up or averaged',
		(rule, unit) => {
			const r = rollUp([month(2017, 1, 30, 3, 10), month(2017, 2, 40, 4, 10), month(2017, 3, 50, 5, 10)], rule, unit, Q4_2016_17);
			expect(r.value).toBeNull();
			expect(r.reason).toMatch(/never (added up|averaged) across months/);
		}
	);
});

describe('a monthly series rolled up', () => {
	it('Jan–Jun 2017 with May missing: Q4 is 12, Q1 has no value', () => {
		const months = [...JAN_MAR, month(2017, 4, 6), month(2017, 6, 8)];
		const quarters = rollUpSeries(months, 'sum', 'count', 'quarter');
		expect(quarters.map((q) => [formatPeriod(q.period), q.value, q.monthsPresent])).toEqual([
			['2016/17 Q4', 12, 3],
			['2017/18 Q1', null, 2]
		]);
	});

	it('into academic years: Aug 2018 is in AY 2017/18, Sep 2018 in AY 2018/19', () => {
		const years = rollUpSeries([month(2018, 8, 1), month(2018, 9, 1)], 'sum', 'count', 'year', 'academic');
		expect(years.map((y) => [formatPeriod(y.period), y.monthsPresent, y.monthsExpected])).toEqual([
			['AY 2017/18', 1, 12],
			['AY 2018/19', 1, 12]
		]);
	});
});

describe('financial year to date', () => {
	// Jan–Mar 2018 belong to 2017/18 and are left out; Apr–Nov 2018 are 1..8.
	const months = [month(2018, 1, 50), month(2018, 2, 50), month(2018, 3, 50), ...[4, 5, 6, 7, 8, 9, 10, 11].map((m) => month(2018, m, m - 3))];

	it('2018/19 to Nov 2018: 1 + 2 + ... + 8 = 36 over 8 months', () => {
		const ytd = financialYearToDate(months, 'sum', 'count');
		expect(ytd && [ytd.label, ytd.value, ytd.monthsPresent, ytd.monthsExpected, ytd.complete]).toEqual(['2018/19 to Nov 2018', 36, 8, 8, true]);
		expect(ytd?.year).toEqual(financialYear(2018));
		expect(ytd?.through).toEqual(calendarMonth(2018, 11));
	});

	it('latest to date is November\'s value, 8; mean is 4.5', () => {
		expect(financialYearToDate(months, 'latest', 'count')?.value).toBe(8);
		expect(financialYearToDate(months, 'mean', 'days')?.value).toBe(4.5);
	});

	it('a gap in the latest month makes it incomplete rather than ending a month early', () => {
		const ytd = financialYearToDate([...months, month(2018, 12, null)], 'sum', 'count');
		expect(ytd && [ytd.label, ytd.value, ytd.complete, ytd.reason]).toEqual([
			'2018/19 to Dec 2018', null, false, 'No value for 2018/19 to Dec 2018: 8 of 9 months have a value; missing Dec 2018'
		]);
	});

	it('the first month of a year is a year to date of one month', () => {
		expect(financialYearToDate([month(2019, 4, 7)], 'sum', 'count')).toMatchObject({ label: '2019/20 to Apr 2019', value: 7, monthsExpected: 1 });
	});

	it('an academic year to date starts in September', () => {
		const ytd = yearToDate([month(2018, 9, 2), month(2018, 10, 3), month(2018, 11, 4)], 'sum', 'count', 'academic');
		expect(ytd && [ytd.label, ytd.value, ytd.year]).toEqual(['AY 2018/19 to Nov 2018', 9, academicYear(2018)]);
	});

	it('no months, no year to date', () => expect(financialYearToDate([], 'sum', 'count')).toBeNull());
});

describe('the rule vocabulary', () => {
	it.each([
		['sum', 'sum'], ['Total', 'sum'], ['add up', 'sum'],
		['mean', 'mean'], ['Average', 'mean'], ['avg', 'mean'],
		['latest', 'latest'], ['Month end', 'latest'], ['month-end', 'latest'], ['LAST', 'latest'], ['snapshot', 'latest'],
		['ratio', 'ratio'], ['recalculate', 'ratio'], ['numerator/denominator', 'ratio'], ['Numerator / denominator', 'ratio'],
		['re-derived', 'ratio'], ['weighted average', 'ratio']
	])('"%s" is %s', (text, rule) => {
		expect(parseRollupRule(text)).toEqual({ ok: true, rule });
	});

	it('an unknown or blank rule is refused with the accepted spellings', () => {
		expect(parseRollupRule('median')).toEqual({
			ok: false,
			message: '"median" is not a roll-up rule; expected how months add up: "sum", "mean", "latest" or "ratio" (or "total", "average", "month end", "recalculate")'
		});
		expect(parseRollupRule(' ')).toMatchObject({ ok: false, message: expect.stringMatching(/^the roll-up rule is blank/) });
	});

	it('defaults by unit: count and £ sum, % and rates re-derive, days average', () => {
		expect(DEFAULT_ROLLUP).toEqual({ count: 'sum', percent: 'ratio', rate10k: 'ratio', days: 'mean', gbp: 'sum' });
		expect(defaultRollupRule('percent')).toBe('ratio');
	});

	it('every default is allowed for its unit; latest is allowed for a %', () => {
		for (const [unit, rule] of Object.entries(DEFAULT_ROLLUP)) expect(ruleUnitProblem(rule, unit as Unit)).toBeNull();
		expect(ruleUnitProblem('latest', 'percent')).toBeNull();
		expect(ruleUnitProblem('mean', 'percent')).toMatch(/^percentages are never averaged/);
	});
});

describe('roll-up properties', () => {
	const yearValues = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 12, maxLength: 12 });

	it('the sum of a complete year\'s quarter sums is the year\'s sum', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1990, max: 2090 }), yearValues, (start, values) => {
				const year = financialYear(start);
				const months = monthsOf(year).map((p, i) => ({ period: p, value: values[i] ?? null }));
				const quarters = rollUpSeries(months, 'sum', 'count', 'quarter');
				expect(quarters).toHaveLength(4);
				const total = quarters.reduce((s, q) => s + (q.value ?? Number.NaN), 0);
				expect(total).toBe(rollUp(months, 'sum', 'count', year).value);
				expect(total).toBe(values.reduce((s, v) => s + v, 0));
			})
		);
	});

	it('a year\'s ratio re-derived from its quarters\' numerators and denominators is the year\'s ratio', () => {
		fc.assert(
			fc.property(yearValues, yearValues, (nums, extra) => {
				const year = financialYear(2017);
				const months = monthsOf(year).map((p, i) => ({ period: p, value: null, numerator: nums[i]!, denominator: nums[i]! + extra[i]! + 1 }));
				const quarters = rollUpSeries(months, 'ratio', 'percent', 'quarter');
				const n = quarters.reduce((s, q) => s + (q.numerator ?? Number.NaN), 0);
				const d = quarters.reduce((s, q) => s + (q.denominator ?? Number.NaN), 0);
				expect((n * 100) / d).toBe(rollUp(months, 'ratio', 'percent', year).value);
			})
		);
	});

	it('any month missing from a year leaves it with no value', () => {
		fc.assert(
			fc.property(yearValues, fc.integer({ min: 0, max: 11 }), (values, drop) => {
				const months = monthsOf(financialYear(2017)).map((p, i) => ({ period: p, value: values[i]! })).filter((_, i) => i !== drop);
				const r = rollUp(months, 'sum', 'count', financialYear(2017));
				expect([r.value, r.complete, r.monthsPresent, r.missing.length]).toEqual([null, false, 11, 1]);
			})
		);
	});
});
