import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { join } from 'node:path';
import type { Database } from '../../src/lib/db/database';
import { createNodeEngine } from '../../src/lib/db/node-engine';
import { openDatabase } from '../../src/lib/db/open';
import { loadWorkspace } from '../../src/lib/db/load-workspace';
import { fileSource } from '../../src/lib/db/workspace-format';
import { describeProblem } from '../../src/lib/ingest/check/problems';
import { loadSample } from '../../src/lib/ingest/sample';
import type { Engine } from '../../src/lib/db/engine';
import { writeSettings } from '../../src/lib/db/queries/settings';
import { EXAMPLE_AREA } from './example';
import { areaDataFrom } from '../../src/lib/db/area-data-node';
import type { AreaData } from '../../src/lib/ingest/areas/area-figures';
import { Refused, type Command } from '../../src/lib/state/command';
import { workspaceCommands } from '../../src/lib/state/commands';

export const DATA_DIR = join(import.meta.dirname, '../../data');

let areas: Promise<AreaData> | null = null;

/** The published files of every area, compacted and indexed as the build does. */
export function areaData(): Promise<AreaData> {
	areas ??= areaDataFrom(DATA_DIR);
	return areas;
}

/** A database with nothing loaded but the example's area chosen, as the settings page leaves it: measures without an area_code are its. */
export async function databaseWithArea(engine?: Engine): Promise<Database> {
	const db = engine ? await openDatabase(engine) : await emptyDatabase();
	await db.transaction((s) => writeSettings(s, { area_code: EXAMPLE_AREA.code, area_name: EXAMPLE_AREA.name, partnership: null, plan_title: null, example: false }));
	return db;
}

export async function emptyDatabase(): Promise<Database> {
	return openDatabase(await createNodeEngine());
}

/**
 * The real engine with the app's own sample data loaded, as the built app opens it: from the
 * snapshot of the sample files' import that tests/setup/sample-snapshot.ts makes once per run.
 */
export async function sampleDatabase(): Promise<Database> {
	const db = await emptyDatabase();
	await loadWorkspace(db, fileSource(new Uint8Array(await readFile(inject('sampleSnapshot')))), { ours: true });
	return db;
}

/** The real engine with the app's own sample files imported one by one, as the snapshot is made. */
export async function importedSampleDatabase(): Promise<Database> {
	const db = await emptyDatabase();
	const outcomes = await loadSample(db, async (path) => new Uint8Array(await readFile(join(DATA_DIR, path))), await areaData());
	const errors = outcomes.flatMap((o) => o.problems).filter((p) => p.severity === 'error');
	if (errors.length) throw new Error(errors.slice(0, 10).map(describeProblem).join('\n'));
	return db;
}

/** The commands as the app runs them, on this database, without this browser's storage (command.ts keeps the tables). */
export async function commandsOn(db: Database) {
	const data = await areaData();
	return workspaceCommands({
		areaData: data,
		loadSample: async () => undefined,
		run: async <T>(command: Command<T>) => {
			const done = await command.body(db);
			return done instanceof Refused ? { ok: false as const, message: done.message } : { ok: true as const, value: done.value, tables: done.tables, storage: null };
		}
	});
}
