// Reads the many ways analysts write a reporting period, and always says which
// reading it used: "2016 Q4" (calendar) and "2016/17 Q4" (financial) are
// different quarters, and the app must never pick one silently.
import { MONTH_LONG, MONTH_SHORT, monthFromWord, readDate, yearInRange } from './calendar';
import { monthOrSplitYear, readMonthText } from './month-text';
import type { PeriodReading } from './period-readings';
import {
	calendarMonth,
	financialQuarter,
	financialYear,
	quarterContaining,
	splitYearLabel,
	yearStarting,
	type Period,
	type YearType
} from './quarters';

export type { PeriodReading } from './period-readings';

export type PeriodParse =
	| { ok: true; period: Period; reading: PeriodReading }
	| { ok: false; message: string };

export type PeriodOptions = {
	/**
	 * How the measure's years run. A bare split year ('2017/18') is a financial
	 * year unless the measure is declared academic; 'AY 2017/18' and 'FY2017/18'
	 * say so themselves and are read as written whatever this says.
	 */
	yearType?: YearType;
};

export const PERIOD_EXPECTED = 'expected a period such as "2016/17 Q3", "Q3 2016/17" or "Oct-Dec 2016"';

const SPLIT = String.raw`(\d{2}|\d{4})[/-](\d{2}|\d{4})`;
const FY_QUARTER = [
	new RegExp(String.raw`^(?:fy)?${SPLIT}[ -]?q(\d+)$`),
	new RegExp(String.raw`^q(\d+)[ -]?(?:fy)?${SPLIT}$`)
];
const CALENDAR_QUARTER = [/^(\d{4})[ -]?q(\d+)$/, /^q(\d+)[ -]?(\d{4})$/];
const FY_SINGLE_YEAR = [/^fy(\d{4})(?:[ -]?q\d+)?$/, /^q\d+[ -]?fy(\d{4})$/];
const FY = new RegExp(String.raw`^(fy)?${SPLIT}$`);
const ACADEMIC_WORD = String.raw`(?:ay|academic year|academic|\(academic\)|\(ay\))`;
const ACADEMIC = [
	new RegExp(String.raw`^${ACADEMIC_WORD}[ -]?${SPLIT}$`),
	new RegExp(String.raw`^${SPLIT}[ -]?${ACADEMIC_WORD}$`)
];
const ACADEMIC_QUARTER = new RegExp(String.raw`^${ACADEMIC_WORD}[ -]?${SPLIT}[ -]?q\d+$|^q\d+[ -]?${ACADEMIC_WORD}[ -]?${SPLIT}$`);
const MONTH_RANGE = /^([a-z]+)\.?(?:-| to )([a-z]+)\.?[ -]?(\d{4})$/;
const MONTH_RANGE_YEARS = /^([a-z]+)\.? ?(\d{4})(?:-| to )([a-z]+)\.? ?(\d{4})$/;

type Fail = { ok: false; message: string };
const fail = (message: string): Fail => ({ ok: false, message });
const found = (period: Period, reading: PeriodReading): PeriodParse => ({ ok: true, period, reading });

/** Lower case, one kind of dash, single spaces, none around '-' or '/', "quarter 3" → "q3". */
function normalise(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u2010-\u2015\u2212\ufe58\ufe63]/g, '-')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/ ?([-/]) ?/g, '$1')
		.replace(/\b(?:quarter|qtr)\.? ?/g, 'q')
		.replace(/\bfy ?/g, 'fy');
}

function quarterNumber(digits: string, written: string): number | Fail {
	const q = Number(digits);
	if (q >= 1 && q <= 4) return q;
	return fail(`"${written}": there is no quarter ${q}; quarters run Q1 to Q4`);
}

/** '2016/17', '16/17', '2016-2017' → 2016; the two years must be consecutive. */
function splitYearStart(first: string, second: string, written: string): number | Fail {
	const start = first.length === 2 ? 2000 + Number(first) : Number(first);
	const next = second.length === 2 ? (start + 1) % 100 : start + 1;
	if (Number(second) !== next) {
		const month = Number(second);
		const asMonth =
			first.length === 4 && second.length === 2 && month >= 1 && month <= 12
				? `; if you meant the month ${MONTH_LONG[month - 1]} ${start}, write it as ${MONTH_SHORT[month - 1]} ${start} or ${start}-${second}`
				: '';
		return fail(
			`"${written}": the two years of a financial or academic year must be consecutive, such as 2016/17${asMonth}`
		);
	}
	const bad = yearInRange(start);
	return bad ? fail(`"${written}": ${bad}`) : start;
}

function monthRange(from: string, to: string, y1: number, y2: number, written: string): PeriodParse {
	const a = monthFromWord(from);
	const b = monthFromWord(to);
	const unknown = a === null ? from : b === null ? to : null;
	if (unknown !== null || a === null || b === null) return fail(`"${written}": "${unknown}" is not a month; ${PERIOD_EXPECTED}`);
	const bad = yearInRange(y1) ?? yearInRange(y2);
	if (bad) return fail(`"${written}": ${bad}`);
	if (y1 !== y2 || (a - 1) % 3 !== 0 || b !== a + 2) {
		return fail(
			`"${written}" is not a quarter: a month range must be one of Jan-Mar, Apr-Jun, Jul-Sep or Oct-Dec of one year`
		);
	}
	return found(quarterContaining(y1, a), 'month range');
}

/** A split year that is consecutive, read as the measure's kind of year unless the text says FY. */
function splitYear(first: string, second: string, written: string, type: YearType): PeriodParse {
	const start = splitYearStart(first, second, written);
	if (typeof start !== 'number') return start;
	return found(yearStarting(start, type), type === 'academic' ? 'academic year' : 'financial year');
}

/** Quarters stay calendar blocks in academic measures, so a bare split-year quarter there could mean two things. */
function academicQuarterFail(written: string, start: number, q: number): Fail {
	const p = financialQuarter(start, q);
	const [y, m] = [Number(p.start.slice(0, 4)), Number(p.start.slice(5, 7))];
	return fail(
		`"${written}" is ambiguous in a measure with academic years: quarters are calendar blocks (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec) in every measure, and ${splitYearLabel(start)} Q${q} is the financial-year quarter ${MONTH_SHORT[m - 1]}–${MONTH_SHORT[m + 1]} ${y}; write it as FY${splitYearLabel(start)} Q${q}, ${y} Q${(m + 2) / 3} or ${MONTH_SHORT[m - 1]}-${MONTH_SHORT[m + 1]} ${y}`
	);
}

function parseNormalised(s: string, written: string, type: YearType): PeriodParse {
	if (ACADEMIC_QUARTER.test(s)) {
		return fail(
			`"${written}": there are no academic-year quarters; quarters are the same Jan–Mar, Apr–Jun, Jul–Sep and Oct–Dec blocks in every measure, so write 2017/18 Q3, 2017 Q4 or Oct-Dec 2017`
		);
	}
	for (const re of FY_QUARTER) {
		const m = re.exec(s);
		if (!m) continue;
		const [qText, first, second] = re === FY_QUARTER[0] ? [m[3], m[1], m[2]] : [m[1], m[2], m[3]];
		const start = splitYearStart(first ?? '', second ?? '', written);
		if (typeof start !== 'number') return start;
		const q = quarterNumber(qText ?? '', written);
		if (typeof q !== 'number') return q;
		if (type === 'academic' && !s.includes('fy')) return academicQuarterFail(written, start, q);
		return found(financialQuarter(start, q), 'financial-year quarter');
	}
	for (const re of CALENDAR_QUARTER) {
		const m = re.exec(s);
		if (!m) continue;
		const [yearText, qText] = re === CALENDAR_QUARTER[0] ? [m[1], m[2]] : [m[2], m[1]];
		const year = Number(yearText);
		const bad = yearInRange(year);
		if (bad) return fail(`"${written}": ${bad}`);
		const q = quarterNumber(qText ?? '', written);
		return typeof q === 'number' ? found(quarterContaining(year, q * 3 - 2), 'calendar quarter') : q;
	}
	for (const re of FY_SINGLE_YEAR) {
		const m = re.exec(s);
		if (!m) continue;
		const y = Number(m[1]);
		return fail(
			`"${written}" is ambiguous: FY${y} could mean ${y - 1}/${String(y % 100).padStart(2, '0')} or ${y}/${String((y + 1) % 100).padStart(2, '0')}; write both years, such as "${y}/${String((y + 1) % 100).padStart(2, '0')} Q3"`
		);
	}
	for (const re of ACADEMIC) {
		const m = re.exec(s);
		if (m) return splitYear(m[1] ?? '', m[2] ?? '', written, 'academic');
	}
	const both = monthOrSplitYear(s);
	if (both) {
		const year = type === 'academic' ? 'academic' : 'financial';
		return fail(
			`"${written}" is ambiguous: it could be the month ${MONTH_LONG[both.month - 1]} ${both.year} or the ${year} year ${splitYearLabel(both.year)}; write ${MONTH_SHORT[both.month - 1]} ${both.year} for the month or ${splitYearLabel(both.year)} for the year`
		);
	}
	// '04/2017' is a month, never the year 2004/05 or 2016/17: a split year is written 2016/17, 16/17 or 2016/2017.
	const fy = FY.exec(s);
	const splitShaped = fy !== null && !(fy[2]?.length === 2 && fy[3]?.length === 4);
	if (fy && splitShaped) {
		const read = splitYear(fy[2] ?? '', fy[3] ?? '', written, fy[1] ? 'financial' : type);
		if (read.ok) return read;
	}
	const month = readMonthText(s, written);
	if (month) return month.ok ? found(calendarMonth(month.year, month.month), 'month') : month;
	if (fy && splitShaped) return splitYear(fy[2] ?? '', fy[3] ?? '', written, 'financial');
	if (/^\d{4}$/.test(s)) {
		const year = Number(s);
		if (type === 'academic') {
			return fail(
				`"${written}" is ambiguous in a measure with academic years: write both years, such as ${splitYearLabel(year - 1)} (Sep ${year - 1} – Aug ${year}) or ${splitYearLabel(year)}`
			);
		}
		// DfE "reporting year" 2016 is the year to 31 March 2016, i.e. 2015/16.
		const bad = yearInRange(year);
		return bad ? fail(`"${written}": ${bad}`) : found(financialYear(year - 1), 'reporting year');
	}
	const range = MONTH_RANGE.exec(s);
	if (range) return monthRange(range[1] ?? '', range[2] ?? '', Number(range[3]), Number(range[3]), written);
	const spanned = MONTH_RANGE_YEARS.exec(s);
	if (spanned) {
		return monthRange(spanned[1] ?? '', spanned[3] ?? '', Number(spanned[2]), Number(spanned[4]), written);
	}
	if (/^\d{1,2}([/.-])\d{1,2}\1\d{2}$/.test(s)) {
		return fail(`"${written}": write the year of a date in full, such as 31/12/2016`);
	}
	return fail(PERIOD_EXPECTED);
}

/**
 * Never throws: returns the period and how the text was read, or what was expected.
 * A date (31/12/2016, 2016-12-31) is read day first as the quarter containing it;
 * a month written without a day (Dec 2016, 2016-12, 12/2016) is that month.
 */
export function parsePeriod(text: string, options: PeriodOptions = {}): PeriodParse {
	const written = String(text ?? '').trim();
	if (written === '') return fail(`the period is blank; ${PERIOD_EXPECTED}`);
	const date = readDate(written.replace(/\s*([/.-])\s*/g, '$1'));
	if (date) {
		if (!date.ok) return date;
		return found(quarterContaining(date.date.year, date.date.month), 'date');
	}
	return parseNormalised(normalise(written), written, options.yearType ?? 'financial');
}

/** A period label the app wrote (a stored period_label) back to its Period; null if it is not one. */
export function periodOfLabel(label: string): Period | null {
	const parsed = parsePeriod(label);
	return parsed.ok ? parsed.period : null;
}
