/**
 * The sample data as the build ships it, made in Node with the very code the browser runs:
 *  - the snapshot (snapshot.ts): the app's sample files from data/, imported through loadSample;
 *  - the answers (answers.ts): the home page's queries (loadHome) over that snapshot, loaded as
 *    the browser loads it.
 * Node only (it reads files and starts DuckDB's Node build); the browser only fetches the results.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeProblem } from '../ingest/check/problems';
import { areaDataFrom } from './area-data-node';
import { loadSample } from '../ingest/sample';
import { VIEWS_ANSWERED_AHEAD } from '../state/views-ahead';
import { recordAnswers } from './answers';
import { createNodeEngine } from './node-engine';
import { openDatabase } from './open';
import { loadWorkspace } from './load-workspace';
import { fileSource, workspaceFile } from './workspace-format';

/** The snapshot of what importing the sample files from `dataDir` yields. Throws if any file has an error. */
export async function sampleSnapshot(dataDir: string): Promise<Uint8Array> {
	const db = await openDatabase(await createNodeEngine());
	try {
		const outcomes = await loadSample(db, async (path) => new Uint8Array(await readFile(join(dataDir, path))), await areaDataFrom(dataDir));
		const errors = outcomes.flatMap((o) => o.problems).filter((p) => p.severity === 'error');
		if (errors.length) throw new Error(`The sample data does not import cleanly:\n${errors.slice(0, 10).map(describeProblem).join('\n')}`);
		return await workspaceFile(db);
	} finally {
		await db.close();
	}
}

/** The answers of VIEWS_ANSWERED_AHEAD over a database loaded from `snapshot`. */
export async function sampleAnswers(snapshot: Uint8Array): Promise<Uint8Array> {
	const db = await openDatabase(await createNodeEngine());
	try {
		await loadWorkspace(db, fileSource(snapshot), { ours: true });
		return await recordAnswers(db, VIEWS_ANSWERED_AHEAD);
	} finally {
		await db.close();
	}
}
