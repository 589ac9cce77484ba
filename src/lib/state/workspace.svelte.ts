import { answersSession } from '../db/answers';
import { createBrowserEngine } from '../db/browser-engine';
import type { Database, Session } from '../db/database';
import { openDatabase } from '../db/open';
import { loadSnapshot } from '../db/snapshot';
import type { ImportOutcome } from '../ingest/import-file';
import { keptCount } from './browser-store';
import { openKeptWorkspace, restoreKept } from './restore-kept';
import { sampleWanted, savedFile, savedImports } from './saved-imports';
import { answersUrl, snapshotUrl } from 'virtual:oba/sample';

/** Sample files, bundled as same-origin assets: nothing is fetched from anywhere else. */
const SAMPLE_URLS = import.meta.glob('/data/**/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

async function fetchBytes(url: string, what: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${what} could not be loaded (HTTP ${response.status}).`);
	return new Uint8Array(await response.arrayBuffer());
}

function fetchSample(path: string): Promise<Uint8Array> {
	const url = SAMPLE_URLS[`/data/${path}`];
	if (!url) throw new Error(`The sample file ${path} is missing from the build.`);
	return fetchBytes(url, `The sample file ${path}`);
}

type Status = 'idle' | 'starting' | 'loading' | 'ready' | 'failed';

/**
 * The browser's one database, started as the app starts (the root layout's load) and shared by
 * every page. `version` moves on whenever the data changes, so views that read it re-run their
 * queries.
 */
class Workspace {
	status = $state<Status>('idle');
	error = $state<string | null>(null);
	version = $state(0);
	loadProblems = $state<ImportOutcome[]>([]);
	#opening: Promise<Database> | null = null;
	#ahead: Promise<Session | null> | null = null;
	#kept: Promise<{ wanted: boolean; files: number }> | null = null;
	/** Set once a rehearsal of the import path has run to its end (see rehearseImport). */
	#rehearsed = false;
	#rehearsal: AbortController | null = null;
	/** Files being checked or written now: no rehearsal runs meanwhile. */
	#importing = 0;

	/**
	 * What this browser keeps, asked once: whether it wants the sample, and how many things it puts
	 * back over it (imported files, an opened workspace, locked forecasts, notes; unreadable: some).
	 */
	#keeps(): Promise<{ wanted: boolean; files: number }> {
		this.#kept ??= Promise.all([sampleWanted().catch(() => true), keptCount().catch(() => 1)]).then(([wanted, files]) => ({ wanted, files }));
		return this.#kept;
	}

	/**
	 * Readies the import path for a large file while the user chooses one (see ingest/warm-up.ts),
	 * when the browser is idle and no file is being checked or written, until one rehearsal has run
	 * to its end: one stopped for a file chosen meanwhile is tried again once that file is done.
	 */
	rehearseImport(): void {
		if (this.#rehearsed || this.#rehearsal || this.#importing > 0) return;
		const rehearsal = (this.#rehearsal = new AbortController());
		const { signal } = rehearsal;
		const idle = (work: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 200));
		void this.open().then((db) => idle(() => {
			if (signal.aborted) return;
			void import('../ingest/read-in-worker').then(({ readerAhead }) => readerAhead());
			void import('../ingest/warm-up')
				.then(({ warmUp }) => warmUp(db, undefined, signal))
				.then(() => {
					this.#rehearsed = true;
					performance.mark('oba:import-rehearsed');
				}, () => undefined)
				.finally(() => {
					if (this.#rehearsal === rehearsal) this.#rehearsal = null;
				});
		}));
	}

	/**
	 * A file is being checked or written: a rehearsal, if going, stops at its next step and leaves
	 * the database to it. Call the function returned when that is over.
	 */
	importing(): () => void {
		this.#importing++;
		this.#rehearsal?.abort();
		this.#rehearsal = null;
		let over = false;
		return () => {
			if (over) return;
			over = true;
			this.#importing--;
			void import('../ingest/read-in-worker').then(({ readerAhead }) => readerAhead());
			this.rehearseImport();
		};
	}

	/** Says the data changed (an import, an undo): every view re-runs its queries. */
	changed(): void {
		this.version++;
	}

	open(): Promise<Database> {
		this.#opening ??= this.#start().catch((error: unknown) => {
			this.status = 'failed';
			this.error = error instanceof Error ? error.message : String(error);
			this.#opening = null;
			throw error;
		});
		return this.#opening;
	}

	/**
	 * While the database starts: a session answering the home page's queries over the sample data
	 * from the answers the build recorded (see db/answers.ts), when the sample is all this browser
	 * holds (it keeps no imports and the sample was not cleared); else, or once ready, null.
	 */
	ahead(): Promise<Session | null> {
		if (this.status === 'ready' || !answersUrl) return Promise.resolve(null);
		const url = answersUrl;
		this.#ahead ??= (async () => {
			const answers = fetchBytes(url, 'The sample answers'); // while the browser's storage is asked
			answers.catch(() => {});
			const { wanted, files } = await this.#keeps();
			return wanted && files === 0 ? answersSession(await answers) : null;
		})().catch(() => null);
		return this.#ahead;
	}

	async #start(): Promise<Database> {
		this.status = 'starting';
		const engine = createBrowserEngine();
		void this.ahead(); // the answers download now, should a view want them
		// The browser's storage is asked, and the sample snapshot downloads, while DuckDB compiles.
		const wanted = this.#keeps().then(({ wanted }) => wanted);
		const snapshot = wanted.then((w) => (w && snapshotUrl ? fetchBytes(snapshotUrl, 'The sample snapshot') : null));
		snapshot.catch(() => {}); // handled where it is awaited
		const db = await openDatabase(await engine);
		performance.mark('oba:database-started');
		this.status = 'loading';
		// An opened workspace file, kept in this browser, stands in for the sample data.
		const kept = await openKeptWorkspace(db);
		const outcomes = !kept.opened && (await wanted) ? await this.#sample(db, snapshot) : [];
		outcomes.push(...kept.problems);
		performance.mark('oba:sample-loaded');
		outcomes.push(...(await this.#replay(db)));
		await restoreKept(db);
		this.loadProblems = outcomes.filter((o) => o.problems.some((p) => p.severity === 'error'));
		// No version bump: every view waits on open() for its first answer, so it has none to redo.
		this.status = 'ready';
		return db;
	}

	/**
	 * The sample data: the snapshot the build made of it (one query), or else, as in dev or should
	 * the snapshot fail, the sample files themselves through the import path.
	 */
	async #sample(db: Database, snapshot: Promise<Uint8Array | null>): Promise<ImportOutcome[]> {
		try {
			const bytes = await snapshot;
			if (bytes) {
				await loadSnapshot(db, bytes);
				return [];
			}
		} catch (error) {
			console.warn(`Importing the sample files: the sample snapshot could not be loaded (${error instanceof Error ? error.message : String(error)}).`);
		}
		const { loadSample, SAMPLE_FILES } = await import('../ingest/sample');
		const files = new Map(await Promise.all(SAMPLE_FILES.map(async (f) => [f.path, await fetchSample(f.path)] as const)));
		return loadSample(db, async (path) => files.get(path)!);
	}

	/** The user's own imports, kept in this browser, through the same import path as before. */
	async #replay(db: Database): Promise<ImportOutcome[]> {
		const saved = await savedImports().catch(() => []);
		if (saved.length === 0) return [];
		const [{ previewImport, discardPreview }, { commitImport }, { readInWorker }] = await Promise.all([
			import('../ingest/preview'), import('../ingest/commit'), import('../ingest/read-in-worker')
		]);
		const outcomes: ImportOutcome[] = [];
		for (const entry of saved) {
			const preview = await previewImport(db, { name: entry.name, bytes: savedFile(entry), dfe: entry.dfe }, { read: readInWorker, changes: false });
			if (preview.ready || (entry.validRowsOnly && preview.validRowsPossible)) {
				outcomes.push(await commitImport(db, preview, { validRowsOnly: entry.validRowsOnly }));
			} else {
				await discardPreview(db, preview);
				outcomes.push(preview.outcome);
			}
		}
		return outcomes;
	}
}

export const workspace = new Workspace();
