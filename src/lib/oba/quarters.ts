// Reporting periods as local government uses them: financial years April to
// March, and their quarters (Q1 = Apr–Jun ... Q4 = Jan–Mar).
import { MONTH_SHORT, daysInMonth, isoDate, readIsoDate } from './calendar';

/** ISO dates; a quarter is 3 calendar months from Jan/Apr/Jul/Oct, a year is Apr–Mar. */
export type Period = { kind: 'quarter' | 'year'; start: string; end: string };

/** The calendar quarter containing the given month (1–12). */
export function quarterContaining(year: number, month: number): Period {
	const first = month - ((month - 1) % 3);
	const last = first + 2;
	return {
		kind: 'quarter',
		start: isoDate(year, first, 1),
		end: isoDate(year, last, daysInMonth(year, last))
	};
}

/** The financial year that starts on 1 April of startYear (2016 → 2016/17). */
export function financialYear(startYear: number): Period {
	return { kind: 'year', start: isoDate(startYear, 4, 1), end: isoDate(startYear + 1, 3, 31) };
}

/** Quarter 1–4 of the financial year starting in startYear (Q3 of 2016 → Oct–Dec 2016). */
export function financialQuarter(startYear: number, quarter: number): Period {
	return quarter === 4 ? quarterContaining(startYear + 1, 1) : quarterContaining(startYear, quarter * 3 + 1);
}

function startOf(p: Period): { year: number; month: number } {
	// Periods are only ever built here, so start is always a valid date;
	// the fallback keeps the function total rather than crashing on hand-made input.
	const d = readIsoDate(p.start) ?? { year: 1970, month: 1, day: 1 };
	return { year: d.year, month: d.month };
}

/** The financial year a period falls in, by its start (Jan 2017 → 2016). */
export function financialYearStart(p: Period): number {
	const { year, month } = startOf(p);
	return month >= 4 ? year : year - 1;
}

/** Financial-year quarter number 1–4 of a quarter (Oct–Dec → 3). */
export function financialQuarterNumber(p: Period): 1 | 2 | 3 | 4 {
	const { month } = startOf(p);
	return month >= 4 ? ((Math.floor((month - 4) / 3) + 1) as 1 | 2 | 3) : 4;
}

/** '2016/17' style; the century rolls over as 1999/00. */
export function splitYearLabel(startYear: number): string {
	return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** '2016/17 Q3' for a quarter, '2016/17' for a year: the label analysts write. */
export function financialYearLabel(p: Period): string {
	const fy = splitYearLabel(financialYearStart(p));
	return p.kind === 'year' ? fy : `${fy} Q${financialQuarterNumber(p)}`;
}

/** The label shown wherever a period appears. */
export function formatPeriod(p: Period): string {
	return financialYearLabel(p);
}

/** 'Oct–Dec 2016' for a quarter; 'Apr 2016 – Mar 2017' for a year. */
export function quarterMonths(p: Period): string {
	const { year, month } = startOf(p);
	if (p.kind === 'year') return `Apr ${year} – Mar ${year + 1}`;
	return `${MONTH_SHORT[month - 1]}–${MONTH_SHORT[month + 1]} ${year}`;
}

/**
 * Sorts chronologically as a plain string: start date, then end date, so a
 * year sorts after its own Q1 and before its Q2. Written as an ISO interval.
 */
export function periodKey(p: Period): string {
	return `${p.start}/${p.end}`;
}

/** Quarters counted from year 0, so that shifting is plain addition. */
function quarterIndex(p: Period): number {
	const { year, month } = startOf(p);
	return year * 4 + Math.floor((month - 1) / 3);
}

function fromQuarterIndex(index: number): Period {
	const year = Math.floor(index / 4);
	return quarterContaining(year, (index - year * 4) * 3 + 1);
}

/**
 * Moves a quarter by n quarters. A year has no quarter-sized neighbour, so a
 * year moves to the financial year containing its first quarter moved by n:
 * -1 and -4 both give the previous year, +1 to +3 the same year.
 */
export function addQuarters(p: Period, n: number): Period {
	const moved = fromQuarterIndex(quarterIndex(p) + Math.trunc(n));
	return p.kind === 'quarter' ? moved : financialYear(financialYearStart(moved));
}

/** The period before: the previous quarter, or for a year the previous year. */
export function previousQuarter(p: Period): Period {
	return addQuarters(p, -1);
}

/** Short trend comparator: 2016/17 Q3 → 2015/16 Q3; a year → the year before. */
export function sameQuarterLastYear(p: Period): Period {
	return addQuarters(p, -4);
}

/** Quarters from a's start to b's start: 2016/17 Q1 → 2016/17 Q3 is 2; negative when b is earlier. */
export function quartersBetween(a: Period, b: Period): number {
	return quarterIndex(b) - quarterIndex(a);
}

export function samePeriod(a: Period, b: Period): boolean {
	return a.kind === b.kind && a.start === b.start && a.end === b.end;
}
