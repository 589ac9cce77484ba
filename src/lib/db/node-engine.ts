import { tableFromIPC } from 'apache-arrow';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Engine } from './engine';
import { ENGINE_SETUP_SQL, QUERY_CONFIG } from './engine';

/**
 * DuckDB-WASM's Node build: the same engine and version as the browser's, for tests and the
 * command-line validator. It is synchronous; the Engine interface makes it look like the browser's.
 */
export async function createNodeEngine(): Promise<Engine> {
	const require = createRequire(import.meta.url);
	const duckdb = await import('@duckdb/duckdb-wasm/blocking');
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const bundles = {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate(() => {});
	db.open({ query: QUERY_CONFIG });
	const connection = db.connect();
	connection.query(ENGINE_SETUP_SQL);

	let written = 0;
	return {
		// DuckDB's own Arrow IPC, read with the app's apache-arrow (not the copy DuckDB's Node build
		// requires): the tables are of the same classes as in the browser, where one copy serves both.
		query: async (sql) => tableFromIPC(connection.useUnsafe((bindings, id) => bindings.runQuery(id, sql))),
		registerFile: async (name, bytes) => db.registerFileBuffer(name, bytes instanceof Blob ? new Uint8Array(await bytes.arrayBuffer()) : bytes),
		dropFile: async (name) => db.dropFile(name),
		copyOut: async (copy) => {
			// The Node build writes to the real file system: a file of our own in the temporary folder.
			const path = join(tmpdir(), `oba-out-${process.pid}-${++written}.csv`);
			try {
				connection.query(copy(path));
				return new Uint8Array(await readFile(path));
			} finally {
				await rm(path, { force: true });
			}
		},
		arrowOut: async (sql) => connection.useUnsafe((bindings, id) => bindings.runQuery(id, sql)),
		insertArrow: async (schema, table, bytes, create) => connection.insertArrowFromIPCStream(bytes, { schema, name: table, create }),
		close: async () => connection.close()
	};
}
