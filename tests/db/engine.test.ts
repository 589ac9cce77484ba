import { describe, expect, test } from 'vitest';
import { Database } from '../../src/lib/db/database';
import { createNodeEngine } from '../../src/lib/db/node-engine';
import { QueryError } from '../../src/lib/db/query-error';
import { num } from '../../src/lib/db/sql';

describe('the database module on the real DuckDB engine', () => {
	test('returns numbers, not BigInt, and plain rows', async () => {
		const db = new Database(await createNodeEngine());
		const rows = await db.rows<{ n: number; d: Date }>("SELECT 42::BIGINT AS n, DATE '2016-12-01' AS d");
		expect(rows[0]!.n).toBe(42);
		expect(typeof rows[0]!.n).toBe('number');
	});

	test('a number written into SQL with num() reads back as the very same number', async () => {
		const db = new Database(await createNodeEngine());
		// A plain decimal literal would read the first of these back one unit in the last place off.
		const numbers = [-0.9514285714285793, 0.30000000000000004, 123456789.12345679, 1e21, -5e-324, 42, -7];
		const rows = await db.rows<Record<string, number>>(`SELECT ${numbers.map((n, i) => `${num(n)} AS n${i}`).join(', ')}`);
		expect(numbers.map((_, i) => rows[0]![`n${i}`])).toEqual(numbers);
		expect(num(Number.NaN)).toBe('NULL');
	});

	test('an error carries the SQL that failed', async () => {
		const db = new Database(await createNodeEngine());
		const error = await db.rows('SELECT * FROM no_such_table').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(QueryError);
		expect((error as QueryError).sql).toBe('SELECT * FROM no_such_table');
		expect((error as QueryError).message).toMatch(/no_such_table/);
	});

	test('a failed transaction leaves the data as it was', async () => {
		const db = new Database(await createNodeEngine());
		await db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2)');
		await expect(
			db.transaction(async (s) => {
				await s.exec('INSERT INTO t VALUES (3)');
				await s.exec('INSERT INTO t VALUES (\'not a number\')');
			})
		).rejects.toBeInstanceOf(QueryError);
		expect(await db.rows('SELECT x FROM t ORDER BY x')).toEqual([{ x: 1 }, { x: 2 }]);
	});

	test('reads a registered CSV through read_csv', async () => {
		const db = new Database(await createNodeEngine());
		await db.registerFile('a.csv', new TextEncoder().encode('period,value\n2016/17 Q3,12\n'));
		expect(await db.rows("SELECT * FROM read_csv('a.csv', all_varchar = true)")).toEqual([
			{ period: '2016/17 Q3', value: '12' }
		]);
	});
});
