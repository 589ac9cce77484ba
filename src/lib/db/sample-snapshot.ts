/**
 * The sample data as a database snapshot (see snapshot.ts), made at build time in Node with the
 * very import code the browser runs: the app's sample files, read from data/, through loadSample.
 * Node only (it reads files and starts DuckDB's Node build); the browser only fetches the result.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeProblem } from '../ingest/problems';
import { loadSample } from '../ingest/sample';
import { createNodeEngine } from './node-engine';
import { openDatabase } from './open';
import { snapshotFile } from './snapshot';

/** The snapshot of what importing the sample files from `dataDir` yields. Throws if any file has an error. */
export async function sampleSnapshot(dataDir: string): Promise<Uint8Array> {
	const db = await openDatabase(await createNodeEngine());
	try {
		const outcomes = await loadSample(db, async (path) => new Uint8Array(await readFile(join(dataDir, path))));
		const errors = outcomes.flatMap((o) => o.problems).filter((p) => p.severity === 'error');
		if (errors.length) throw new Error(`The sample data does not import cleanly:\n${errors.slice(0, 10).map(describeProblem).join('\n')}`);
		return await snapshotFile(db);
	} finally {
		await db.close();
	}
}
