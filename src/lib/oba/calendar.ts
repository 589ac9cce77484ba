// Plain calendar arithmetic shared by the period and review-date parsers.
// Dates stay as 'YYYY-MM-DD' strings: no Date objects, so no time zones and
// no silent roll-over of 31/02 into March.

export const MONTH_SHORT = [
	'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'
] as const;

export const MONTH_LONG = [
	'January', 'February', 'March', 'April', 'May', 'June',
	'July', 'August', 'September', 'October', 'November', 'December'
] as const;

// Years outside this window are almost always typing slips (0216, 20016).
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

export type YearMonthDay = { year: number; month: number; day: number };

export type DateReading = { ok: true; date: YearMonthDay } | { ok: false; message: string };

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

export function isoDate(year: number, month: number, day: number): string {
	return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Months counted from January of year 0, so that moving by months is plain addition. */
export function monthIndex(year: number, month: number): number {
	return year * 12 + month - 1;
}

export function fromMonthIndex(index: number): { year: number; month: number } {
	const year = Math.floor(index / 12);
	return { year, month: index - year * 12 + 1 };
}

/** Excel's "mmm-yy" shows April 2017 as "Apr-17": a two-digit year is 20yy. */
export function yearFromDigits(digits: string): number {
	return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** Reads back a date this module wrote; null for anything else. */
export function readIsoDate(text: string): YearMonthDay | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) return null;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return { year, month, day };
}

/** '1 Jan 2017' for '2017-01-01': a day as people write it; other text comes back unchanged. */
export function formatDay(text: string): string {
	const d = readIsoDate(String(text ?? '').slice(0, 10));
	return d ? `${d.day} ${MONTH_SHORT[d.month - 1]} ${d.year}` : String(text ?? '');
}

/** 'oct', 'October', 'sept', 'Oct.' → 10; null when the word is not a month. */
export function monthFromWord(word: string): number | null {
	const w = word.trim().toLowerCase().replace(/\.$/, '');
	if (w === 'sept') return 9;
	if (w.length < 3) return null;
	const i = MONTH_LONG.findIndex((name) => name.toLowerCase().startsWith(w));
	return i < 0 ? null : i + 1;
}

export function yearInRange(year: number): string | null {
	if (year >= EARLIEST_YEAR && year <= LATEST_YEAR) return null;
	return `the year ${year} is outside ${EARLIEST_YEAR}–${LATEST_YEAR}; check for a typing slip`;
}

/** Checks a day/month/year triple, explaining exactly which part is impossible. */
export function checkDate(year: number, month: number, day: number, written: string): DateReading {
	const badYear = yearInRange(year);
	if (badYear) return { ok: false, message: `"${written}": ${badYear}` };
	if (month < 1 || month > 12) {
		const hint = day >= 1 && day <= 12 && month <= 31 ? ` (dates are read day first; did you mean ${pad(month, 2)}/${pad(day, 2)}/${year}?)` : '';
		return { ok: false, message: `"${written}" is not a real date: there is no month ${month}${hint}` };
	}
	const last = daysInMonth(year, month);
	if (day < 1 || day > last) {
		return {
			ok: false,
			message: `"${written}" is not a real date: ${MONTH_LONG[month - 1]} ${year} has ${last} days`
		};
	}
	return { ok: true, date: { year, month, day } };
}

/**
 * UK day-first dates (31/12/2016, 1/4/2016, 31-12-2016, 31.12.2016) and ISO
 * dates (2016-12-31, optionally with a midnight time as spreadsheets export).
 * Returns null when the text is not shaped like a date at all, so callers can
 * try other readings; returns a message when it is shaped like one but impossible.
 */
export function readDate(text: string): DateReading | null {
	const t = text.trim();
	const uk = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(t);
	if (uk) return checkDate(Number(uk[4]), Number(uk[3]), Number(uk[1]), t);
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/i.exec(t);
	if (iso) return checkDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), t);
	return null;
}
