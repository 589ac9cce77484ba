// Explore Education Statistics files give a period in two columns:
// time_period ('201617' or '2016') and time_identifier ('Financial year Q3').
// Only periods that line up with financial years and quarters can sit on the
// same chart as local quarterly data, so the rest are refused with a reason.
import { yearInRange } from './calendar';
import { financialQuarter, financialYear, quarterContaining } from './quarters';
import type { PeriodParse } from './period-text';

const SUPPORTED =
	'"Financial year", "Financial year Q1" to "Q4", "Reporting year" or "Calendar year Q1" to "Q4"';

const fail = (message: string): PeriodParse => ({ ok: false, message });

/** '201617' → 2016 when the years are consecutive; a message otherwise. */
function sixDigitStart(timePeriod: string, identifier: string): number | string {
	const m = /^(\d{4})(\d{2})$/.exec(timePeriod);
	if (!m) return `time_period "${timePeriod}" should be six digits such as 201617 for "${identifier}"`;
	const start = Number(m[1]);
	if (Number(m[2]) !== (start + 1) % 100) {
		return `time_period "${timePeriod}": the two years must be consecutive, such as 201617 for 2016/17`;
	}
	return yearInRange(start) ?? start;
}

function fourDigitYear(timePeriod: string, identifier: string): number | string {
	if (!/^\d{4}$/.test(timePeriod)) {
		return `time_period "${timePeriod}" should be a four-digit year such as 2016 for "${identifier}"`;
	}
	const year = Number(timePeriod);
	return yearInRange(year) ?? year;
}

/** Never throws. Financial years, their quarters, reporting years and calendar quarters are supported. */
export function parseDfePeriod(timePeriod: string, timeIdentifier: string): PeriodParse {
	const period = String(timePeriod ?? '').trim();
	const written = String(timeIdentifier ?? '').trim().replace(/\s+/g, ' ');
	const id = written.toLowerCase();
	const quarter = /^(financial|calendar) year q(?:uarter ?)?(\d)$/.exec(id);

	if (id === 'financial year' || (quarter && quarter[1] === 'financial')) {
		const start = sixDigitStart(period, written);
		if (typeof start === 'string') return fail(start);
		if (!quarter) return { ok: true, period: financialYear(start), reading: 'financial year' };
		const q = Number(quarter[2]);
		if (q < 1 || q > 4) return fail(`time_identifier "${written}": there is no quarter ${q}; quarters run Q1 to Q4`);
		return { ok: true, period: financialQuarter(start, q), reading: 'financial-year quarter' };
	}
	if (quarter && quarter[1] === 'calendar') {
		const year = fourDigitYear(period, written);
		if (typeof year === 'string') return fail(year);
		const q = Number(quarter[2]);
		if (q < 1 || q > 4) return fail(`time_identifier "${written}": there is no quarter ${q}; quarters run Q1 to Q4`);
		return { ok: true, period: quarterContaining(year, q * 3 - 2), reading: 'calendar quarter' };
	}
	if (id === 'reporting year') {
		// DfE's reporting year 2016 is the year to 31 March 2016, i.e. 2015/16.
		const year = fourDigitYear(period, written);
		if (typeof year === 'string') return fail(year);
		return { ok: true, period: financialYear(year - 1), reading: 'reporting year' };
	}
	if (id === 'calendar year') {
		return fail(
			`time_identifier "Calendar year": January–December years do not line up with April–March financial years, so they cannot be shown beside quarterly data; supported: ${SUPPORTED}`
		);
	}
	if (id.startsWith('academic year')) {
		return fail(
			`time_identifier "${written}": academic years (September–August) do not line up with financial-year quarters, so they are not supported; supported: ${SUPPORTED}`
		);
	}
	if (id === '') return fail(`time_identifier is blank; expected ${SUPPORTED}`);
	return fail(`time_identifier "${written}" is not supported; expected ${SUPPORTED}`);
}
