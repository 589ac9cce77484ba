import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	addQuarters,
	describeReading,
	financialQuarter,
	financialYear,
	financialYearLabel,
	formatPeriod,
	formatReviewDate,
	parseDfePeriod,
	parsePeriod,
	parseReviewDate,
	periodOfLabel,
	periodKey,
	previousQuarter,
	quarterMonths,
	quartersBetween,
	sameQuarterLastYear,
	type Period,
	type PeriodReading
} from '../../src/lib/oba/periods';

const Q3_2016_17: Period = { kind: 'quarter', start: '2016-10-01', end: '2016-12-31' };
const Q4_2016_17: Period = { kind: 'quarter', start: '2017-01-01', end: '2017-03-31' };
const FY_2016_17: Period = { kind: 'year', start: '2016-04-01', end: '2017-03-31' };
const FY_2015_16: Period = { kind: 'year', start: '2015-04-01', end: '2016-03-31' };

function read(text: string): { period: Period; reading: PeriodReading } {
	const r = parsePeriod(text);
	if (!r.ok) throw new Error(`${text}: ${r.message}`);
	return { period: r.period, reading: r.reading };
}

function message(text: string): string {
	const r = parsePeriod(text);
	if (r.ok) throw new Error(`${text} should not parse`);
	return r.message;
}

describe('parsePeriod: hand-worked examples', () => {
	it.each([
		'2016/17 Q3', '2016-17 Q3', 'Q3 2016/17', 'Q3 16/17', 'FY2016/17 Q3', '2016/17 Quarter 3',
		'  2016/17   q3 ', '2016 – 17 Q3', 'fy 16/17 q3', 'Quarter 3 2016/17', '2016/2017 Q3'
	])('%s is the financial-year quarter Oct–Dec 2016', (text) => {
		expect(read(text)).toEqual({ period: Q3_2016_17, reading: 'financial-year quarter' });
	});

	it.each(['2016 Q4', 'Q4 2016', '2016-Q4', '2016 — Q4', 'q4-2016'])('%s is the calendar quarter Oct–Dec 2016', (text) => {
		expect(read(text)).toEqual({ period: Q3_2016_17, reading: 'calendar quarter' });
	});

	it.each(['Oct-Dec 2016', 'Oct – Dec 2016', 'October-December 2016', 'oct—dec 2016', 'Oct 2016 - Dec 2016'])(
		'%s is the month range Oct–Dec 2016',
		(text) => {
			expect(read(text)).toEqual({ period: Q3_2016_17, reading: 'month range' });
		}
	);

	it('Jan-Mar 2017 is 2016/17 Q4', () => {
		expect(read('Jan-Mar 2017').period).toEqual(Q4_2016_17);
		expect(financialYearLabel(read('Jan-Mar 2017').period)).toBe('2016/17 Q4');
	});

	it.each(['31/12/2016', '1/10/2016', '31-12-2016', '31.12.2016', '2016-12-31', '2016-12-31T00:00:00'])(
		'the date %s falls in 2016/17 Q3',
		(text) => {
			expect(read(text)).toEqual({ period: Q3_2016_17, reading: 'date' });
		}
	);

	it('1/4/2016 is day first: 1 April, so 2016/17 Q1', () => {
		expect(financialYearLabel(read('1/4/2016').period)).toBe('2016/17 Q1');
	});

	it.each(['2016/17', '2016-17', 'FY2016/17', '16/17'])('%s is the financial year 2016/17', (text) => {
		expect(read(text)).toEqual({ period: FY_2016_17, reading: 'financial year' });
	});

	it('2016 alone is the DfE reporting year to 31 March 2016: 2015/16', () => {
		expect(read('2016')).toEqual({ period: FY_2015_16, reading: 'reporting year' });
	});

	it('the century rolls over: 1999/00 Q4 is Jan–Mar 2000', () => {
		expect(read('1999/00 Q4').period).toEqual({ kind: 'quarter', start: '2000-01-01', end: '2000-03-31' });
	});
});

describe('parsePeriod: impossible periods get a clear message', () => {
	it('Q5 does not exist', () => expect(message('2016/17 Q5')).toMatch(/no quarter 5.*Q1 to Q4/));
	it('Q0 in a calendar quarter', () => expect(message('Q0 2016')).toMatch(/no quarter 0/));
	it('2016/18 has years that are not consecutive', () => expect(message('2016/18')).toMatch(/consecutive/));
	it('31/02/2017 is not a real date', () => expect(message('31/02/2017')).toMatch(/February 2017 has 28 days/));
	it('a US date is explained as day first', () => expect(message('12/31/2016')).toMatch(/day first.*31\/12\/2016/));
	it('29/02/2016 is real (leap year)', () => expect(read('29/02/2016').period.start).toBe('2016-01-01'));
	it('Nov-Jan is not a quarter', () => expect(message('Nov-Jan 2017')).toMatch(/not a quarter/));
	it('Oct-Nov is not a quarter', () => expect(message('Oct-Nov 2016')).toMatch(/not a quarter/));
	it('an unknown month is named', () => expect(message('Oct-Dex 2016')).toMatch(/"dex" is not a month/));
	it('a single month is read as that month', () => expect(read('Dec 2016').reading).toBe('month'));
	it('FY2016 Q3 is ambiguous', () => expect(message('FY2016 Q3')).toMatch(/ambiguous/));
	it('blank says it is blank', () => expect(message('  ')).toMatch(/blank/));
	it('junk gets the examples', () =>
		expect(message('sometime')).toBe('expected a period such as "2016/17 Q3", "Q3 2016/17" or "Oct-Dec 2016"'));
	it('a year far out of range is a typing slip', () => expect(message('0216/17 Q3')).toMatch(/outside/));
});

describe('labels and arithmetic', () => {
	it('labels a quarter and a year', () => {
		expect(financialYearLabel(Q3_2016_17)).toBe('2016/17 Q3');
		expect(formatPeriod(FY_2016_17)).toBe('2016/17');
		expect(quarterMonths(Q3_2016_17)).toBe('Oct–Dec 2016');
		expect(quarterMonths(FY_2016_17)).toBe('Apr 2016 – Mar 2017');
	});

	it('moves between quarters across the financial year end', () => {
		expect(addQuarters(Q3_2016_17, 1)).toEqual(Q4_2016_17);
		expect(financialYearLabel(addQuarters(Q4_2016_17, 1))).toBe('2017/18 Q1');
		expect(financialYearLabel(previousQuarter(Q3_2016_17))).toBe('2016/17 Q2');
		expect(financialYearLabel(sameQuarterLastYear(Q3_2016_17))).toBe('2015/16 Q3');
		expect(quartersBetween(financialQuarter(2016, 1), Q3_2016_17)).toBe(2);
		expect(quartersBetween(Q3_2016_17, financialQuarter(2016, 1))).toBe(-2);
	});

	it('a year steps by years', () => {
		expect(previousQuarter(FY_2016_17)).toEqual(FY_2015_16);
		expect(sameQuarterLastYear(FY_2016_17)).toEqual(FY_2015_16);
		expect(addQuarters(FY_2015_16, 4)).toEqual(FY_2016_17);
	});

	it('periodKey sorts a year after its Q1 and before its Q2', () => {
		const keys = [financialQuarter(2016, 2), FY_2016_17, financialQuarter(2016, 1)].map(periodKey).sort();
		expect(keys).toEqual([financialQuarter(2016, 1), FY_2016_17, financialQuarter(2016, 2)].map(periodKey));
	});

	it('describes each reading with a worked example', () => {
		expect(describeReading('financial-year quarter')).toContain('2016/17 Q3 = Oct–Dec 2016');
		expect(describeReading('reporting year')).toContain('2016 = 2015/16');
	});
});

describe('parseDfePeriod', () => {
	it('201617 Financial year Q3 is 2016/17 Q3', () => {
		expect(parseDfePeriod('201617', 'Financial year Q3')).toEqual({
			ok: true, period: Q3_2016_17, reading: 'financial-year quarter'
		});
	});
	it('201617 Financial year is 2016/17', () => {
		expect(parseDfePeriod('201617', 'Financial year')).toMatchObject({ ok: true, period: FY_2016_17 });
	});
	it('2016 Reporting year is 2015/16', () => {
		expect(parseDfePeriod('2016', 'Reporting year')).toEqual({ ok: true, period: FY_2015_16, reading: 'reporting year' });
	});
	it('2016 Calendar year Q4 is Oct–Dec 2016', () => {
		expect(parseDfePeriod(' 2016 ', 'calendar  year q4')).toMatchObject({ ok: true, period: Q3_2016_17 });
	});
	it.each([
		['2016', 'Calendar year', /January–December/],
		['201617', 'Academic year', /academic years/],
		['201618', 'Financial year', /consecutive/],
		['2016', 'Financial year Q3', /six digits/],
		['201617', 'Reporting year', /four-digit/],
		['201617', 'Financial year Q5', /no quarter 5/],
		['2016', 'Week 12', /not supported/]
	])('%s %s is refused with a reason', (tp, ti, pattern) => {
		const r = parseDfePeriod(tp, ti);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(pattern);
	});
});

describe('review dates', () => {
	it.each(['Dec 2016', 'December 2016', 'Dec-16', 'Dec 16', '2016-12', '12/2016', '31/12/2016', '2016-12-31', '1st Dec 2016'])(
		'%s is the review of Dec 2016',
		(text) => {
			expect(parseReviewDate(text)).toEqual({ ok: true, date: '2016-12-01', label: 'Dec 2016' });
		}
	);
	it('Jul 2017 formats back', () => {
		expect(parseReviewDate('July 2017')).toEqual({ ok: true, date: '2017-07-01', label: 'Jul 2017' });
		expect(formatReviewDate('2017-07-01')).toBe('Jul 2017');
	});
	it.each(['', 'Decembre 2016', '2016-13', '31/02/2017', 'soon', '30 Feb 2017'])('%s is refused', (text) => {
		expect(parseReviewDate(text).ok).toBe(false);
	});
});

const quarterArb = fc
	.record({ start: fc.integer({ min: 1901, max: 2098 }), q: fc.integer({ min: 1, max: 4 }) })
	.map(({ start, q }) => financialQuarter(start, q));
const yearArb = fc.integer({ min: 1901, max: 2098 }).map(financialYear);

describe('properties', () => {
	it('parsePeriod, parseDfePeriod and parseReviewDate never throw', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) => {
				expect(typeof parsePeriod(a).ok).toBe('boolean');
				expect(typeof parseDfePeriod(a, b).ok).toBe('boolean');
				expect(typeof parseReviewDate(a).ok).toBe('boolean');
			}),
			{ numRuns: 2000 }
		);
	});

	it('never throws on period-shaped noise', () => {
		const token = fc.constantFrom('Q', 'q3', '2016', '/', '-', '–', ' ', '17', 'FY', 'Oct', 'Dec', '31', '.', 'quarter');
		fc.assert(
			fc.property(fc.array(token, { maxLength: 8 }), (parts) => {
				expect(typeof parsePeriod(parts.join('')).ok).toBe('boolean');
			}),
			{ numRuns: 2000 }
		);
	});

	it('financialYearLabel reads back to the same period', () => {
		fc.assert(
			fc.property(fc.oneof(quarterArb, yearArb), (p) => {
				const r = parsePeriod(financialYearLabel(p));
				expect(r.ok && r.period).toEqual(p);
			})
		);
	});

	it('calendar, month-range and financial spellings of a quarter agree', () => {
		fc.assert(
			fc.property(quarterArb, (p) => {
				const year = Number(p.start.slice(0, 4));
				const q = Math.ceil(Number(p.start.slice(5, 7)) / 3);
				const calendar = parsePeriod(`Q${q} ${year}`);
				const months = parsePeriod(quarterMonths(p));
				const date = parsePeriod(p.end.split('-').reverse().join('/'));
				for (const r of [calendar, months, date]) expect(r.ok && r.period).toEqual(p);
			})
		);
	});

	it('moving n quarters and back returns the same quarter', () => {
		fc.assert(
			fc.property(quarterArb, fc.integer({ min: -40, max: 40 }), (p, n) => {
				expect(addQuarters(addQuarters(p, n), -n)).toEqual(p);
				expect(quartersBetween(p, addQuarters(p, n))).toBe(n);
			})
		);
	});
});

describe('messages that point at the likely intent', () => {
	it('2016-12 is the month December 2016', () =>
		expect(read('2016-12')).toEqual({ period: { kind: 'month', start: '2016-12-01', end: '2016-12-31' }, reading: 'month' }));
	it('2016/12 (a slash marks a split year) is explained as a month', () =>
		expect(message('2016/12')).toMatch(/consecutive.*December 2016, write it as Dec 2016 or 2016-12/));
	it('a two-digit-year date asks for the full year', () => expect(message('1/4/16')).toMatch(/in full/));
});

describe('periodOfLabel: a stored label back to its period', () => {
	it('reads back each kind of label the app writes', () => {
		for (const label of ['2016/17 Q3', '2016/17', 'Apr 2017', 'AY 2017/18']) {
			const period = periodOfLabel(label);
			expect(period, label).not.toBeNull();
			expect(formatPeriod(period!)).toBe(label);
		}
		expect(periodOfLabel('2016/17 Q3')).toEqual({ kind: 'quarter', start: '2016-10-01', end: '2016-12-31' });
	});
	it('is null for a text that is no period', () => {
		expect(periodOfLabel('not a period')).toBeNull();
		expect(periodOfLabel('')).toBeNull();
	});
});
