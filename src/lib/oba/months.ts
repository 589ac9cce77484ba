// Months, and the quarters and years they roll up into. Monthly data (police,
// missing episodes, MASH contacts) is reported to the board by quarter and by
// year, so every month must know which quarter and which year it belongs to.
import { fromMonthIndex, monthIndex, readIsoDate } from './calendar';
import {
	calendarMonth,
	quarterContaining,
	yearStartOf,
	yearStarting,
	type Period,
	type YearType
} from './quarters';

function firstMonth(p: Period): { year: number; month: number } {
	// Periods are built by quarters.ts, so start is a valid date; the fallback keeps this total.
	const d = readIsoDate(p.start) ?? { year: 1970, month: 1 };
	return { year: d.year, month: d.month };
}

function index(p: Period): number {
	const { year, month } = firstMonth(p);
	return monthIndex(year, month);
}

/** The month n months after the month p starts in (negative n goes back). */
export function addMonths(p: Period, n: number): Period {
	const moved = fromMonthIndex(index(p) + Math.trunc(n));
	return calendarMonth(moved.year, moved.month);
}

/** Months from a's start to b's start: Apr 2017 → Nov 2017 is 7; negative when b is earlier. */
export function monthsBetween(a: Period, b: Period): number {
	return index(b) - index(a);
}

/** The quarter a month (or any period, by its start) falls in: Nov 2017 → Oct–Dec 2017 (2017/18 Q3). */
export function quarterOfMonth(p: Period): Period {
	const { year, month } = firstMonth(p);
	return quarterContaining(year, month);
}

/** The year of the given type a month falls in: Jan 2018 → 2017/18 for both; Aug 2018 → 2018/19 financial, AY 2017/18 academic. */
export function yearOfMonth(p: Period, type: YearType = 'financial'): Period {
	return yearStarting(yearStartOf(p, type), type);
}

/** The financial year (April–March) a month falls in: Mar 2018 → 2017/18. */
export function financialYearOfMonth(p: Period): Period {
	return yearOfMonth(p, 'financial');
}

/** The academic year (September–August) a month falls in: Aug 2018 → AY 2017/18. */
export function academicYearOfMonth(p: Period): Period {
	return yearOfMonth(p, 'academic');
}

/** The months of a period, in order: 3 for a quarter, 12 for a year, the month itself for a month. */
export function monthsOf(p: Period): Period[] {
	const count = p.kind === 'year' ? 12 : p.kind === 'quarter' ? 3 : 1;
	return Array.from({ length: count }, (_, i) => addMonths(p, i));
}
