import { describe, expect, test } from 'vitest';
import { createNodeEngine } from '../../src/lib/db/node-engine';
import { arrowStreamOf, endsAsStream } from '../../src/lib/db/arrow-ipc';

describe('the stream inside the Arrow IPC file DuckDB answers with', () => {
	test('is the file between its magic and padding and its footer, a view of it, and DuckDB reads the rows back from it', async () => {
		const engine = await createNodeEngine();
		await engine.query(`CREATE SCHEMA parts; CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a'), (2, NULL), (3, 'c,"d"')) v(n, s)`);
		const file = await engine.arrowOut('SELECT * FROM t');
		expect(new TextDecoder().decode(file.subarray(0, 6))).toBe('ARROW1');
		const stream = arrowStreamOf(file)!;
		expect(stream.buffer).toBe(file.buffer);
		expect(stream.byteOffset - file.byteOffset).toBe(8);
		expect(endsAsStream(stream)).toBe(true);
		// DuckDB reads a file given as a stream as nothing at all, without an error: the reason for arrowStreamOf.
		await engine.insertArrow('parts', 'as_stream', stream.slice(), true);
		await engine.insertArrow('parts', 'as_file', file.slice(), true);
		const made = await engine.query(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'parts'`);
		expect(made.toArray().map((r) => r.table_name)).toEqual(['as_stream']);
		const back = await engine.query('SELECT n, s FROM parts.as_stream ORDER BY n');
		expect(back.toArray().map((r) => [r.n, r.s])).toEqual([[1, 'a'], [2, null], [3, 'c,"d"']]);
		await engine.close();
	});

	test('is null for a file cut short, one with its footer length damaged, or bytes that are no Arrow file', async () => {
		const engine = await createNodeEngine();
		const file = await engine.arrowOut(`SELECT 1 AS n`);
		expect(arrowStreamOf(file)).not.toBeNull();
		expect(arrowStreamOf(file.subarray(0, file.length - 1))).toBeNull();
		const damaged = file.slice();
		new DataView(damaged.buffer).setInt32(damaged.length - 10, damaged.length, true);
		expect(arrowStreamOf(damaged)).toBeNull();
		expect(arrowStreamOf(new TextEncoder().encode('ARROW1 is not enough to be a file ARROW1'))).toBeNull();
		expect(endsAsStream(arrowStreamOf(file)!.subarray(0, 20))).toBe(false);
		await engine.close();
	});
});
