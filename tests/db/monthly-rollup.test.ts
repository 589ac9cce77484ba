import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { importFile } from '../../src/lib/ingest/import-file';
import { previewImport } from '../../src/lib/ingest/preview';
import { commitImport } from '../../src/lib/ingest/commit/commit';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { calendarMonth, type Period } from '../../src/lib/oba/periods';
import { rollUpSeries, type MonthFigure, type RollupRule } from '../../src/lib/oba/rollup';
import type { Unit } from '../../src/lib/oba/units';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');
type Stored = { period_kind: string; period_label: string; value: number | null; marker: string | null; numerator: number | null; denominator: number | null };
const stored = (id: string, kinds = `'quarter', 'year'`) =>
	db.rows<Stored>(`SELECT period_kind, period_label, value, marker, numerator, denominator FROM measure_values
		WHERE measure_id = '${id}' AND period_kind IN (${kinds}) ORDER BY period_kind, period_start`);

describe('monthly data rolled up to quarters and years', () => {
	test('counts are summed; a quarter with a month missing is incomplete, never summed', async () => {
		const outcome = await importFile(db, { name: 'missing-episodes.csv', bytes: bytes([
			'measure_id,measure,quadrant,unit,period,value',
			...['Apr 2017', 'May 2017', 'Jun 2017', '2017-07', '08/2017', 'September 2017', 'Oct-17', 'Dec 2017'].map((p, i) =>
				`MX1,Missing episodes,How much did we do?,count,${p},${i + 3}`)
		]) });
		expect(outcome.problems).toEqual([]);
		expect(await stored('MX1')).toEqual([
			{ period_kind: 'quarter', period_label: '2017/18 Q1', value: 3 + 4 + 5, marker: null, numerator: null, denominator: null },
			{ period_kind: 'quarter', period_label: '2017/18 Q2', value: 6 + 7 + 8, marker: null, numerator: null, denominator: null },
			{ period_kind: 'quarter', period_label: '2017/18 Q3', value: null, marker: 'incomplete', numerator: null, denominator: null },
			{ period_kind: 'year', period_label: '2017/18', value: null, marker: 'incomplete', numerator: null, denominator: null }
		]);
		expect((await stored('MX1', `'month'`)).map((r) => r.period_label)).toEqual(
			['Apr 2017', 'May 2017', 'Jun 2017', 'Jul 2017', 'Aug 2017', 'Sep 2017', 'Oct 2017', 'Dec 2017']);
	});

	test('"import valid rows only": the preview counts what is then written, the quarter of a month left out incomplete', async () => {
		const preview = await previewImport(db, { name: 'june-bad.csv', bytes: bytes([
			'measure_id,measure,quadrant,unit,period,value',
			'MV1,Valid months only,How much did we do?,count,Apr 2017,3',
			'MV1,Valid months only,How much did we do?,count,May 2017,4',
			'MV1,Valid months only,How much did we do?,count,Jun 2017,lots'
		]) });
		expect(preview).toMatchObject({ ready: false, validRowsPossible: true, rowsWithErrors: 1 });
		// The two good months, and the quarter and year made of them, each short of June.
		expect(preview.changes.find((c) => c.key === 'MV1')).toMatchObject({ added: 4, changed: 0, unchanged: 0 });
		const outcome = await commitImport(db, preview, { validRowsOnly: true });
		expect(outcome).toMatchObject({ rowsWritten: 2, rowsSkipped: 1 });
		expect(await db.rows(`SELECT count(*) AS n FROM measure_values WHERE measure_id = 'MV1'`)).toEqual([{ n: 4 }]);
		expect(await stored('MV1')).toEqual([
			{ period_kind: 'quarter', period_label: '2017/18 Q1', value: null, marker: 'incomplete', numerator: null, denominator: null },
			{ period_kind: 'year', period_label: '2017/18', value: null, marker: 'incomplete', numerator: null, denominator: null }
		]);
	});

	test('a rule changed by a later file rolls up again every quarter and year of the measure, not only those of its months', async () => {
		const row = (period: string, value: number, rollup = '') => `MR1,Days to a return interview,How well did we do it?,count,${rollup},${period},${value}`;
		const header = 'measure_id,measure,quadrant,unit,rollup,period,value';
		expect((await importFile(db, { name: 'q1.csv', bytes: bytes([header, row('Apr 2017', 2), row('May 2017', 4), row('Jun 2017', 9)]) })).problems).toEqual([]);
		expect((await stored('MR1'))[0]).toMatchObject({ period_label: '2017/18 Q1', value: 15 });
		// July's file says the months are averaged: the first quarter, rolled up before, follows.
		const preview = await previewImport(db, { name: 'july.csv', bytes: bytes([header, row('Jul 2017', 3, 'mean')]) });
		expect(preview.ready).toBe(true);
		const change = preview.changes.find((c) => c.key === 'MR1')!;
		// Added: July and the second quarter (incomplete); changed: the first quarter; the year is still incomplete.
		expect(change).toMatchObject({ added: 2, changed: 1, unchanged: 1 });
		expect(change.changes.map((c) => [c.what, c.before, c.after])).toEqual([['2017/18 Q1', '15', '5']]);
		expect((await commitImport(db, preview)).importId).not.toBeNull();
		expect(await stored('MR1')).toEqual([
			{ period_kind: 'quarter', period_label: '2017/18 Q1', value: 5, marker: null, numerator: null, denominator: null },
			{ period_kind: 'quarter', period_label: '2017/18 Q2', value: null, marker: 'incomplete', numerator: null, denominator: null },
			{ period_kind: 'year', period_label: '2017/18', value: null, marker: 'incomplete', numerator: null, denominator: null }
		]);
		// A file of quarters alone that changes the rule back rolls the months up again too.
		const quarters = await importFile(db, { name: 'back.csv', bytes: bytes([header, row('2018/19 Q1', 30, 'sum')]) });
		expect(quarters.problems).toEqual([]);
		expect((await stored('MR1'))[0]).toMatchObject({ period_label: '2017/18 Q1', value: 15 });
	});

	test('a later file with the missing month completes the quarter from the months already loaded', async () => {
		const outcome = await importFile(db, { name: 'november.csv', bytes: bytes([
			'measure_id,measure,quadrant,unit,period,value', 'MX1,Missing episodes,How much did we do?,count,Nov 2017,20'
		]) });
		expect(outcome.problems).toEqual([]);
		expect((await stored('MX1'))[2]).toEqual({ period_kind: 'quarter', period_label: '2017/18 Q3', value: 9 + 20 + 10, marker: null, numerator: null, denominator: null });
	});

	test('a % is re-derived from numerators and denominators; month end and mean as declared', async () => {
		const outcome = await importFile(db, { name: 'rates.csv', bytes: bytes([
			'measure_id,measure,quadrant,unit,rollup,period,numerator,denominator,value',
			'MX2,Return interviews in 72 hours,How well did we do it?,%,,Jan 2018,3,10,',
			'MX2,Return interviews in 72 hours,How well did we do it?,%,,Feb 2018,4,10,',
			'MX2,Return interviews in 72 hours,How well did we do it?,%,,Mar 2018,0,0,',
			'MX3,Children open to the CSE team,How much did we do?,count,month end,Jan 2018,,,40',
			'MX3,Children open to the CSE team,How much did we do?,count,,Feb 2018,,,42',
			'MX3,Children open to the CSE team,How much did we do?,count,,Mar 2018,,,39',
			'MX4,Average days to a return interview,How well did we do it?,days,average,Jan 2018,,,2',
			'MX4,Average days to a return interview,How well did we do it?,days,,Feb 2018,,,3',
			'MX4,Average days to a return interview,How well did we do it?,days,,Mar 2018,,,7'
		]) });
		expect(outcome.problems).toEqual([]);
		expect((await stored('MX2'))[0]).toEqual({ period_kind: 'quarter', period_label: '2017/18 Q4', value: 35, marker: null, numerator: 7, denominator: 20 });
		expect((await stored('MX3'))[0]).toMatchObject({ period_label: '2017/18 Q4', value: 39 });
		expect((await stored('MX4'))[0]).toMatchObject({ period_label: '2017/18 Q4', value: 4 });
		expect(await db.rows(`SELECT measure_id, rollup FROM measures WHERE measure_id IN ('MX2', 'MX3', 'MX4') ORDER BY 1`)).toEqual([
			{ measure_id: 'MX2', rollup: null }, { measure_id: 'MX3', rollup: 'latest' }, { measure_id: 'MX4', rollup: 'mean' }]);
	});

	test('a quarter the file gives itself is kept as given', async () => {
		const outcome = await importFile(db, { name: 'both.csv', bytes: bytes([
			'measure_id,measure,quadrant,unit,period,value',
			'MX5,Referrals,How much did we do?,count,Apr 2018,1', 'MX5,Referrals,How much did we do?,count,May 2018,1',
			'MX5,Referrals,How much did we do?,count,Jun 2018,1', 'MX5,Referrals,How much did we do?,count,2018/19 Q1,5'
		]) });
		expect(outcome.problems).toEqual([]);
		expect((await stored('MX5'))[0]).toMatchObject({ period_label: '2018/19 Q1', value: 5 });
	});

	test('the wide form takes months as its column headers, and rolls them up the same way', async () => {
		const outcome = await importFile(db, { name: 'wide-months.csv', bytes: bytes([
			'measure_id,measure,quadrant,unit,Apr 2019,May 2019,Jun 2019', 'MX7,Missing episodes,How much did we do?,count,5,6,7'
		]) });
		expect(outcome.problems).toEqual([]);
		expect(outcome.format).toBe('measures-wide');
		expect((await stored('MX7'))[0]).toEqual({ period_kind: 'quarter', period_label: '2019/20 Q1', value: 18, marker: null, numerator: null, denominator: null });
	});

	test('an academic measure reads 2017/18 as September to August, and its months make academic years', async () => {
		const outcome = await importFile(db, { name: 'schools.csv', bytes: bytes([
			'measure_id,measure,quadrant,unit,year_type,period,value',
			'MX6,Schools with CSE lessons,How much did we do?,count,academic,2016/17,30',
			...['Sep', 'Oct', 'Nov', 'Dec'].map((m) => `MX6,Schools with CSE lessons,How much did we do?,count,,${m} 2017,1`),
			...['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug'].map((m) => `MX6,Schools with CSE lessons,How much did we do?,count,,${m} 2018,2`)
		]) });
		expect(outcome.problems).toEqual([]);
		expect(await db.rows(`SELECT period_label, CAST(period_start AS VARCHAR) AS start, CAST(period_end AS VARCHAR) AS "end", value FROM measure_values
			WHERE measure_id = 'MX6' AND period_kind = 'year' ORDER BY period_start`)).toEqual([
			{ period_label: 'AY 2016/17', start: '2016-09-01', end: '2017-08-31', value: 30 },
			{ period_label: 'AY 2017/18', start: '2017-09-01', end: '2018-08-31', value: 4 + 16 }
		]);
		expect(outcome.reading?.periodReadings?.map((r) => r.reading)).toContain('academic year');
	});

	test('a measure declared academic later: its financial years go, its months make academic years, and undo brings the financial ones back', async () => {
		const header = 'measure_id,measure,quadrant,unit,year_type,period,value';
		const row = (period: string, value: number, yearType = '') => `MY1,Pupils in CSE sessions,How much did we do?,count,${yearType},${period},${value}`;
		const months = (values: number[]) => ['Sep 2017', 'Oct 2017', 'Nov 2017', 'Dec 2017', 'Jan 2018', 'Feb 2018', 'Mar 2018', 'Apr 2018', 'May 2018', 'Jun 2018', 'Jul 2018', 'Aug 2018']
			.map((m, i) => row(m, values[i]!));
		const years = () => db.rows(`SELECT period_label, CAST(period_start AS VARCHAR) AS start, value, marker FROM measure_values
			WHERE measure_id = 'MY1' AND period_kind = 'year' ORDER BY period_start`);
		// First as financial (no year_type): a year given, and months making two financial years, each incomplete.
		expect((await importFile(db, { name: 'fy.csv', bytes: bytes([header, row('2015/16', 7), ...months([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])]) })).problems).toEqual([]);
		const financial = [
			{ period_label: '2015/16', start: '2015-04-01', value: 7, marker: null },
			{ period_label: '2017/18', start: '2017-04-01', value: null, marker: 'incomplete' },
			{ period_label: '2018/19', start: '2018-04-01', value: null, marker: 'incomplete' }
		];
		expect(await years()).toEqual(financial);
		// Then one row saying the measure is academic: the months already loaded make its academic year.
		const preview = await previewImport(db, { name: 'ay.csv', bytes: bytes([header, row('Aug 2018', 2, 'academic')]) });
		expect(preview.ready).toBe(true);
		// Changed: August; added: its academic year; removed: the three financial years.
		expect(preview.changes.find((c) => c.key === 'MY1')).toMatchObject({ added: 1, changed: 1, removed: 3 });
		const outcome = await commitImport(db, preview);
		expect(outcome.importId).not.toBeNull();
		expect(await years()).toEqual([{ period_label: 'AY 2017/18', start: '2017-09-01', value: 13, marker: null }]);
		await undoImport(db, outcome.importId!);
		expect(await years()).toEqual(financial);
	});
});

describe('the SQL roll-up is the domain rule (oba/rollup.ts)', () => {
	const cases: { id: string; unit: Unit; rule: RollupRule }[] = [
		{ id: 'PS', unit: 'count', rule: 'sum' }, { id: 'PM', unit: 'days', rule: 'mean' }, { id: 'PL', unit: 'count', rule: 'latest' },
		{ id: 'PR', unit: 'percent', rule: 'ratio' }, { id: 'PT', unit: 'rate10k', rule: 'ratio' }
	];
	const unitText: Record<Unit, string> = { count: 'count', days: 'days', percent: '%', rate10k: 'rate per 10,000', gbp: '£' };

	test.each(cases)('$rule of $unit months with gaps, over two years, matches rollUpSeries', async ({ id, unit, rule }) => {
		// A fixed pseudo-random series: months from Apr 2016 to Sep 2018, some left out.
		let seed = id.charCodeAt(1) * 7919;
		const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		const months: MonthFigure[] = [];
		for (let i = 0; i < 30; i++) {
			if (next() < 0.1) continue;
			const period: Period = calendarMonth(2016 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1);
			const denominator = Math.round(next() * 40) + 1;
			const numerator = Math.round(next() * denominator);
			months.push({ period, value: rule === 'ratio' ? null : Math.round(next() * 100) / 4, numerator, denominator });
		}
		const outcome = await importFile(db, { name: `${id}.csv`, bytes: bytes([
			'measure_id,measure,quadrant,unit,rollup,period,value,numerator,denominator',
			...months.map((m) => `${id},Measure ${id},How much did we do?,"${unitText[unit]}",${rule},${m.period.start.slice(0, 7)},${m.value ?? ''},${rule === 'ratio' ? m.numerator : ''},${rule === 'ratio' ? m.denominator : ''}`)
		]) });
		expect(outcome.problems).toEqual([]);
		for (const into of ['quarter', 'year'] as const) {
			const expected = rollUpSeries(rule === 'ratio' ? months : months.map((m) => ({ ...m, numerator: null, denominator: null })), rule, unit, into)
				.map((r) => ({ start: r.period.start, value: r.value === null ? null : Number(r.value.toFixed(9)), incomplete: !r.complete }));
			const rows = await db.rows<{ start: string; value: number | null; incomplete: boolean }>(`
				SELECT CAST(period_start AS VARCHAR) AS start, round(value, 9) AS value, coalesce(marker = 'incomplete', false) AS incomplete
				FROM measure_values WHERE measure_id = '${id}' AND period_kind = '${into}' ORDER BY period_start`);
			expect(rows).toEqual(expected);
		}
	});
});
