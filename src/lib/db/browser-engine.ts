import type { Engine } from './engine';
import { ENGINE_SETUP_SQL, QUERY_CONFIG } from './engine';
import { withDeadline } from './query-error';
// Self-hosted bundles: the app never fetches code from another origin. The threaded 'coi'
// bundle is left out: on two cores it started 2.5x slower and adds 34 MB.
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

const START_DEADLINE_MS = 30_000;

/** Starts DuckDB-WASM in a worker of this origin. Browser only: import it dynamically. */
export async function createBrowserEngine(): Promise<Engine> {
	const duckdb = await import('@duckdb/duckdb-wasm');
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	const start = async () => {
		performance.mark('oba:duckdb-worker-started');
		await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
		performance.mark('oba:duckdb-instantiated');
		await db.open({ query: QUERY_CONFIG });
		const connection = await db.connect();
		await connection.query(ENGINE_SETUP_SQL);
		return connection;
	};
	const connection = await withDeadline(start(), START_DEADLINE_MS, () => {
		worker.terminate();
		return new Error('The in-browser database (DuckDB) did not start within 30 seconds.');
	});

	return {
		query: (sql) => connection.query(sql),
		registerFile: (name, bytes) => db.registerFileBuffer(name, bytes),
		dropFile: async (name) => void (await db.dropFile(name)),
		close: async () => {
			await connection.close();
			await db.terminate();
		}
	};
}
