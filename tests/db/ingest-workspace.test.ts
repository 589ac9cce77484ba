import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { allLocks, saveLock } from '../../src/lib/db/queries/locks';
import { addNote, allNotes } from '../../src/lib/db/queries/notes';
import { HOME_AREA } from '../../src/lib/db/schema';
import { importFile } from '../../src/lib/ingest/import-file';
import { forecast, lockForecast } from '../../src/lib/oba/baseline';
import { loadMeasure } from '../../src/lib/state/measure';
import { dumpTables } from '../../src/lib/ingest/table-text';
import { undoImport } from '../../src/lib/ingest/undo';
import { exportWorkspace, importWorkspace } from '../../src/lib/ingest/workspace-file';
import { corpusBytes } from '../fixtures/ingest/corpus';
import { emptyDatabase, sampleDatabase } from '../helpers/workspace';

let db: Database;
let lastImport: number;
beforeAll(async () => {
	db = await sampleDatabase();
	// Values JavaScript would round (0.1 + 0.2, long decimals), a missing marker and text with quotes and a line break.
	const awkward = ['measure_id,measure,quadrant,period,value,notes',
		'X01,"Awkward ""numbers""",How much did we do?,2018/19 Q1,0.30000000000000004,"two\nlines"',
		'X01,"Awkward ""numbers""",How much did we do?,2018/19 Q2,123456789.12345679,',
		'X01,"Awkward ""numbers""",How much did we do?,2018/19 Q3,[c],'].join('\n');
	lastImport = (await importFile(db, { name: 'awkward.csv', bytes: new TextEncoder().encode(awkward) })).importId!;
	await importFile(db, { name: 'm19.csv', bytes: corpusBytes('ok-reimport-existing-measure.csv') });
	// What the user adds on a measure page: a locked forecast of each band kind.
	const { points } = await loadMeasure(db, 'M19');
	for (const [method, per10000] of [['linear', false], ['theil-sen', true]] as const) {
		const lock = lockForecast(forecast(points, { method, from: points[0]!.period, to: points[9]!.period }), '2017-01-31');
		if (!lock.ok) throw new Error(lock.reason);
		await saveLock(db, { measureId: 'M19', areaCode: HOME_AREA.code, per10000, locked: lock.locked });
	}
	// And notes, with markup, quotes, a line break and a time to the millisecond.
	await addNote(db, { noteId: 'a1', measureId: 'M19', areaCode: HOME_AREA.code, periodLabel: '2017/18 Q1', periodStart: '2017-04-01', text: '<b>"New" team</b>\nO\'Brien', addedAt: '2026-11-28T09:15:02.123Z' });
	await addNote(db, { noteId: 'a2', measureId: 'M19', areaCode: HOME_AREA.code, periodLabel: '2017/18 Q1', periodStart: '2017-04-01', text: 'Second', addedAt: '2026-11-28T09:15:03.000Z' });
});

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('the workspace file', () => {
	test('round trip: export, open in a fresh database, and every table is equal cell for cell', async () => {
		const file = await exportWorkspace(db);
		const fresh = await emptyDatabase();
		const loaded = await importWorkspace(fresh, file);
		expect(loaded.problems).toEqual([]);
		expect(loaded.ok).toBe(true);
		expect(await dumpTables(fresh)).toEqual(await dumpTables(db));
		// Saving the reopened workspace gives the same file, but for the moment it was saved.
		const again = text(await exportWorkspace(fresh)).replace(/"exportedAt": "[^"]*"/, '');
		expect(again).toBe(text(file).replace(/"exportedAt": "[^"]*"/, ''));
	});

	test('keeps the locked forecasts and the notes exactly: every number of their lines and bands, every character', async () => {
		const fresh = await emptyDatabase();
		await importWorkspace(fresh, await exportWorkspace(db));
		const locks = await allLocks(db);
		expect(locks.map((l) => l.locked.band.kind)).toEqual(['prediction interval', 'residual quantiles']);
		expect(await allLocks(fresh)).toEqual(locks);
		const notes = await allNotes(db);
		expect(notes.map((n) => n.noteId)).toEqual(['a1', 'a2']);
		expect(notes[0]!.text).toBe('<b>"New" team</b>\nO\'Brien');
		expect(notes[0]!.addedAt).toBe('2026-11-28T09:15:02.123Z');
		expect(await allNotes(fresh)).toEqual(notes);
	});

	test('keeps each import’s history, so undo works after reopening', async () => {
		const fresh = await emptyDatabase();
		await importWorkspace(fresh, await exportWorkspace(db));
		const newest = (await fresh.rows<{ id: number }>('SELECT max(import_id) AS id FROM imports'))[0]!.id;
		expect((await undoImport(fresh, newest)).undone).toBe(true);
		expect((await undoImport(db, newest)).undone).toBe(true);
		expect(await dumpTables(fresh)).toEqual(await dumpTables(db));
		expect((await undoImport(fresh, lastImport)).undone).toBe(true);
	});

	test('is readable JSON: the import log and the values, one row per line', async () => {
		const file = text(await exportWorkspace(db));
		const doc = JSON.parse(file);
		expect(doc).toMatchObject({ format: 'oba-dashboard-workspace', version: 1 });
		expect(Object.keys(doc.tables)).toEqual(expect.arrayContaining(['imports', 'measure_values', 'reviews', 'history_measure_values']));
		expect(file).toContain('["X01","E06000012","2018-04-01","2018-06-30","quarter","2018/19 Q1","0.30000000000000004"');
		expect(file.split('\n').length).toBeGreaterThan(1000);
	});

	test('a file that is not a workspace of this version, or does not fit, changes nothing', async () => {
		const fresh = await sampleDatabase();
		const before = await dumpTables(fresh);
		const good = JSON.parse(text(await exportWorkspace(db)));
		const variants: [string, string, RegExp][] = [
			['not json', 'period,value\n2016/17 Q1,3\n', /not JSON/],
			['other format', JSON.stringify({ ...good, format: 'something-else' }), /not a workspace saved by this dashboard/],
			['newer', JSON.stringify({ ...good, version: 2 }), /version 2/],
			['unknown table', JSON.stringify({ ...good, tables: { ...good.tables, notes_v9: { columns: [], rows: [] } } }), /"notes_v9"/],
			['bad cell', JSON.stringify({ ...good, tables: { ...good.tables, priorities: { ...good.tables.priorities, rows: [['one', 'x', null, null, null]] } } }), /could not be loaded/]
		];
		for (const [what, content, message] of variants) {
			const result = await importWorkspace(fresh, new TextEncoder().encode(content), `${what}.json`);
			expect(result.ok, what).toBe(false);
			expect(result.problems[0]!.message, what).toMatch(message);
			expect(await dumpTables(fresh), what).toEqual(before);
		}
	});
});
