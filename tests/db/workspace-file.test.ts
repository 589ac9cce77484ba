import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../src/lib/db/migrations';
import { loadWorkspace } from '../../src/lib/db/load-workspace';
import { allLocks, saveLock } from '../../src/lib/db/queries/locks';
import { addNote, allNotes } from '../../src/lib/db/queries/notes';
import { allCorrectiveActions } from '../../src/lib/db/queries/corrective-actions';
import { readSettings } from '../../src/lib/db/queries/settings';
import { EXAMPLE_AREA as HOME_AREA } from '../helpers/example';
import { fileSource, WORKSPACE_HEADER, workspaceFile, workspaceIndex, writeParts } from '../../src/lib/db/workspace-format';
import { packParts } from '../../src/lib/db/parts-file';
import { importFile } from '../../src/lib/ingest/import-file';
import { forecast, lockForecast } from '../../src/lib/oba/baseline';
import { loadMeasure } from '../../src/lib/state/measure';
import { dumpTables } from '../../src/lib/ingest/table-text';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { openWorkspaceFile, workspaceSource } from '../../src/lib/ingest/workspace-file';
import { corpusBytes } from '../fixtures/ingest/corpus';
import { emptyDatabase, sampleDatabase } from '../helpers/workspace';
import { tablesDigest } from '../helpers/tables-digest';

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
	// And notes, with markup, quotes, a line break, an empty-looking text and a time to the millisecond.
	await addNote(db, { noteId: 'a1', measureId: 'M19', areaCode: HOME_AREA.code, periodLabel: '2017/18 Q1', periodStart: '2017-04-01', text: '<b>"New" team</b>\nO\'Brien', addedAt: '2026-11-28T09:15:02.123Z' });
	await addNote(db, { noteId: 'a2', measureId: 'M19', areaCode: HOME_AREA.code, periodLabel: '2017/18 Q1', periodStart: '2017-04-01', text: ' , ', addedAt: '2026-11-28T09:15:03.000Z' });
});

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (s: string) => new TextEncoder().encode(s);
const FIXTURES = join(import.meta.dirname, '../fixtures/workspace');

describe('the workspace file', () => {
	test('round trip: save, open in a fresh database, and every table is equal cell for cell', async () => {
		const file = await workspaceFile(db);
		const fresh = await emptyDatabase();
		const opened = await openWorkspaceFile(fresh, file, 'w.oba');
		expect(opened).toMatchObject({ ok: true, schemaVersion: SCHEMA_VERSION });
		expect(await dumpTables(fresh)).toEqual(await dumpTables(db));
		// Saving the reopened workspace gives the same tables again, byte for byte, but for the moment it was saved.
		const again = text(await workspaceFile(fresh)).replace(/"savedAt":"[^"]*"/, '');
		expect(again.length).toBe(text(file).replace(/"savedAt":"[^"]*"/, '').length);
	});

	test('a table written in pieces (a large one is) reads back the same, gaps left by deleted rows and all', async () => {
		const copy = await emptyDatabase();
		await openWorkspaceFile(copy, await workspaceFile(db), 'w.oba');
		await copy.exec(`DELETE FROM measure_values WHERE rowid % 7 = 3`);
		const whole = await writeParts(copy, ['measure_values']);
		const pieces = await writeParts(copy, ['measure_values'], { rowsPerCopy: 50 });
		expect(pieces.parts).toEqual(whole.parts);
		expect(text(pieces.bytes[0]!).split('\n').sort()).toEqual(text(whole.bytes[0]!).split('\n').sort());
		expect(pieces.parts[0]!.rows).toBe((await copy.rows<{ n: number }>('SELECT count(*) AS n FROM measure_values'))[0]!.n);
	});

	test('keeps the locked forecasts and the notes exactly: every number of their lines and bands, every character', async () => {
		const fresh = await emptyDatabase();
		await openWorkspaceFile(fresh, await workspaceFile(db), 'w.oba');
		const locks = await allLocks(db);
		expect(locks.map((l) => l.locked.band.kind)).toEqual(['prediction interval', 'residual quantiles']);
		expect(await allLocks(fresh)).toEqual(locks);
		const notes = await allNotes(db);
		expect(notes.map((n) => [n.noteId, n.text, n.addedAt])).toEqual([['a1', '<b>"New" team</b>\nO\'Brien', '2026-11-28T09:15:02.123Z'], ['a2', ' , ', '2026-11-28T09:15:03.000Z']]);
		expect(await allNotes(fresh)).toEqual(notes);
	});

	test('keeps each import’s history, and the import log’s times, so undo works after reopening', async () => {
		const fresh = await emptyDatabase();
		await openWorkspaceFile(fresh, await workspaceFile(db), 'w.oba');
		const times = 'SELECT import_id, CAST(imported_at AS VARCHAR) AS t FROM imports ORDER BY 1';
		expect(await fresh.rows(times)).toEqual(await db.rows(times));
		const newest = (await fresh.rows<{ id: number }>('SELECT max(import_id) AS id FROM imports'))[0]!.id;
		const other = await sampleDatabase();
		await openWorkspaceFile(other, await workspaceFile(db), 'w.oba');
		expect((await undoImport(fresh, newest)).undone).toBe(true);
		expect((await undoImport(other, newest)).undone).toBe(true);
		expect(await dumpTables(fresh)).toEqual(await dumpTables(other));
		expect((await undoImport(fresh, lastImport)).undone).toBe(true);
	});

	test('is text: a header line, its index as JSON with the schema version, then each table as CSV', async () => {
		const file = text(await workspaceFile(db));
		const [header, index] = file.split('\n');
		expect(header).toBe('oba-dashboard workspace');
		const parsed = JSON.parse(index!);
		expect(parsed.schemaVersion).toBe(SCHEMA_VERSION);
		expect(parsed.tables.map((t: { table: string }) => t.table)).toEqual(expect.arrayContaining(['imports', 'measure_values', 'reviews', 'history_measure_values', 'notes']));
		expect(file).toContain('X01,E06000012,2018-04-01,2018-06-30,quarter,2018/19 Q1,0.30000000000000004,,,,,"two\nlines",imported,');
	});
});

describe('a workspace this app wrote and kept itself (the kept tables, the sample)', () => {
	test('goes straight into the tables, equal cell for cell, and is still refused when cut short or miscounted', async () => {
		const file = await workspaceFile(db);
		const fresh = await emptyDatabase();
		// Version 1's 27 tables, settings (version 2), statistical_neighbours and its history (version 3), measure_tolerances (version 4), corrective_actions (version 5).
		await expect(loadWorkspace(fresh, fileSource(file), { ours: true })).resolves.toMatchObject({ schemaVersion: SCHEMA_VERSION, tables: 32 });
		expect(await dumpTables(fresh)).toEqual(await dumpTables(db));
		const before = await dumpTables(fresh);
		const [header, index, ...rest] = text(file).split('\n');
		const miscounted = JSON.parse(index!);
		miscounted.tables.find((t: { table: string }) => t.table === 'measures').rows += 1;
		await expect(loadWorkspace(fresh, fileSource(bytesOf([header, JSON.stringify(miscounted), ...rest].join('\n'))), { ours: true }))
			.rejects.toThrow(/Its table "measures" has \d+ rows where its index says \d+: the file is damaged/);
		await expect((async () => loadWorkspace(fresh, fileSource(file.slice(0, -10)), { ours: true }))()).rejects.toThrow(/incomplete/);
		expect(await dumpTables(fresh)).toEqual(before);
	});
});

describe('the tables kept in this browser, as Arrow', () => {
	const arrowFile = async (from: Database) => {
		const { parts, bytes } = await writeParts(from, undefined, { encoding: 'arrow' });
		return { parts, file: packParts(WORKSPACE_HEADER, workspaceIndex(parts), bytes) };
	};

	test('read back equal cell for cell, straight in or checked whole: times to the microsecond, text, empty tables', async () => {
		const source = await emptyDatabase();
		await openWorkspaceFile(source, await workspaceFile(db), 'w.oba');
		// What Arrow would carry to the millisecond only, so the part carries it as text: a time to the microsecond.
		await source.exec(`UPDATE imports SET imported_at = TIMESTAMP '2026-12-03 20:45:01.123456' WHERE import_id = 1`);
		const { parts, file } = await arrowFile(source);
		expect(parts.every((p) => p.encoding === 'arrow')).toBe(true);
		expect(parts.find((p) => p.table === 'measure_values')!.rows).toBeGreaterThan(500);
		expect(parts.filter((p) => p.rows === 0).map((p) => p.bytes)).toContain(0);
		const direct = await emptyDatabase();
		await expect(loadWorkspace(direct, fileSource(file), { ours: true })).resolves.toMatchObject({ schemaVersion: SCHEMA_VERSION, tables: 32 });
		expect(await tablesDigest(direct)).toEqual(await tablesDigest(source));
		expect(await direct.rows(`SELECT CAST(imported_at AS VARCHAR) AS at FROM imports WHERE import_id = 1`)).toEqual([{ at: '2026-12-03 20:45:01.123456' }]);
		const checked = await emptyDatabase();
		expect(await openWorkspaceFile(checked, file, 'kept.oba')).toMatchObject({ ok: true });
		expect(await tablesDigest(checked)).toEqual(await tablesDigest(source));
		expect(await allNotes(checked)).toEqual(await allNotes(db));
	});

	test('a damaged Arrow part is refused by name, and what is loaded stays as it was', async () => {
		const { parts, file } = await arrowFile(db);
		const fresh = await sampleDatabase();
		const before = await tablesDigest(fresh);
		// The bytes of measure_values' part, its schema message overwritten: DuckDB reads no row of it.
		const start = file.indexOf(10, file.indexOf(10) + 1) + 1 + parts.slice(0, parts.findIndex((p) => p.table === 'measure_values')).reduce((n, p) => n + p.bytes, 0);
		const damaged = file.slice();
		damaged.fill(0x7a, start, start + 64);
		await expect(loadWorkspace(fresh, fileSource(damaged), { ours: true })).rejects.toThrow(`Its table "measure_values" has 0 rows where its index says ${parts.find((p) => p.table === 'measure_values')!.rows}: the file is damaged.`);
		expect(await tablesDigest(fresh)).toEqual(before);
	});
});

describe('a workspace file written by an earlier version', () => {
	test('the JSON file of schema version 1 (29 Nov 2026) opens with every table, its import, lock and note', async () => {
		const bytes = new Uint8Array(await readFile(join(FIXTURES, 'workspace-v1-2026-11-29.json')));
		const fresh = await emptyDatabase();
		const opened = await openWorkspaceFile(fresh, bytes, 'workspace-v1-2026-11-29.json');
		expect(opened).toMatchObject({ ok: true, schemaVersion: 1, tables: 27 });
		// Migration 2 gives it the settings of its one home area, the local authority of its own measures; no name or title yet.
		expect(await readSettings(fresh)).toEqual({ area_code: HOME_AREA.code, area_name: HOME_AREA.name, partnership: null, plan_title: null, example: false });
		expect(await fresh.rows('SELECT import_id, file_name, row_count FROM imports ORDER BY import_id DESC LIMIT 1')).toEqual([{ import_id: 9, file_name: 'm19.csv', row_count: 3 }]);
		expect((await allLocks(fresh)).map((l) => [l.measureId, l.locked.method, l.locked.lockedOn])).toEqual([['M19', 'linear', '2017-01-31']]);
		expect((await allNotes(fresh)).map((n) => n.text)).toEqual(['New team started "Safe & Sound"\nin April']);
		// Written before measure RAG: no measure has a tolerance, from a file or set in the app.
		expect(await fresh.rows(`SELECT count(*) AS n FROM measures WHERE amber_threshold IS NOT NULL OR red_threshold IS NOT NULL OR travel_rule IS NOT NULL`)).toEqual([{ n: 0 }]);
		expect(await fresh.rows('SELECT count(*) AS n FROM measure_tolerances')).toEqual([{ n: 0 }]);
		// Brought up to the latest version: corrective actions came later, so it has none.
		expect(await allCorrectiveActions(fresh)).toEqual([]);
		expect((await undoImport(fresh, 9)).undone).toBe(true);
	});

	test('is brought up to date by each migration after its version, in order', async () => {
		// The app's migrations, then two of a schema to come: a new column with a default, filled from another, and a new table.
		const next = SCHEMA_VERSION + 1;
		const later: Migration[] = [
			...MIGRATIONS,
			{ version: next + 1, what: 'a table', up: (s) => `CREATE TABLE ${s}.preferences (setting VARCHAR, value VARCHAR); INSERT INTO ${s}.preferences SELECT 'area', max(area_code) FROM ${s}.measure_values` },
			{ version: next, what: 'a column', up: (s) => `ALTER TABLE ${s}.notes ADD COLUMN author VARCHAR DEFAULT 'you'` }
		];
		const fresh = await emptyDatabase();
		await fresh.exec(`ALTER TABLE notes ADD COLUMN author VARCHAR; CREATE TABLE preferences (setting VARCHAR, value VARCHAR)`);
		const source = workspaceSource(new Uint8Array(await readFile(join(FIXTURES, 'workspace-v1-2026-11-29.json'))));
		expect(await loadWorkspace(fresh, source, { migrations: later })).toMatchObject({ schemaVersion: 1 });
		expect(await fresh.rows('SELECT author FROM notes')).toEqual([{ author: 'you' }]);
		expect(await fresh.rows('SELECT * FROM preferences')).toEqual([{ setting: 'area', value: 'E92000001' }]);
	});
});

describe('a file that is not a whole workspace of this version changes nothing', () => {
	test('each is refused with what is wrong', async () => {
		const fresh = await sampleDatabase();
		const before = await dumpTables(fresh);
		const good = text(await workspaceFile(db));
		const [header, index, ...rest] = good.split('\n');
		const legacy = JSON.parse(text(new Uint8Array(await readFile(join(FIXTURES, 'workspace-v1-2026-11-29.json')))));
		const withIndex = (change: (i: { schemaVersion: unknown; tables: { table: string }[] }) => void) => {
			const i = JSON.parse(index!);
			change(i);
			return [header, JSON.stringify(i), ...rest].join('\n');
		};
		const mv = legacy.tables.measure_values.rows as (string | null)[][];
		const variants: [string, string, RegExp][] = [
			['empty', '', /The file is empty/],
			['a CSV file', 'period,value\n2016/17 Q1,3\n', /not a workspace saved by this dashboard/],
			['another app’s JSON', JSON.stringify({ format: 'something-else', tables: {} }), /not a workspace saved by this dashboard/],
			// 5,000 characters cut, in bytes as UTF-8 (the example's settings have an en dash, its names a ’).
			['truncated', good.slice(0, good.length - 5000), new RegExp(`incomplete: it is ${new TextEncoder().encode(good.slice(-5000)).length.toLocaleString('en-GB')} bytes shorter than its index says`)],
			['truncated JSON', JSON.stringify(legacy).slice(0, 3000), /not JSON text/],
			['newer', withIndex((i) => (i.schemaVersion = 99)), /newer version of the dashboard \(schema version 99\); this version reads up to schema version \d+/],
			['version as text', JSON.stringify({ ...legacy, version: '1' }), /gives its version as "1", which is not a version number/],
			['no tables', JSON.stringify({ format: 'oba-dashboard-workspace', version: 1, tables: {} }), /It has no table "actions", "agencies".*the file is incomplete/],
			['no measures', JSON.stringify({ ...legacy, tables: { ...legacy.tables, measures: undefined } }), /It has no table "measures": the file is incomplete/],
			['unknown table', JSON.stringify({ ...legacy, tables: { ...legacy.tables, notes_v9: { columns: [['x', 'VARCHAR']], rows: [] } } }), /"notes_v9"/],
			['a value repeated', JSON.stringify({ ...legacy, tables: { ...legacy.tables, measure_values: { ...legacy.tables.measure_values, rows: [...mv, mv[0]] } } }),
				/"measure_values" has rows with the same measure_id, area_code, period_start, period_kind: \(M01, E06000012, 2014-04-01, quarter\) 2 times/],
			['a period moved', JSON.stringify({ ...legacy, tables: { ...legacy.tables, measure_values: { ...legacy.tables.measure_values, rows: [mv[0]!.map((c, k) => (k === 2 ? '2014-05-01' : c)), ...mv.slice(1)] } } }),
				/periods whose dates and label disagree: 2014\/15 Q1 \(quarter, 2014-05-01 to 2014-06-30\)/],
			['a value of a measure that is gone', JSON.stringify({ ...legacy, tables: { ...legacy.tables, measures: { ...legacy.tables.measures, rows: legacy.tables.measures.rows.filter((r: string[]) => r[0] !== 'M01') } } }),
				/values of measures that are gone \(M01\)/],
			['a bad cell', JSON.stringify({ ...legacy, tables: { ...legacy.tables, priorities: { ...legacy.tables.priorities, rows: [['one', 'x', null, null, null]] } } }), /does not fit/]
		];
		for (const [what, content, message] of variants) {
			const result = await openWorkspaceFile(fresh, bytesOf(content), `${what}.oba`);
			expect(result.ok, what).toBe(false);
			if (!result.ok) expect(result.problems[0]!.message, what).toMatch(message);
			expect(await dumpTables(fresh), what).toEqual(before);
		}
	});
});
