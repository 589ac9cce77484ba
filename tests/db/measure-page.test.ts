// The measure page's own data on the real engine: locked forecasts (and, below, notes and
// comparators), read back exactly as written.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { areaValues } from '../../src/lib/db/queries/comparators';
import { allLocks, areaLocks, measureLocks, removeLock, replaceLocks, saveLock, type KeptLock } from '../../src/lib/db/queries/locks';
import { addNote, allNotes, deleteNote, measureNotes, replaceNotes, type UserNote } from '../../src/lib/db/queries/notes';
import { EXAMPLE_AREA as HOME_AREA } from '../helpers/example';
import { lockForecast, type ForecastMethod } from '../../src/lib/oba/baseline';
import { NO_FILTERS } from '../../src/lib/state/filters';
import { loadMeasure } from '../../src/lib/state/measure';
import { parseMeasureChoice } from '../../src/lib/state/measure-url';
import { measureView } from '../../src/lib/state/measure-view';
import { loadReportCard } from '../../src/lib/state/report-card';
import { turnTheCurveView } from '../../src/lib/state/turn-the-curve';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

async function lockOf(measureId: string, method: ForecastMethod, on: string, per10000 = false): Promise<KeptLock> {
	const { points } = await loadMeasure(db, measureId);
	const view = turnTheCurveView(points, 'percent', { method, from: points[0]!.period, to: points[9]!.period });
	const result = lockForecast(view.forecast, on);
	if (!result.ok) throw new Error(result.reason);
	return { measureId, areaCode: HOME_AREA.code, per10000, locked: result.locked };
}

describe('locked forecasts', () => {
	test('are read back exactly as locked, either band, one per measure, area and figure', async () => {
		const linear = await lockOf('M19', 'linear', '2016-12-31');
		const robust = await lockOf('M19', 'theil-sen', '2017-01-15', true);
		await saveLock(db, linear);
		await saveLock(db, robust);
		expect(await measureLocks(db, 'M19')).toEqual([linear, robust]);
		expect(linear.locked.band.kind).toBe('prediction interval');
		expect(robust.locked.band.kind).toBe('residual quantiles');
		// Locking again replaces the lock of the same measure, area and figure.
		const later = await lockOf('M19', 'linear', '2017-03-31');
		await saveLock(db, later);
		expect(await measureLocks(db, 'M19')).toEqual([later, robust]);
		// The report card judges the figures as published, so it reads only those locks.
		expect(await areaLocks(db, HOME_AREA.code)).toEqual([later]);
	});

	test('the report card and the measure page judge by the lock', async () => {
		const card = await loadReportCard(db, NO_FILTERS);
		const m19 = card.entries.find((e) => e.measure.measure_id === 'M19')!;
		expect(m19.locked?.lockedOn).toBe('2017-03-31');
		expect(m19.row.verdict.lockedOn).toBe('2017-03-31');
		expect(m19.row.verdict.periods[0]!.period.start).toBe('2017-04-01');
		expect((await loadMeasure(db, 'M19')).locks).toHaveLength(2);
	});

	test('unlock removes one; replacing puts exactly the given locks', async () => {
		const [later, robust] = await measureLocks(db, 'M19');
		await removeLock(db, later!);
		expect(await allLocks(db)).toEqual([robust]);
		const other = await lockOf('M20', 'linear', '2018-01-01');
		await replaceLocks(db, [other, later!]);
		expect(await allLocks(db)).toEqual([later, other]);
		await replaceLocks(db, []);
		expect(await allLocks(db)).toEqual([]);
	});
});

describe('notes the user adds', () => {
	const note = (noteId: string, periodLabel: string, periodStart: string, text: string, addedAt: string, measureId = 'M19'): UserNote => ({
		noteId, measureId, areaCode: HOME_AREA.code, periodLabel, periodStart, text, addedAt
	});
	const awkward = note('n1', '2017/18 Q2', '2017-07-01', `<img src=x onerror=alert(1)> O'Brien said "it's the new team";\nline two — £5`, '2026-11-28T09:15:02.123Z');
	const earlier = note('n2', '2016/17 Q3', '2016-10-01', 'Training began', '2026-11-28T09:20:00.000Z');
	const other = note('n3', '2016/17 Q3', '2016-10-01', 'Another measure', '2026-11-28T09:21:00.000Z', 'M20');

	test('are read back exactly as written, in period order, for their measure only', async () => {
		for (const n of [awkward, earlier, other]) await addNote(db, n);
		expect(await measureNotes(db, 'M19', HOME_AREA.code)).toEqual([earlier, awkward]);
		expect(await measureNotes(db, 'M19', 'E92000001')).toEqual([]);
		expect((await loadMeasure(db, 'M19')).notes).toEqual([earlier, awkward]);
	});

	test('delete removes one; replacing puts exactly the given notes', async () => {
		await deleteNote(db, 'n2');
		expect(await allNotes(db)).toEqual([awkward, other]);
		await replaceNotes(db, [earlier]);
		expect(await allNotes(db)).toEqual([earlier]);
	});
});

describe('a DfE indicator with comparators', () => {
	test('every area’s values with the children aged 0–17 of the year each period starts in, nearest area first', async () => {
		const rows = await areaValues(db, 'dfe-cse');
		expect([...new Set(rows.map((r) => r.area_name))]).toEqual(['North East Lincolnshire', 'Yorkshire and The Humber', 'England']);
		const latest = rows.find((r) => r.area_code === HOME_AREA.code && r.period_label === '2024/25')!;
		expect(latest).toMatchObject({ value: 80, population: 33522, population_year: 2024 });
		expect(rows.every((r) => r.population !== null)).toBe(true);
	});

	test('as rates per 10,000, with the region and England beside it; the lock of a rate is its own', async () => {
		const data = await loadMeasure(db, 'dfe-cse');
		const count = measureView(data, parseMeasureChoice(new URLSearchParams('id=dfe-cse'), 'year'));
		expect(count).toMatchObject({ rateOffered: true, figure: 'count', unit: 'count' });
		expect(count.view.table.at(-1)).toMatchObject({ period: '2024/25', actual: '80' });
		const rate = measureView(data, parseMeasureChoice(new URLSearchParams('id=dfe-cse&as=rate'), 'year'));
		expect(rate).toMatchObject({ figure: 'rate', unit: 'rate10k', lockKey: { per10000: true } });
		expect(rate.view.comparators.map((c) => c.label)).toEqual(['Yorkshire and The Humber', 'England']);
		expect(rate.view.table.at(-1)).toMatchObject({ period: '2024/25', actual: '23.9' });
		expect(rate.view.columns.slice(-2).map((c) => c.label)).toEqual(['Yorkshire and The Humber', 'England']);
		// The baseline of a yearly indicator: its first four years, as on the report card.
		expect(rate.from?.start).toBe('2017-04-01');
		expect(rate.to?.start).toBe('2020-04-01');
		// A measure of the partnership's own is not a count of children: no rate, no comparators.
		const m19 = measureView(await loadMeasure(db, 'M19'), parseMeasureChoice(new URLSearchParams('id=M19&as=rate')));
		expect(m19).toMatchObject({ rateOffered: false, figure: 'count', unit: 'percent' });
		expect(m19.view.comparators).toEqual([]);
	});
});
