// The tests' digest of every table (tests/helpers/tables-digest.ts) stands in for a cell-by-cell dump
// when proving an import or a preview changed nothing: it must tell apart every change a dump would.
import { expect, test } from 'vitest';
import { dumpTables } from '../../src/lib/ingest/table-text';
import { tablesDigest } from '../helpers/tables-digest';
import { sampleDatabase } from '../helpers/workspace';

test('changes with any cell, a row, NULL against the text NULL, and a comma inside a cell against two cells', async () => {
	const db = await sampleDatabase();
	const sample = await tablesDigest(db);
	expect(Object.keys(sample)).toEqual(Object.keys(await dumpTables(db)));
	expect(sample.measure_values!.rows).toBe((await db.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM measure_values'))[0]!.n);

	const changed = async (sql: string, undo: string) => {
		await db.exec(sql);
		const digest = await tablesDigest(db);
		await db.exec(undo);
		expect(await tablesDigest(db)).toEqual(sample);
		return Object.keys(sample).filter((t) => digest[t]!.md5 !== sample[t]!.md5 || digest[t]!.rows !== sample[t]!.rows);
	};
	const m19 = `measure_id = 'M19' AND period_label = '2018/19 Q4'`;
	expect(await changed(`UPDATE measure_values SET value = value + 1e-9 WHERE ${m19}`, `UPDATE measure_values SET value = 80 WHERE ${m19}`)).toEqual(['measure_values']);
	expect(await changed(`CREATE TEMP TABLE kept AS SELECT * FROM measure_values WHERE ${m19}; DELETE FROM measure_values WHERE ${m19}`,
		`INSERT INTO measure_values SELECT * FROM kept; DROP TABLE kept`)).toEqual(['measure_values']);

	await db.exec(`CREATE TABLE pairs (a VARCHAR, b VARCHAR)`);
	const of = async (values: string) => {
		await db.exec(`DELETE FROM pairs; INSERT INTO pairs VALUES ${values}`);
		return (await tablesDigest(db)).pairs!.md5;
	};
	expect(await of(`(NULL, 'x')`)).not.toBe(await of(`('NULL', 'x')`));
	expect(await of(`('a,b', 'c')`)).not.toBe(await of(`('a', 'b,c')`));
	expect(await of(`('a', NULL)`)).toBe(await of(`('a', NULL)`));
});
