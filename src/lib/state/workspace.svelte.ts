import type { Database } from '../db/database';
import type { ImportOutcome } from '../ingest/import-file';
import { openKeptWorkspace, restoreKept } from './restore-kept';
import { sampleWanted, savedBytes, savedImports } from './saved-imports';

/** Sample files, bundled as same-origin assets: nothing is fetched from anywhere else. */
const SAMPLE_URLS = import.meta.glob('/data/**/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

async function fetchSample(path: string): Promise<Uint8Array> {
	const url = SAMPLE_URLS[`/data/${path}`];
	if (!url) throw new Error(`The sample file ${path} is missing from the build.`);
	const response = await fetch(url);
	if (!response.ok) throw new Error(`The sample file ${path} could not be loaded (HTTP ${response.status}).`);
	return new Uint8Array(await response.arrayBuffer());
}

type Status = 'idle' | 'starting' | 'loading' | 'ready' | 'failed';

/**
 * The browser's one database, started on first use and shared by every page. `version` moves on
 * whenever the data changes, so views that read it re-run their queries.
 */
class Workspace {
	status = $state<Status>('idle');
	error = $state<string | null>(null);
	version = $state(0);
	loadProblems = $state<ImportOutcome[]>([]);
	#opening: Promise<Database> | null = null;
	#rehearsed = false;

	/** Says the data changed (an import, an undo): every view re-runs its queries. */
	changed(): void {
		this.version++;
	}

	/**
	 * Readies the import path for a large file while the user chooses one (see ingest/warm-up.ts),
	 * once per page load, when the browser is idle.
	 */
	rehearseImport(): void {
		if (this.#rehearsed) return;
		this.#rehearsed = true;
		const idle = (work: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 200));
		void this.open().then((db) => idle(() => void import('../ingest/warm-up').then(({ warmUp }) => warmUp(db)).catch(() => undefined)));
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

	async #start(): Promise<Database> {
		this.status = 'starting';
		const modules = Promise.all([import('../db/browser-engine'), import('../db/open'), import('../ingest/sample')]);
		// The sample files download while DuckDB compiles.
		const files = modules.then(([, , { SAMPLE_FILES }]) =>
			Promise.all(SAMPLE_FILES.map(async (f) => [f.path, await fetchSample(f.path)] as const))
		);
		const [{ createBrowserEngine }, { openDatabase }, { loadSample }] = await modules;
		const db = await openDatabase(await createBrowserEngine());
		performance.mark('oba:database-started');
		this.status = 'loading';
		const bytes = new Map(await files);
		// An opened workspace file, kept in this browser, stands in for the sample data.
		const kept = await openKeptWorkspace(db);
		const wanted = !kept.opened && (await sampleWanted().catch(() => true));
		const outcomes = wanted ? await loadSample(db, async (path) => bytes.get(path)!) : [];
		outcomes.push(...kept.problems);
		performance.mark('oba:sample-loaded');
		outcomes.push(...(await this.#replay(db)));
		await restoreKept(db);
		this.loadProblems = outcomes.filter((o) => o.problems.some((p) => p.severity === 'error'));
		this.status = 'ready';
		this.version++;
		return db;
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
			const preview = await previewImport(db, { name: entry.name, bytes: await savedBytes(entry), dfe: entry.dfe }, { read: readInWorker, changes: false });
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
