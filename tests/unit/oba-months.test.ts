import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	academicYear,
	academicYearOfMonth,
	addMonths,
	addQuarters,
	calendarMonth,
	describeReading,
	financialQuarter,
	financialYear,
	financialYearLabel,
	financialYearOfMonth,
	formatPeriod,
	monthsBetween,
	monthsOf,
	parsePeriod,
	periodKey,
	quarterMonths,
	quarterOfMonth,
	readingSentence,
	sameQuarterLastYear,
	yearTypeOf,
	type Period,
	type PeriodOptions,
	type PeriodReading
} from '../../src/lib/oba/periods';
import { nextPeriod, stepsBetween, stepWord } from '../../src/lib/oba/series-point';

const APR_2017: Period = { kind: 'month', start: '2017-04-01', end: '2017-04-30' };
const FY_2017_18: Period = { kind: 'year', start: '2017-04-01', end: '2018-03-31' };
const AY_2017_18: Period = { kind: 'year', start: '2017-09-01', end: '2018-08-31' };

function read(text: string, options?: PeriodOptions): { period: Period; reading: PeriodReading } {
	const r = parsePeriod(text, options);
	if (!r.ok) throw new Error(`${text}: ${r.message}`);
	return { period: r.period, reading: r.reading };
}

function message(text: string, options?: PeriodOptions): string {
	const r = parsePeriod(text, options);
	if (r.ok) throw new Error(`${text} should not parse`);
	return r.message;
}

describe('months: every usual spelling', () => {
	it.each([
		'Apr 2017', 'April 2017', 'april 2017', 'APR 2017', 'Apr. 2017', 'Apr-2017', 'Apr2017',
		'2017-04', '2017-4', '04/2017', '4/2017', '04-2017', '04.2017', ' 04 / 2017 ',
		'Apr-17', 'Apr 17', "Apr '17", 'April-17'
	])('%s is the month April 2017', (text) => {
		expect(read(text)).toEqual({ period: APR_2017, reading: 'month' });
	});

	it('Sept and Feb in a leap year end on the right day', () => {
		expect(read('Sept 2017').period).toEqual({ kind: 'month', start: '2017-09-01', end: '2017-09-30' });
		expect(read('02/2016').period).toEqual({ kind: 'month', start: '2016-02-01', end: '2016-02-29' });
		expect(read('Feb-17').period).toEqual({ kind: 'month', start: '2017-02-01', end: '2017-02-28' });
	});

	it('a two-digit year is 20yy: Dec-99 is December 2099', () => {
		expect(read('Dec-99').period.start).toBe('2099-12-01');
	});

	it('a month reads the same whichever year type the measure has', () => {
		expect(read('04/2017', { yearType: 'academic' })).toEqual({ period: APR_2017, reading: 'month' });
		expect(read('2017-04', { yearType: 'academic' })).toEqual({ period: APR_2017, reading: 'month' });
	});
});

describe('months and dates are never confused', () => {
	it('04/2017 is the month April 2017; 30/04/2017 is a date in the quarter Apr–Jun 2017', () => {
		expect(read('04/2017')).toEqual({ period: APR_2017, reading: 'month' });
		expect(read('30/04/2017')).toEqual({
			period: { kind: 'quarter', start: '2017-04-01', end: '2017-06-30' },
			reading: 'date'
		});
	});

	it('2017-04 is a month; 2017-04-01 is a date (its quarter)', () => {
		expect(read('2017-04').period.kind).toBe('month');
		expect(read('2017-04-01')).toEqual({ period: financialQuarter(2017, 1), reading: 'date' });
	});

	it('04/2005 is April 2005, not the year 2004/05', () => {
		expect(read('04/2005')).toEqual({ period: calendarMonth(2005, 4), reading: 'month' });
	});

	it('13/2017 has no month 13', () => expect(message('13/2017')).toBe('"13/2017": there is no month 13; months run 1 to 12'));
	it('2017-00 has no month 0', () => expect(message('2017-00')).toMatch(/no month 0/));
	it('Apr 0217 is a typing slip', () => expect(message('Apr 0217')).toMatch(/outside 1900–2100/));

	it('2011-12 could be December 2011 or the year 2011/12, so it is refused with both', () => {
		expect(message('2011-12')).toBe(
			'"2011-12" is ambiguous: it could be the month December 2011 or the financial year 2011/12; write Dec 2011 for the month or 2011/12 for the year'
		);
		expect(message('2011-12', { yearType: 'academic' })).toMatch(/academic year 2011\/12/);
		expect(read('2011/12').reading).toBe('financial year');
		expect(read('Dec 2011').reading).toBe('month');
	});

	it('2016-17 is still the financial year 2016/17 (17 is no month)', () => {
		expect(read('2016-17')).toEqual({ period: financialYear(2016), reading: 'financial year' });
	});
});

describe('academic years', () => {
	it.each(['2017/18', '2017-18', '17/18', '2017/2018'])('%s is financial by default, academic when the measure is', (text) => {
		expect(read(text)).toEqual({ period: FY_2017_18, reading: 'financial year' });
		expect(read(text, { yearType: 'financial' })).toEqual({ period: FY_2017_18, reading: 'financial year' });
		expect(read(text, { yearType: 'academic' })).toEqual({ period: AY_2017_18, reading: 'academic year' });
	});

	it.each([
		'AY 2017/18', 'AY2017/18', 'ay 17/18', 'academic year 2017/18', 'Academic Year 2017-18', 'academic 2017/18',
		'2017/18 (academic)', '2017/18 academic year', '2017/18 AY'
	])('%s says it is academic, whatever the measure declares', (text) => {
		expect(read(text)).toEqual({ period: AY_2017_18, reading: 'academic year' });
		expect(read(text, { yearType: 'academic' })).toEqual({ period: AY_2017_18, reading: 'academic year' });
	});

	it('FY2017/18 says it is financial, even in an academic measure', () => {
		expect(read('FY2017/18', { yearType: 'academic' })).toEqual({ period: FY_2017_18, reading: 'financial year' });
	});

	it('an academic year runs 1 September to 31 August', () => {
		expect(academicYear(2017)).toEqual(AY_2017_18);
		expect(quarterMonths(AY_2017_18)).toBe('Sep 2017 – Aug 2018');
	});

	it('academic and financial labels differ, and each reads back to itself', () => {
		expect(formatPeriod(AY_2017_18)).toBe('AY 2017/18');
		expect(financialYearLabel(AY_2017_18)).toBe('AY 2017/18');
		expect(formatPeriod(FY_2017_18)).toBe('2017/18');
		expect(periodKey(AY_2017_18)).not.toBe(periodKey(FY_2017_18));
		expect(read(formatPeriod(AY_2017_18)).period).toEqual(AY_2017_18);
		expect(read(formatPeriod(FY_2017_18)).period).toEqual(FY_2017_18);
	});

	it('quarters stay calendar blocks in an academic measure: a bare 2017/18 Q1 there is refused', () => {
		expect(message('2017/18 Q1', { yearType: 'academic' })).toBe(
			'"2017/18 Q1" is ambiguous in a measure with academic years: quarters are calendar blocks (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec) in every measure, and 2017/18 Q1 is the financial-year quarter Apr–Jun 2017; write it as FY2017/18 Q1, 2017 Q2 or Apr-Jun 2017'
		);
		for (const text of ['FY2017/18 Q1', '2017 Q2', 'Apr-Jun 2017']) {
			expect(read(text, { yearType: 'academic' }).period).toEqual(financialQuarter(2017, 1));
		}
		expect(message('AY 2017/18 Q1')).toMatch(/no academic-year quarters/);
	});

	it('a bare 2018 in an academic measure is refused: it could be either year', () => {
		expect(message('2018', { yearType: 'academic' })).toMatch(/ambiguous.*2017\/18 \(Sep 2017 – Aug 2018\) or 2018\/19/);
	});

	it('yearTypeOf tells the years apart; months and quarters belong to both', () => {
		expect(yearTypeOf(AY_2017_18)).toBe('academic');
		expect(yearTypeOf(FY_2017_18)).toBe('financial');
		expect(yearTypeOf(APR_2017)).toBeNull();
		expect(yearTypeOf(financialQuarter(2017, 1))).toBeNull();
	});

	it('an academic year steps by academic years', () => {
		expect(addQuarters(AY_2017_18, 4)).toEqual(academicYear(2018));
		expect(addQuarters(AY_2017_18, -1)).toEqual(academicYear(2016));
		expect(addQuarters(AY_2017_18, 3)).toEqual(AY_2017_18);
		expect(nextPeriod(AY_2017_18)).toEqual(academicYear(2018));
		expect(stepsBetween(academicYear(2015), AY_2017_18)).toBe(2);
	});
});

describe('the reading is said', () => {
	it('one sentence per cell says which reading was used', () => {
		expect(readingSentence('2017/18', AY_2017_18, 'academic year')).toBe(
			'"2017/18" read as the academic year Sep 2017 – Aug 2018 (AY 2017/18)'
		);
		expect(readingSentence('2017/18', FY_2017_18, 'financial year')).toBe(
			'"2017/18" read as the financial year Apr 2017 – Mar 2018 (2017/18)'
		);
		expect(readingSentence(' 04/2017 ', APR_2017, 'month')).toBe('"04/2017" read as the month Apr 2017');
		expect(readingSentence('30/04/2017', financialQuarter(2017, 1), 'date')).toBe(
			'"30/04/2017" read as a date, in the quarter Apr–Jun 2017 (2017/18 Q1)'
		);
	});

	it('the import-level description gives worked examples', () => {
		expect(describeReading('month')).toBe(
			'Periods read as months, written without a day: Apr 2017 = April 2017 = 2017-04 = 04/2017 = Apr-17 (30/04/2017, with a day, is a date)'
		);
		expect(describeReading('academic year')).toContain('2017/18 = Sep 2017 – Aug 2018, shown as AY 2017/18');
		expect(describeReading('financial year')).toContain('a measure declared academic reads 2016/17 as Sep 2016 – Aug 2017');
	});
});

describe('month labels and helpers', () => {
	it('a month is labelled Apr 2017 everywhere', () => {
		expect(formatPeriod(APR_2017)).toBe('Apr 2017');
		expect(financialYearLabel(APR_2017)).toBe('Apr 2017');
		expect(quarterMonths(APR_2017)).toBe('Apr 2017');
		expect(periodKey(APR_2017)).toBe('2017-04-01/2017-04-30');
	});

	it('a month sorts before the quarter it starts, and after the previous quarter', () => {
		const keys = [financialQuarter(2017, 1), APR_2017, financialQuarter(2016, 4)].map(periodKey).sort();
		expect(keys).toEqual([financialQuarter(2016, 4), APR_2017, financialQuarter(2017, 1)].map(periodKey));
	});

	it('the quarter and the years a month falls in', () => {
		expect(financialYearLabel(quarterOfMonth(calendarMonth(2017, 11)))).toBe('2017/18 Q3');
		expect(financialYearOfMonth(calendarMonth(2018, 3))).toEqual(FY_2017_18);
		expect(financialYearOfMonth(calendarMonth(2018, 4))).toEqual(financialYear(2018));
		expect(academicYearOfMonth(calendarMonth(2018, 8))).toEqual(AY_2017_18);
		expect(academicYearOfMonth(calendarMonth(2017, 9))).toEqual(AY_2017_18);
		expect(financialYearOfMonth(calendarMonth(2018, 8))).toEqual(financialYear(2018));
	});

	it('the months of a quarter and of a year', () => {
		expect(monthsOf(financialQuarter(2016, 4)).map(formatPeriod)).toEqual(['Jan 2017', 'Feb 2017', 'Mar 2017']);
		expect(monthsOf(FY_2017_18).map(formatPeriod)).toEqual([
			'Apr 2017', 'May 2017', 'Jun 2017', 'Jul 2017', 'Aug 2017', 'Sep 2017',
			'Oct 2017', 'Nov 2017', 'Dec 2017', 'Jan 2018', 'Feb 2018', 'Mar 2018'
		]);
		expect(monthsOf(AY_2017_18).map(formatPeriod)[0]).toBe('Sep 2017');
		expect(monthsOf(AY_2017_18).map(formatPeriod)[11]).toBe('Aug 2018');
	});

	it('months step by months in a series', () => {
		expect(addMonths(calendarMonth(2017, 12), 1)).toEqual(calendarMonth(2018, 1));
		expect(nextPeriod(calendarMonth(2017, 12))).toEqual(calendarMonth(2018, 1));
		expect(monthsBetween(APR_2017, calendarMonth(2017, 11))).toBe(7);
		expect(stepsBetween(APR_2017, calendarMonth(2018, 4))).toBe(12);
		expect(stepWord(APR_2017, 3)).toBe('months');
		expect(sameQuarterLastYear(APR_2017)).toEqual(calendarMonth(2016, 4));
		expect(addQuarters(APR_2017, 1)).toEqual(calendarMonth(2017, 7));
	});
});

const monthArb = fc
	.record({ year: fc.integer({ min: 1901, max: 2098 }), month: fc.integer({ min: 1, max: 12 }) })
	.map(({ year, month }) => calendarMonth(year, month));

describe('month properties', () => {
	it('parsePeriod never throws, for either year type', () => {
		const token = fc.constantFrom('AY', 'academic', 'year', 'Apr', '17', '2017', '/', '-', ' ', '04', 'Q1', "'", '(academic)', '13');
		fc.assert(
			fc.property(fc.array(token, { maxLength: 6 }), fc.constantFrom('financial' as const, 'academic' as const), (parts, yearType) => {
				expect(typeof parsePeriod(parts.join(''), { yearType }).ok).toBe('boolean');
			}),
			{ numRuns: 2000 }
		);
	});

	it('a month label reads back to the same month', () => {
		fc.assert(
			fc.property(monthArb, (p) => {
				expect(parsePeriod(formatPeriod(p))).toEqual({ ok: true, period: p, reading: 'month' });
			})
		);
	});

	it('an academic year label reads back to the same year', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1901, max: 2098 }), (y) => {
				const r = parsePeriod(formatPeriod(academicYear(y)));
				expect(r.ok && r.period).toEqual(academicYear(y));
			})
		);
	});

	it('the months of a month\'s quarter include it, and lie inside its financial year', () => {
		fc.assert(
			fc.property(monthArb, (p) => {
				const q = monthsOf(quarterOfMonth(p));
				expect(q.some((m) => m.start === p.start)).toBe(true);
				const fy = financialYearOfMonth(p);
				for (const m of q) expect(m.start >= fy.start && m.end <= fy.end).toBe(true);
			})
		);
	});

	it('moving n months and back returns the same month', () => {
		fc.assert(
			fc.property(monthArb, fc.integer({ min: -60, max: 60 }), (p, n) => {
				expect(addMonths(addMonths(p, n), -n)).toEqual(p);
				expect(monthsBetween(p, addMonths(p, n))).toBe(n);
			})
		);
	});
});
