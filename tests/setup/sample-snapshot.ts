// vitest globalSetup of the db and component projects: imports the sample files once per run, with
// the app's own import code, into the snapshot the build ships (src/lib/db/sample-snapshot.ts), and
// provides where it is written as `sampleSnapshot`. Tests then open the sample as the built app
// does, from that snapshot (tests/helpers/workspace.ts: sampleDatabase), in a fraction of the time
// an import takes; tests/db/sample-snapshot.test.ts proves the two give the same tables.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { sampleSnapshot } from '../../src/lib/db/sample-snapshot';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The sample snapshot's file, made for this run. */
		sampleSnapshot: string;
	}
}

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

/** The snapshot's file, made by the first project that asks and shared with the next (one main process). */
const shared = globalThis as { obaSampleSnapshot?: Promise<string> };

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
	const first = shared.obaSampleSnapshot === undefined;
	shared.obaSampleSnapshot ??= (async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'oba-sample-'));
		const file = path.join(dir, 'sample-snapshot.txt');
		await writeFile(file, await sampleSnapshot(DATA_DIR));
		return file;
	})();
	const file = await shared.obaSampleSnapshot;
	project.provide('sampleSnapshot', file);
	return first ? () => rm(path.dirname(file), { recursive: true, force: true }) : undefined;
}
