// A single month written without a day: 'Apr 2017', 'April 2017', '2017-04',
// '04/2017', '4/2017', 'Apr-17', 'Apr 17'. A text with a day (30/04/2017,
// 2017-04-30) is a date, read elsewhere; this never sees it.
import { monthFromWord, yearFromDigits, yearInRange } from './calendar';

export type MonthText = { ok: true; year: number; month: number } | { ok: false; message: string };

// On text normalised by period-text.ts: lower case, one dash, no spaces around '-' or '/'.
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[/.-](\d{4})$/;
const NAMED = /^([a-z]+)\.?[ -]?['’]?(\d{2}|\d{4})$/;

function month(year: number, m: number, written: string): MonthText {
	const bad = yearInRange(year);
	if (bad) return { ok: false, message: `"${written}": ${bad}` };
	if (m < 1 || m > 12) return { ok: false, message: `"${written}": there is no month ${m}; months run 1 to 12` };
	return { ok: true, year, month: m };
}

/**
 * The month the text names, a message when it is shaped like a month but
 * impossible (13/2017), or null when it is not shaped like a month at all.
 * '2011-12' is also the financial year 2011/12: callers check that first.
 */
export function readMonthText(s: string, written: string): MonthText | null {
	const iso = ISO_MONTH.exec(s);
	if (iso) return month(Number(iso[1]), Number(iso[2]), written);
	const numeric = MONTH_YEAR.exec(s);
	if (numeric) return month(Number(numeric[2]), Number(numeric[1]), written);
	const named = NAMED.exec(s);
	const m = named ? monthFromWord(named[1] ?? '') : null;
	if (named && m !== null) return month(yearFromDigits(named[2] ?? ''), m, written);
	return null;
}

/**
 * '2011-12' could be December 2011 or the year 2011/12: a four-digit year, a dash,
 * and a two-digit month that is also the next year's last two digits (years 1999–2011).
 */
export function monthOrSplitYear(s: string): { year: number; month: number } | null {
	const m = /^(\d{4})-(\d{2})$/.exec(s);
	if (!m) return null;
	const year = Number(m[1]);
	const second = Number(m[2]);
	return second >= 1 && second <= 12 && second === (year + 1) % 100 ? { year, month: second } : null;
}
