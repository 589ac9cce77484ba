import { describe, expect, test } from 'vitest';
import type { ExplorerMeasure } from '../../src/lib/db/queries/explorer';
import type { ValueRow } from '../../src/lib/db/queries/measures';
import { monthlyView } from '../../src/lib/state/monthly';

const measure = (unit: string, rollup: string | null, year_type: string | null = null) =>
	({ measure_id: 'MM1', name: 'Missing episodes', unit, rollup, year_type }) as ExplorerMeasure;
const month = (label: string, value: number | null, numerator: number | null = null, denominator: number | null = null): ValueRow =>
	({ measure_id: 'MM1', area_code: 'E06000012', period_start: new Date(0), period_label: label, value, marker: null, numerator, denominator, target: null, note: null });

describe('what a measure page says of monthly data', () => {
	test('a count with no rule given: summed by default, and the financial year to date', () => {
		const view = monthlyView(measure('count', null), ['Apr 2018', 'May 2018', 'Jun 2018', 'Jul 2018', 'Aug 2018'].map((m, i) => month(m, [12, 15, 9, 11, 14][i]!)));
		expect(view).toMatchObject({ rule: 'sum', defaulted: true, yearType: 'financial', ruleText: 'Sum: the months added up: for counts of events (referrals, missing episodes)' });
		expect(view?.yearToDate).toMatchObject({ label: '2018/19 to Aug 2018', value: 61, monthsPresent: 5, monthsExpected: 5 });
	});

	test('a % declared ratio in an academic measure: the academic year to date, re-derived', () => {
		const view = monthlyView(measure('percent', 'ratio', 'academic'), [month('Sep 2018', null, 3, 10), month('Oct 2018', null, 4, 10)]);
		expect(view).toMatchObject({ rule: 'ratio', defaulted: false, yearType: 'academic' });
		expect(view?.yearToDate).toMatchObject({ label: 'AY 2018/19 to Oct 2018', value: 35 });
	});

	test('no months: nothing to say', () => {
		expect(monthlyView(measure('count', null), [])).toBeNull();
	});
});
