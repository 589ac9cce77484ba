// What the benchmark harness (scripts/bench/run.js) calls on /bench/ through `window.__bench`.
import { appDuckdbMemoryBytes, appIngest, appStagedTables } from './app-ingest';
import { duckdbReadCsv } from './duckdb';
import { timeInWorker } from './in-worker';
import PapaparseWorker from './papaparse.worker?worker';
import ArqueroWorker from './arquero.worker?worker';

export const bench = {
	duckdbReadCsv,
	papaparseJs: (url: string) => timeInWorker(PapaparseWorker, url),
	arquero: (url: string) => timeInWorker(ArqueroWorker, url),
	appIngest,
	appDuckdbMemoryBytes,
	appStagedTables
};

export type BenchApi = typeof bench & { goto: (path: string) => Promise<void> };

declare global {
	interface Window {
		__bench?: BenchApi;
	}
}
