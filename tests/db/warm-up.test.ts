import { beforeAll, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { previewImport, discardPreview } from '../../src/lib/ingest/preview';
import { dumpTables } from '../../src/lib/ingest/table-text';
import { rehearsalFile, warmUp } from '../../src/lib/ingest/stage/warm-up';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

test('the rehearsal file is a valid measures file that goes through every step of a preview', async () => {
	const preview = await previewImport(db, { name: 'rehearsal.csv', bytes: rehearsalFile(4000) });
	expect(preview.outcome.problems).toEqual([]);
	expect(preview.ready).toBe(true);
	expect(preview.outcome.rowCount).toBe(4000);
	expect(preview.changes).toHaveLength(80);
	await discardPreview(db, preview);
});

test('rehearsing writes nothing and leaves no temporary table', async () => {
	const before = await dumpTables(db);
	const temporary = async () => (await db.rows<{ n: number }>('SELECT count(*) AS n FROM duckdb_tables() WHERE temporary'))[0]!.n;
	const tables = await temporary();
	await warmUp(db);
	expect(await dumpTables(db)).toEqual(before);
	expect(await temporary()).toBe(tables);
});

test('a rehearsal stopped by a file the user chose rejects at its next step and leaves nothing behind', async () => {
	const before = await dumpTables(db);
	const temporary = async () => (await db.rows<{ n: number }>('SELECT count(*) AS n FROM duckdb_tables() WHERE temporary'))[0]!.n;
	const tables = await temporary();
	const stop = new AbortController();
	const rehearsal = warmUp(db, 4000, stop.signal);
	stop.abort(new DOMException('A file was chosen.', 'AbortError'));
	await expect(rehearsal).rejects.toThrow('A file was chosen.');
	expect(await dumpTables(db)).toEqual(before);
	expect(await temporary()).toBe(tables);
});
