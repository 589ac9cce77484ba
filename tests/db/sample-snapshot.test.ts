// The snapshot the build ships instead of importing the sample files at every start: loading it
// must give exactly what importing those files gives, table by table, history and import log
// included, so that undo and History behave the same and the shipped data still comes from the
// import code.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { loadWorkspace } from '../../src/lib/db/load-workspace';
import { fileSource, workspaceFile, WORKSPACE_HEADER } from '../../src/lib/db/workspace-format';
import { importFile } from '../../src/lib/ingest/import-file';
import { EXAMPLE_IMPORTS } from '../../src/lib/ingest/sample';
import { dumpTables, tableNames } from '../../src/lib/ingest/table-text';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { emptyDatabase, importedSampleDatabase, sampleDatabase } from '../helpers/workspace';

/** Every table as text, but for when each import was made (two imports of the same files differ there). */
async function dumpAtNoTime(db: Database) {
	const dump = await dumpTables(db);
	const columns = await db.rows<{ name: string }>(`SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'imports' ORDER BY column_index`);
	const at = columns.findIndex((c) => c.name === 'imported_at');
	expect(at).toBeGreaterThanOrEqual(0);
	dump.imports = dump.imports!.map((row) => row.map((cell, i) => (i === at ? '(time)' : cell)));
	return dump;
}

async function counts(db: Database): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const table of await tableNames(db)) {
		const [row] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`);
		out[table] = row!.n;
	}
	return out;
}

const encode = (text: string) => new TextEncoder().encode(text);
// A file that is not a whole workspace is refused as it is read: both refusals reach the caller the same way.
const load = async (db: Database, file: Uint8Array) => loadWorkspace(db, fileSource(file));

let imported: Database;
let snapshot: Uint8Array;
let loaded: Database;
beforeAll(async () => {
	imported = await importedSampleDatabase();
	// Made for this run by sampleSnapshot(data/), as the build makes it (tests/setup/sample-snapshot.ts).
	snapshot = new Uint8Array(await readFile(inject('sampleSnapshot')));
	loaded = await emptyDatabase();
	await loadWorkspace(loaded, fileSource(snapshot));
});

describe('the sample snapshot', () => {
	test('lists every table of the schema that has rows, the import log and history included', async () => {
		const lines = new TextDecoder().decode(snapshot).split('\n');
		expect(lines[0]).toBe(WORKSPACE_HEADER);
		const listed = new Map((JSON.parse(lines[1]!) as { tables: { table: string; rows: number }[] }).tables.map((t) => [t.table, t.rows]));
		const want = await counts(imported);
		expect(want.imports).toBe(EXAMPLE_IMPORTS.length);
		expect(want.history_measures).toBeGreaterThan(0);
		for (const [table, n] of Object.entries(want)) expect(listed.get(table) ?? 0, table).toBe(n);
	});

	test('loaded, equals the sample files imported, table by table and cell by cell', async () => {
		const want = await dumpAtNoTime(imported);
		const got = await dumpAtNoTime(loaded);
		expect(Object.keys(got)).toEqual(Object.keys(want));
		for (const table of Object.keys(want)) expect(got[table], table).toEqual(want[table]);
	});

	test('keeps the import log as written, the times of the imports included', async () => {
		const again = await emptyDatabase();
		await loadWorkspace(again, fileSource(await workspaceFile(imported)));
		expect(await dumpTables(again)).toEqual(await dumpTables(imported));
	});

	test('undo works on the loaded snapshot as on the imported files', async () => {
		const a = await emptyDatabase();
		await loadWorkspace(a, fileSource(snapshot));
		const b = await importedSampleDatabase();
		for (const db of [a, b]) {
			const outcome = await importFile(db, { name: 'more.csv', bytes: encode('measure_id,measure,quadrant,period,value\nX01,Extra,How much did we do?,2018/19 Q1,4\n') });
			expect(outcome.problems.filter((p) => p.severity === 'error')).toEqual([]);
			expect((await undoImport(db, outcome.importId!)).undone).toBe(true);
			expect((await undoImport(db, EXAMPLE_IMPORTS.length)).undone).toBe(true); // the DfE indicators, the sample's last import
		}
		expect(await dumpAtNoTime(a)).toEqual(await dumpAtNoTime(b));
	});

	test('keeps every awkward cell: quotes, commas, line breaks, empty text apart from no value, long decimals', async () => {
		const db = await sampleDatabase();
		const measure = 'X01,"Awkward ""numbers"", and commas",How much did we do?';
		const awkward = [
			'measure_id,measure,quadrant,period,value,notes',
			`${measure},2018/19 Q1,0.30000000000000004,"two\nlines, ""quoted"""`,
			`${measure},2018/19 Q2,123456789.12345679,`,
			`${measure},2018/19 Q3,[c],Ünïcödé ✓`
		].join('\n');
		const outcome = await importFile(db, { name: 'awkward.csv', bytes: encode(awkward) });
		expect(outcome.problems.filter((p) => p.severity === 'error')).toEqual([]);
		await db.exec(`UPDATE measures SET description = '' WHERE measure_id = 'X01'`);
		const fresh = await emptyDatabase();
		await loadWorkspace(fresh, fileSource(await workspaceFile(db)));
		expect(await dumpAtNoTime(fresh)).toEqual(await dumpAtNoTime(db));
		const [x] = await fresh.rows<{ description: string | null }>(`SELECT description FROM measures WHERE measure_id = 'X01'`);
		expect(x!.description).toBe('');
	});

	test('is refused whole, leaving the database empty, when it is not a snapshot, is cut short or does not fit', async () => {
		const db = await emptyDatabase();
		const text = new TextDecoder().decode(snapshot);
		await expect(load(db, encode('INSERT INTO imports VALUES (1)'))).rejects.toThrow(/not a workspace saved by this dashboard/);
		await expect(load(db, snapshot.slice(0, snapshot.byteLength - 10))).rejects.toThrow(/incomplete/);
		const renamed = text.replace('["review","DATE"]', '["no_such_column","DATE"]');
		expect(renamed).not.toBe(text);
		await expect(load(db, encode(renamed))).rejects.toThrow();
		const badValue = text.replace(',2016-12-01,', ',2016-13-01,');
		expect(badValue).not.toBe(text);
		await expect(load(db, encode(badValue))).rejects.toThrow();
		expect(Object.values(await counts(db)).every((n) => n === 0)).toBe(true);
		// and the same database then takes the snapshot whole
		await loadWorkspace(db, fileSource(snapshot));
		expect(await dumpAtNoTime(db)).toEqual(await dumpAtNoTime(imported));
	});
});
