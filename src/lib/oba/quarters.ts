// Reporting periods as local government uses them: financial years April to
// March, and their quarters (Q1 = Apr–Jun ... Q4 = Jan–Mar); months, as police,
// missing-episode and MASH data arrive; and academic years (September–August)
// for school measures.
import { MONTH_SHORT, daysInMonth, fromMonthIndex, isoDate, monthIndex, readIsoDate } from './calendar';

/**
 * ISO dates. A month is one calendar month; a quarter is 3 calendar months from
 * Jan/Apr/Jul/Oct; a year is Apr–Mar (financial) or Sep–Aug (academic).
 * Quarters are the same three-month blocks in every measure, academic or not:
 * DfE publishes no Sep–Nov "academic quarter", so school measures report by
 * the same quarters as everything else and only their years differ.
 */
export type Period = { kind: 'month' | 'quarter' | 'year'; start: string; end: string };

/** How a measure's years run: April–March (financial) or September–August (academic). */
export type YearType = 'financial' | 'academic';

/** The month in which each kind of year starts. */
export const YEAR_STARTS: Readonly<Record<YearType, number>> = { financial: 4, academic: 9 };

/** One calendar month (1–12) as a period: the 1st to its last day. */
export function calendarMonth(year: number, month: number): Period {
	return { kind: 'month', start: isoDate(year, month, 1), end: isoDate(year, month, daysInMonth(year, month)) };
}

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

/** The academic year that starts on 1 September of startYear (2017 → Sep 2017 – Aug 2018). */
export function academicYear(startYear: number): Period {
	return { kind: 'year', start: isoDate(startYear, 9, 1), end: isoDate(startYear + 1, 8, 31) };
}

/** The year of the given type that starts in startYear. */
export function yearStarting(startYear: number, type: YearType): Period {
	return type === 'academic' ? academicYear(startYear) : financialYear(startYear);
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

/** 'academic' for a year that starts in September; 'financial' for every other year; null for a month or a quarter, which belong to both. */
export function yearTypeOf(p: Period): YearType | null {
	if (p.kind !== 'year') return null;
	return startOf(p).month === YEAR_STARTS.academic ? 'academic' : 'financial';
}

/** The start year of the year of the given type that a period's start falls in (Jan 2017 → 2016 for both). */
export function yearStartOf(p: Period, type: YearType): number {
	const { year, month } = startOf(p);
	return month >= YEAR_STARTS[type] ? year : year - 1;
}

/** The financial year a period falls in, by its start (Jan 2017 → 2016). */
export function financialYearStart(p: Period): number {
	return yearStartOf(p, 'financial');
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

/**
 * '2016/17 Q3' for a quarter, '2016/17' for a financial year, 'Apr 2017' for a
 * month: the labels analysts write. An academic year is 'AY 2017/18': it must
 * never read as the financial year 2017/18, and the prefix survives a label cut
 * short on a chart axis (where '2017/18 (academic)' would lose its qualifier
 * first), keeps the label as short as a quarter's, and reads back unambiguously
 * when a stored label is parsed again.
 */
export function financialYearLabel(p: Period): string {
	if (p.kind === 'month') return quarterMonths(p);
	if (yearTypeOf(p) === 'academic') return `AY ${splitYearLabel(yearStartOf(p, 'academic'))}`;
	const fy = splitYearLabel(financialYearStart(p));
	return p.kind === 'year' ? fy : `${fy} Q${financialQuarterNumber(p)}`;
}

/** The label shown wherever a period appears. */
export function formatPeriod(p: Period): string {
	return financialYearLabel(p);
}

/** 'Oct–Dec 2016' for a quarter; 'Apr 2016 – Mar 2017' (or 'Sep 2017 – Aug 2018') for a year; 'Apr 2017' for a month. */
export function quarterMonths(p: Period): string {
	const { year, month } = startOf(p);
	if (p.kind === 'month') return `${MONTH_SHORT[month - 1]} ${year}`;
	const last = fromMonthIndex(monthIndex(year, month) + (p.kind === 'year' ? 11 : 2));
	if (p.kind === 'year') return `${MONTH_SHORT[month - 1]} ${year} – ${MONTH_SHORT[last.month - 1]} ${last.year}`;
	return `${MONTH_SHORT[month - 1]}–${MONTH_SHORT[last.month - 1]} ${year}`;
}

/**
 * Sorts chronologically as a plain string: start date, then end date, so a
 * year sorts after its own Q1 and before its Q2, and a month before the
 * quarter it starts. Written as an ISO interval, so an academic year
 * (2017-09-01/2018-08-31) never shares a key with a financial one.
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
 * Moves a quarter by n quarters, and a month by 3n months. A year has no
 * quarter-sized neighbour, so a year moves to the year of its own type
 * containing its first month moved by 3n months: -1 and -4 both give the
 * previous year, +1 to +3 the same year.
 */
export function addQuarters(p: Period, n: number): Period {
	const steps = Math.trunc(n);
	if (p.kind === 'quarter') return fromQuarterIndex(quarterIndex(p) + steps);
	const { year, month } = startOf(p);
	const moved = fromMonthIndex(monthIndex(year, month) + 3 * steps);
	if (p.kind === 'month') return calendarMonth(moved.year, moved.month);
	const type = yearTypeOf(p) ?? 'financial';
	return yearStarting(moved.month >= YEAR_STARTS[type] ? moved.year : moved.year - 1, type);
}

/** The period before: the previous quarter, for a year the previous year (for a month, 3 months before). */
export function previousQuarter(p: Period): Period {
	return addQuarters(p, -1);
}

/** Short trend comparator: 2016/17 Q3 → 2015/16 Q3; a year → the year before; Apr 2017 → Apr 2016. */
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
