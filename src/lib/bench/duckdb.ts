import type { Engine } from '../db/engine';
import { checksum, fetchBytes, type Timed } from './types';

export const AGGREGATE_SQL = `SELECT measure_id, period, count(*) AS n, avg(TRY_CAST(value AS DOUBLE)) AS mean FROM t GROUP BY ALL`;

/** DuckDB's own accounting of its memory (buffer manager), in bytes; not the whole wasm heap. */
export async function duckdbMemoryBytes(query: (sql: string) => Promise<{ toArray(): unknown[] }>): Promise<number | null> {
	const table = await query('SELECT sum(memory_usage_bytes) AS bytes FROM duckdb_memory()');
	const row = table.toArray()[0] as { toJSON(): { bytes: number | null } } | undefined;
	const bytes = row?.toJSON().bytes;
	return typeof bytes === 'number' ? bytes : null;
}

/** registerFile, read_csv into table t, the aggregation; each step timed. */
async function readAndAggregate(engine: Engine, bytes: Uint8Array) {
	const t0 = performance.now();
	await engine.registerFile('bench.csv', bytes);
	const t1 = performance.now();
	await engine.query(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('bench.csv', all_varchar = true)`);
	const t2 = performance.now();
	const groups = (await engine.query(AGGREGATE_SQL)).toArray().map((r) => (r as { toJSON(): { n: number; mean: number | null } }).toJSON());
	const t3 = performance.now();
	await engine.dropFile('bench.csv');
	return { ms: t3 - t0, result: checksum(groups), register_ms: t1 - t0, read_csv_ms: t2 - t1, aggregate_ms: t3 - t2 };
}

/** The header and the first `lines` records of a CSV (no quoted line breaks in the generated files). */
function firstLines(bytes: Uint8Array, lines: number): Uint8Array {
	let end = 0;
	for (let n = 0; n <= lines; n++) {
		const next = bytes.indexOf(10, end);
		if (next < 0) return bytes.slice();
		end = next + 1;
	}
	return bytes.slice(0, end);
}

/**
 * The floor for this stack: read_csv of the registered bytes into a table, then the aggregation,
 * in a DuckDB like the app's before its first large import: its wasm optimised (a first engine has
 * run the same work, untimed), its reader warmed on the first 10,000 lines (as the Import page's
 * rehearsal warms the app's), but its heap not yet grown to hold a large file. Growing it is part
 * of any first large read: on these machines a new page of memory costs about 3 ms a MB, and a
 * million rows take hundreds of MB. The same work again, on the grown heap, is reported beside it.
 */
export async function duckdbReadCsv(url: string): Promise<Timed> {
	const { createBrowserEngine } = await import('../db/browser-engine');
	const { bytes, download_ms } = await fetchBytes(url);
	const first = await withEngine(createBrowserEngine, (engine) => readAndAggregate(engine, bytes.slice())); // registering hands the bytes over
	const [timed, again, memory] = await withEngine(createBrowserEngine, async (engine) => [
		await readAndAggregate(engine, firstLines(bytes, 10_000)).then(() => readAndAggregate(engine, bytes.slice())),
		await readAndAggregate(engine, bytes.slice()),
		await duckdbMemoryBytes((sql) => engine.query(sql))
	] as const);
	return {
		bytes: bytes.byteLength,
		download_ms,
		ms: timed.ms,
		result: timed.result,
		detail: {
			register_ms: timed.register_ms,
			read_csv_ms: timed.read_csv_ms,
			aggregate_ms: timed.aggregate_ms,
			first_run_ms: first.ms,
			grown_heap_ms: again.ms,
			grown_heap_read_csv_ms: again.read_csv_ms,
			duckdb_memory_bytes: memory
		}
	};
}

async function withEngine<T>(create: () => Promise<Engine>, work: (engine: Engine) => Promise<T>): Promise<T> {
	const engine = await create();
	try {
		return await work(engine);
	} finally {
		await engine.close();
	}
}
