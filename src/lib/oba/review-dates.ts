// Action-plan reviews happen in a month ("Progress in Dec 16"); the day, if
// written, does not matter, so every review is stored as the first of its month.
import { MONTH_SHORT, checkDate, isoDate, monthFromWord, readDate, readIsoDate, yearFromDigits, yearInRange } from './calendar';

export type ReviewDateParse = { ok: true; date: string; label: string } | { ok: false; message: string };

export const REVIEW_DATE_EXPECTED =
	'expected a review month such as "Dec 2016", "July 2017", "2017-07" or "31/07/2017"';

const fail = (message: string): ReviewDateParse => ({ ok: false, message });

/** 'Jul 2017' for '2017-07-01'; text that is not an ISO date comes back unchanged. */
export function formatReviewDate(date: string): string {
	const d = readIsoDate(String(date ?? '').slice(0, 10));
	return d ? `${MONTH_SHORT[d.month - 1]} ${d.year}` : String(date ?? '');
}

function monthOf(year: number, month: number, written: string): ReviewDateParse {
	const bad = yearInRange(year);
	if (bad) return fail(`"${written}": ${bad}`);
	if (month < 1 || month > 12) return fail(`"${written}": there is no month ${month}; ${REVIEW_DATE_EXPECTED}`);
	const date = isoDate(year, month, 1);
	return { ok: true, date, label: formatReviewDate(date) };
}

/** Never throws: the first of the review month and its label, or what was expected. */
export function parseReviewDate(text: string): ReviewDateParse {
	const written = String(text ?? '').trim().replace(/\s+/g, ' ');
	if (written === '') return fail(`the review date is blank; ${REVIEW_DATE_EXPECTED}`);
	const s = written.toLowerCase().replace(/[\u2010-\u2015\u2212]/g, '-');

	const date = readDate(s);
	if (date) return date.ok ? monthOf(date.date.year, date.date.month, written) : date;

	const isoMonth = /^(\d{4})[-/](\d{1,2})$/.exec(s);
	if (isoMonth) return monthOf(Number(isoMonth[1]), Number(isoMonth[2]), written);
	const ukMonth = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
	if (ukMonth) return monthOf(Number(ukMonth[2]), Number(ukMonth[1]), written);

	// "Dec 2016", "December 2016", "Dec-16", "1 Dec 2016", "Dec. '16"
	const named = /^(?:(\d{1,2})(?:st|nd|rd|th)? )?([a-z]+)\.?[ -]?'?(\d{2}|\d{4})$/.exec(s);
	if (named) {
		const month = monthFromWord(named[2] ?? '');
		if (month === null) return fail(`"${written}": "${named[2]}" is not a month; ${REVIEW_DATE_EXPECTED}`);
		const year = yearFromDigits(named[3] ?? '');
		if (named[1] !== undefined) {
			const day = checkDate(year, month, Number(named[1]), written);
			if (!day.ok) return day;
		}
		return monthOf(year, month, written);
	}
	return fail(REVIEW_DATE_EXPECTED);
}
