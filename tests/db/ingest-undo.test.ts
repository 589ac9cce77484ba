import { beforeAll, describe, expect, test } from 'vitest';
import { tablesDigest } from '../helpers/tables-digest';
import type { Database } from '../../src/lib/db/database';
import { DATA_TABLES, REFERENCES, USER_TABLES } from '../../src/lib/db/schema';
import { importFile } from '../../src/lib/ingest/import-file';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { corpusBytes } from '../fixtures/ingest/corpus';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');
const m19 = (value: string) => csv(['measure_id,measure,period,value', `M19,Return interviews offered within 72 hours (%),2018/19 Q4,${value}`]);
async function imported(name: string, bytes: Uint8Array): Promise<number> {
	const outcome = await importFile(db, { name, bytes });
	expect(outcome.problems.filter((p) => p.severity === 'error')).toEqual([]);
	return outcome.importId!;
}

describe('undoing an import', () => {
	test('the data model lists every table with a key, and the sample refers to nothing missing', async () => {
		const keyed = await db.rows<{ table_name: string; constraint_column_names: string[] }>(`
			SELECT table_name, constraint_column_names FROM duckdb_constraints()
			WHERE constraint_type = 'PRIMARY KEY' AND table_name <> 'imports' AND database_name = current_database()`);
		// Every keyed table is written by imports (with history) or added to by the user (without);
		// measure_values' key is kept by the import, without an index (see schema.ts).
		expect(Object.fromEntries(keyed.map((k) => [k.table_name, [...k.constraint_column_names]]))).toEqual(
			Object.fromEntries(Object.entries({ ...DATA_TABLES, ...USER_TABLES }).filter(([t]) => t !== 'measure_values').map(([t, k]) => [t, [...k]]))
		);
		for (const [table, key] of Object.entries(DATA_TABLES)) {
			const [repeated] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM (SELECT ${key.join(', ')} FROM ${table} GROUP BY ALL HAVING count(*) > 1)`);
			expect(repeated!.n, table).toBe(0);
		}
		for (const r of REFERENCES) {
			const [n] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM ${r.table} WHERE ${r.column} NOT IN (SELECT ${r.toColumn} FROM ${r.to})`);
			expect(n!.n, r.what).toBe(0);
		}
	});

	test('puts back exactly the values a re-import replaced', async () => {
		const before = await tablesDigest(db);
		const id = await imported('m19.csv', corpusBytes('ok-reimport-existing-measure.csv'));
		const history = await db.rows<{ change: string; n: number }>(
			`SELECT change, count(*) AS n FROM history_measure_values WHERE changed_by = ${id} GROUP BY ALL ORDER BY change`);
		// The 3 written values are known by their import_id (ADDED_BY_IMPORT_ID): only the 2 replaced are copied.
		expect(history).toEqual([{ change: 'removed', n: 2 }]);
		expect(await db.rows(`SELECT count(*) AS n FROM measure_values WHERE import_id = ${id}`)).toEqual([{ n: 3 }]);
		expect(await undoImport(db, id)).toMatchObject({ undone: true, file: 'm19.csv' });
		expect(await tablesDigest(db)).toEqual(before);
	});

	test('an import a later one changed again is refused until the later one is undone; then both undo exactly', async () => {
		const before = await tablesDigest(db);
		const first = await imported('first.csv', m19('91'));
		const second = await imported('second.csv', m19('95'));
		const refused = await undoImport(db, first);
		expect(refused).toMatchObject({ undone: false, blockedBy: [{ importId: second, file: 'second.csv' }] });
		expect(refused.message).toMatch(/Later imports changed the same rows/);
		expect((await db.rows(`SELECT value FROM measure_values WHERE measure_id = 'M19' AND period_label = '2018/19 Q4'`))[0]).toEqual({ value: 95 });
		expect((await undoImport(db, second)).undone).toBe(true);
		expect((await db.rows(`SELECT value FROM measure_values WHERE measure_id = 'M19' AND period_label = '2018/19 Q4'`))[0]).toEqual({ value: 91 });
		expect((await undoImport(db, first)).undone).toBe(true);
		expect(await tablesDigest(db)).toEqual(before);
	});

	test('imports on other rows undo in any order', async () => {
		const before = await tablesDigest(db);
		const a = await imported('a.csv', corpusBytes('ok-crlf.csv'));
		const b = await imported('b.csv', corpusBytes('ok-tabs.txt'));
		expect((await undoImport(db, a)).undone).toBe(true);
		expect((await undoImport(db, b)).undone).toBe(true);
		expect(await tablesDigest(db)).toEqual(before);
	});

	test('an import that later data relies on is refused, saying what would be left dangling', async () => {
		const before = await tablesDigest(db);
		const agencies = await imported('agencies.csv', corpusBytes('ok-agencies.csv'));
		const measure = await imported('barnardos.csv', csv(['measure_id,measure,quadrant,agency,period,value', "B99,Sessions,How much did we do?,Barnardo's CSE service,2018/19 Q1,3"]));
		const refused = await undoImport(db, agencies);
		expect(refused).toMatchObject({ undone: false, blockedBy: [] });
		expect(refused.message).toMatch(/would leave measures without their agency \(barnardos\)/);
		expect((await undoImport(db, measure)).undone).toBe(true);
		expect((await undoImport(db, agencies)).undone).toBe(true);
		expect(await tablesDigest(db)).toEqual(before);
	});

	test('the sample’s own files can be undone too, newest first', async () => {
		const log = await db.rows<{ import_id: number; file_name: string }>('SELECT import_id, file_name FROM imports ORDER BY import_id DESC');
		// The example's own files, the neighbour model last of them, then its area's published figures.
		expect(log.slice(0, 3).map((l) => l.file_name)).toEqual([
			'c3_factors_identified_at_end_of_assessment_2018_to_2025.csv', 'ons_mid-year_population_estimates_2012_to_2024.csv', 'statistical-neighbours-2025.csv'
		]);
		expect((await undoImport(db, log[0]!.import_id)).undone).toBe(true);
		const [dfe] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM measure_values WHERE measure_id LIKE 'dfe-%'`);
		expect(dfe!.n).toBe(0);
		expect((await undoImport(db, log[1]!.import_id)).undone).toBe(true);
		expect(await db.rows(`SELECT count(*) AS n FROM populations`)).toEqual([{ n: 0 }]);
		// The neighbour model: its 1,530 rows go (153 authorities, ten neighbours each).
		expect(await db.rows(`SELECT count(*) AS n FROM statistical_neighbours`)).toEqual([{ n: 1530 }]);
		expect((await undoImport(db, log[2]!.import_id)).undone).toBe(true);
		expect(await db.rows(`SELECT count(*) AS n FROM statistical_neighbours`)).toEqual([{ n: 0 }]);
		// The plan's items are rated in the sample reviews: undoing the plan would leave those ratings dangling.
		const plan = log.find((l) => l.file_name === 'action-plan.csv')!;
		expect((await undoImport(db, plan.import_id)).message).toMatch(/RAG ratings of items that are gone/);
	});

	test('an import that does not exist is said so', async () => {
		expect(await undoImport(db, 999)).toMatchObject({ undone: false, file: null, message: 'There is no import number 999 to undo.' });
	});
});
