// Reads the many ways analysts write a reporting period, and always says which
// reading it used: "2016 Q4" (calendar) and "2016/17 Q4" (financial) are
// different quarters, and the app must never pick one silently.
import { MONTH_LONG, monthFromWord, readDate, yearInRange } from './calendar';
import {
	financialQuarter,
	financialYear,
	financialYearLabel,
	quarterContaining,
	quarterMonths,
	type Period
} from './quarters';

export type PeriodReading =
	| 'financial-year quarter'
	| 'calendar quarter'
	| 'month range'
	| 'date'
	| 'financial year'
	| 'reporting year';

export type PeriodParse =
	| { ok: true; period: Period; reading: PeriodReading }
	| { ok: false; message: string };

export const PERIOD_EXPECTED = 'expected a period such as "2016/17 Q3", "Q3 2016/17" or "Oct-Dec 2016"';

const SPLIT = String.raw`(\d{2}|\d{4})[/-](\d{2}|\d{4})`;
const FY_QUARTER = [
	new RegExp(String.raw`^(?:fy)?${SPLIT}[ -]?q(\d+)$`),
	new RegExp(String.raw`^q(\d+)[ -]?(?:fy)?${SPLIT}$`)
];
const CALENDAR_QUARTER = [/^(\d{4})[ -]?q(\d+)$/, /^q(\d+)[ -]?(\d{4})$/];
const FY_SINGLE_YEAR = [/^fy(\d{4})(?:[ -]?q\d+)?$/, /^q\d+[ -]?fy(\d{4})$/];
const FY = new RegExp(String.raw`^(?:fy)?${SPLIT}$`);
const MONTH_RANGE = /^([a-z]+)\.?(?:-| to )([a-z]+)\.?[ -]?(\d{4})$/;
const MONTH_RANGE_YEARS = /^([a-z]+)\.? ?(\d{4})(?:-| to )([a-z]+)\.? ?(\d{4})$/;
const SINGLE_MONTH = /^([a-z]+)\.?[ -]?(\d{4})$/;

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
				? `; if you meant the month ${MONTH_LONG[month - 1]} ${start}, write its quarter, ${financialYearLabel(quarterContaining(start, month))}`
				: '';
		return fail(
			`"${written}": the two years of a financial year must be consecutive, such as 2016/17 (April 2016 to March 2017)${asMonth}`
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

function parseNormalised(s: string, written: string): PeriodParse {
	for (const re of FY_QUARTER) {
		const m = re.exec(s);
		if (!m) continue;
		const [qText, first, second] = re === FY_QUARTER[0] ? [m[3], m[1], m[2]] : [m[1], m[2], m[3]];
		const start = splitYearStart(first ?? '', second ?? '', written);
		if (typeof start !== 'number') return start;
		const q = quarterNumber(qText ?? '', written);
		return typeof q === 'number' ? found(financialQuarter(start, q), 'financial-year quarter') : q;
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
	const fy = FY.exec(s);
	if (fy) {
		const start = splitYearStart(fy[1] ?? '', fy[2] ?? '', written);
		return typeof start === 'number' ? found(financialYear(start), 'financial year') : start;
	}
	if (/^\d{4}$/.test(s)) {
		// DfE "reporting year" 2016 is the year to 31 March 2016, i.e. 2015/16.
		const year = Number(s);
		const bad = yearInRange(year);
		return bad ? fail(`"${written}": ${bad}`) : found(financialYear(year - 1), 'reporting year');
	}
	const range = MONTH_RANGE.exec(s);
	if (range) return monthRange(range[1] ?? '', range[2] ?? '', Number(range[3]), Number(range[3]), written);
	const spanned = MONTH_RANGE_YEARS.exec(s);
	if (spanned) {
		return monthRange(spanned[1] ?? '', spanned[3] ?? '', Number(spanned[2]), Number(spanned[4]), written);
	}
	const single = SINGLE_MONTH.exec(s);
	const month = single ? monthFromWord(single[1] ?? '') : null;
	if (single && month !== null) {
		const q = quarterContaining(Number(single[2]), month);
		return fail(
			`"${written}" is a single month, not a quarter; for the quarter containing it write "${financialYearLabel(q)}" (${quarterMonths(q)})`
		);
	}
	if (/^\d{1,2}([/.-])\d{1,2}\1\d{2}$/.test(s)) {
		return fail(`"${written}": write the year of a date in full, such as 31/12/2016`);
	}
	return fail(PERIOD_EXPECTED);
}

/** Never throws: returns the period and how the text was read, or what was expected. */
export function parsePeriod(text: string): PeriodParse {
	const written = String(text ?? '').trim();
	if (written === '') return fail(`the period is blank; ${PERIOD_EXPECTED}`);
	const date = readDate(written.replace(/\s*([/.-])\s*/g, '$1'));
	if (date) {
		if (!date.ok) return date;
		return found(quarterContaining(date.date.year, date.date.month), 'date');
	}
	return parseNormalised(normalise(written), written);
}

const READINGS: Record<PeriodReading, string> = {
	'financial-year quarter': 'financial-year quarters (April to March): 2016/17 Q3 = Oct–Dec 2016',
	'calendar quarter': 'calendar quarters (January to December): 2016 Q4 = Oct–Dec 2016 = 2016/17 Q3',
	'month range': 'month ranges: Oct–Dec 2016 = 2016/17 Q3',
	date: 'dates, read day first, each as the quarter containing it: 31/12/2016 → Oct–Dec 2016 = 2016/17 Q3',
	'financial year': 'financial years (April to March): 2016/17 = Apr 2016 – Mar 2017',
	'reporting year': 'reporting years, as DfE publishes them (the year to 31 March): 2016 = 2015/16'
};

/** A sentence telling the analyst which reading was used, to show beside an import. */
export function describeReading(reading: PeriodReading): string {
	return `Periods read as ${READINGS[reading]}`;
}
