import type { Engine } from './engine';
import { ENGINE_SETUP_SQL, QUERY_CONFIG } from './engine';
import { withDeadline } from './query-error';
// Self-hosted bundles: the app never fetches code from another origin. The threaded 'coi'
// bundle is left out: on two cores it started 2.5x slower and adds 34 MB. Of the other two, 'eh'
// (WebAssembly exceptions, in every current browser) started faster than 'mvp' every time here.
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import startWorkerUrl from './duckdb-start.worker?worker&url';

const START_DEADLINE_MS = 30_000;

const BUNDLES = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

/**
 * DuckDB's worker for a bundle, fetching and compiling its .wasm from the start
 * (duckdb-start.worker.ts). The dev server serves workers as modules, where that classic script
 * cannot load DuckDB's: there, DuckDB's own worker.
 */
function startWorker(bundle: { mainModule: string; mainWorker: string | null }): Worker {
	const absolute = (url: string) => new URL(url, location.href).href;
	const worker = import.meta.env.DEV
		? new Worker(bundle.mainWorker!)
		: new Worker(absolute(startWorkerUrl), { name: JSON.stringify({ worker: absolute(bundle.mainWorker!), wasm: absolute(bundle.mainModule) }) });
	performance.mark('oba:duckdb-worker-started');
	return worker;
}

/** Starts DuckDB-WASM in a worker of this origin. Browser only. */
export async function createBrowserEngine(): Promise<Engine> {
	// The worker first, for the likely bundle: it compiles the .wasm while DuckDB's JavaScript
	// loads here. Should DuckDB choose the other bundle, that worker is replaced.
	let worker = startWorker(BUNDLES.eh);
	// Imported here, not above: the page's server-side rendering must not load DuckDB's Node build.
	const duckdb = await import('@duckdb/duckdb-wasm');
	const bundle = await duckdb.selectBundle(BUNDLES);
	if (bundle.mainModule !== BUNDLES.eh.mainModule) {
		worker.terminate();
		worker = startWorker(bundle);
	}
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	const start = async () => {
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

	let written = 0;
	return {
		query: (sql) => connection.query(sql),
		registerFile: (name, bytes) => (bytes instanceof Blob
			? db.registerFileHandle(name, bytes, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true)
			: db.registerFileBuffer(name, bytes)),
		dropFile: async (name) => void (await db.dropFile(name)),
		copyOut: async (copy) => {
			const name = `oba-out-${++written}.csv`;
			await db.registerEmptyFileBuffer(name);
			try {
				await connection.query(copy(name));
				return await db.copyFileToBuffer(name);
			} finally {
				await db.dropFile(name);
			}
		},
		arrowOut: (sql) => connection.useUnsafe((bindings, id) => bindings.runQuery(id, sql)),
		insertArrow: (schema, table, bytes, create) => connection.insertArrowFromIPCStream(bytes, { schema, name: table, create }),
		close: async () => {
			await connection.close();
			await db.terminate();
		}
	};
}
