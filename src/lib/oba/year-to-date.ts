// The latest year so far: April (or September) to the latest month reported,
// as boards read it before the year is over ("2018/19 to Nov 2018").
import { addMonths, monthsBetween, yearOfMonth } from './months';
import { formatPeriod, quarterMonths, type Period, type YearType } from './quarters';
import { combineMonths, type MonthFigure, type Rollup } from './rollup';
import type { RollupRule } from './rollup-rules';
import type { Unit } from './units';

export type YearToDate = Rollup & {
	/** The whole year the months belong to; `period` is this year too. */
	year: Period;
	/** The latest month reported: the year to date runs to its end. */
	through: Period;
	/** '2018/19 to Nov 2018'. */
	label: string;
};

/**
 * The latest year of the given type to its latest month: the latest month is the
 * latest one given at all, even as a gap, so a gap in it makes the year to date
 * incomplete rather than silently ending a month earlier. Null when no month is given.
 */
export function yearToDate(
	months: readonly MonthFigure[], rule: RollupRule, unit: Unit, yearType: YearType = 'financial'
): YearToDate | null {
	const monthly = months.filter((m) => m.period.kind === 'month');
	if (monthly.length === 0) return null;
	const through = monthly.reduce((a, b) => (b.period.start > a.period.start ? b : a)).period;
	const year = yearOfMonth(through, yearType);
	const first = addMonths(year, 0);
	const expected = Array.from({ length: monthsBetween(first, through) + 1 }, (_, i) => addMonths(first, i));
	const label = `${formatPeriod(year)} to ${quarterMonths(through)}`;
	return { period: year, rule, ...combineMonths(expected, monthly, rule, unit, label), year, through, label };
}

/** The latest financial year (April–March) to its latest month: '2018/19 to Nov 2018'. */
export function financialYearToDate(months: readonly MonthFigure[], rule: RollupRule, unit: Unit): YearToDate | null {
	return yearToDate(months, rule, unit, 'financial');
}
