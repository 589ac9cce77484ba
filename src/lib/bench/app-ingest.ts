// The app's own import code (importFile into the workspace that every page shares), without the
// Import page around it: what the harness measures when /import/ does not exist yet.
import { duckdbMemoryBytes } from './duckdb';
import { fetchBytes } from './types';
import { DERIVED_TABLES } from '../db/open';
import { str } from '../db/sql';

export interface Ingested {
	bytes: number;
	download_ms: number;
	/** From bytes in hand to the import committed. */
	ms: number;
	/** performance.now() at the start and end of `ms`, to find the long tasks in between. */
	start: number;
	end: number;
	rows_written: number;
	errors: string[];
}

async function workspaceDb() {
	const { workspace } = await import('../state/workspace.svelte');
	return workspace.open();
}

/** Imports `first` (untimed: e.g. the areas the measures need), then times importing `url`. */
export async function appIngest(url: string, first: string[] = []): Promise<Ingested> {
	const [db, { importFile }] = await Promise.all([workspaceDb(), import('../ingest/import-file')]);
	for (const before of first) {
		const outcome = await importFile(db, { name: before.split('/').pop() ?? 'first.csv', bytes: (await fetchBytes(before)).bytes, source: 'imported' });
		if (outcome.importId === null) throw new Error(`${before} was refused: ${outcome.problems.map((p) => p.message).slice(0, 3).join('; ')}`);
	}
	const { bytes, download_ms } = await fetchBytes(url);
	const start = performance.now();
	const outcome = await importFile(db, { name: url.split('/').pop() ?? 'bench.csv', bytes, source: 'imported' });
	const end = performance.now();
	return {
		bytes: bytes.byteLength,
		download_ms,
		ms: end - start,
		start,
		end,
		rows_written: outcome.rowsWritten,
		errors: outcome.problems.filter((p) => p.severity === 'error').slice(0, 3).map((p) => p.message)
	};
}

/** DuckDB's memory as the app's workspace sees it (after whatever was imported into it). */
export async function appDuckdbMemoryBytes(): Promise<number | null> {
	const db = await workspaceDb();
	return duckdbMemoryBytes((sql) => db.query(sql));
}

/** The temporary tables DuckDB holds besides those it derives (home_values …): what an import's preview staged and has not dropped. */
export async function appStagedTables(): Promise<string[]> {
	const db = await workspaceDb();
	const rows = await db.rows<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables()
		WHERE temporary AND table_name NOT IN (${DERIVED_TABLES.map(str).join(', ')}) ORDER BY 1`);
	return rows.map((r) => r.name);
}
