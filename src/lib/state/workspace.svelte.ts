import { answersSession, recordAnswers } from '../db/answers';
import { createBrowserEngine } from '../db/browser-engine';
import type { Database, Session } from '../db/database';
import { emptyWorkspace, loadWorkspace } from '../db/load-workspace';
import { openDatabase } from '../db/open';
import { fileSource } from '../db/workspace-format';
import type { ImportOutcome } from '../ingest/import-file';
import { runCommand, type Command, type CommandResult, type Keeper } from './command';
import { workspaceCommands } from './commands';
import { keepAnswers, keptAnswers, keptFile, keptManifest, keptSource, setAside, setAsideList, forgetKept, type KeptManifest, type SetAside } from './kept-state';
import { forgetLegacy, legacyFiles, legacyKept, loadLegacy } from './legacy-kept';
import { takeTabLock, type TabLock } from './tab-lock';
import { ALL_TOPICS, topicsOf, type Topic } from './topics';
import { VIEWS_ANSWERED_AHEAD } from './views-ahead';
import { answersUrl, snapshotUrl } from 'virtual:oba/sample';
import { areaIndex, factorsUrl, populationUrl } from 'virtual:oba/areas';
import type { AreaData } from '../ingest/areas/area-figures';
import { NEIGHBOURS_FILE } from '../ingest/areas/area-files';

/** The example's files, bundled as same-origin assets: nothing is fetched from anywhere else. */
const SAMPLE_URLS = import.meta.glob(['/data/*.csv', '/data/reference/*.csv'], { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** Every area's published figures, compacted by the build: fetched (same origin) only when an area's are loaded. */
const AREA_DATA: AreaData = {
	index: areaIndex,
	read: (file) => (file === 'neighbours' ? fetchSample(NEIGHBOURS_FILE) : fetchBytes(file === 'factors' ? factorsUrl : populationUrl, 'The published figures'))
};

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

/** What this browser keeps, asked once as the app starts. */
interface Kept {
	manifest: KeptManifest | null;
	/** What an earlier version of the app kept, still to be brought over. */
	legacy: { sample: boolean } | null;
	/** Why this browser's storage could not be read; null when it could. */
	unreadable: string | null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The browser's one database, started as the app starts (the root layout's load) and shared by
 * every page through the layout's context. It loads the tables this browser keeps (or the sample),
 * and every change to the data goes through its commands (commands.ts), which keep the tables
 * changed and say which, so that only the views that read them ask again.
 */
export class Workspace {
	status = $state<Status>('idle');
	error = $state<string | null>(null);
	/** A version per topic of the data (topics.ts): a view asks again when one it reads moves on. */
	versions = $state<Record<Topic, number>>({ data: 0, locks: 0, notes: 0, corrective: 0 });
	loadProblems = $state<ImportOutcome[]>([]);
	/** Another tab of the app holds the workspace: this one shows it but does not change it. */
	readOnly = $state(false);
	/** The last time this browser would not keep a change: what the user must know. */
	storage = $state<string | null>(null);
	/** Workspaces and files this browser could not load, kept apart to be downloaded. */
	setAside = $state<SetAside[]>([]);
	/** Every area's published figures and their index (the settings page chooses from it). */
	readonly areaData = AREA_DATA;
	readonly commands = workspaceCommands(this);
	#opening: Promise<Database> | null = null;
	#ahead: Promise<Session | null> | null = null;
	#kept: Promise<Kept> | null = null;
	#tab: TabLock | null = null;
	#keeper: Keeper = { manifest: null, unkept: new Set(), broken: null, queue: Promise.resolve() };
	#rehearsed = false;
	#rehearsal: AbortController | null = null;
	#importing = 0;

	/** The sum of the topics' versions: a number that moves on whenever any of them does. */
	versionOf(topics: readonly Topic[] = ALL_TOPICS): number {
		return topics.reduce((n, t) => n + this.versions[t], 0);
	}

	/** Every version, for anything that reads all the data. */
	get version(): number {
		return this.versionOf();
	}

	#bump(tables: readonly string[] | 'all'): void {
		for (const topic of topicsOf(tables)) this.versions[topic]++;
	}

	#keeps(): Promise<Kept> {
		this.#kept ??= (async () => {
			try {
				const manifest = await keptManifest();
				return { manifest, legacy: manifest ? null : await legacyKept(), unreadable: null };
			} catch (error) {
				return { manifest: null, legacy: null, unreadable: message(error) };
			}
		})();
		return this.#kept;
	}

	/** Runs a command over the database (see command.ts). Commands are refused in a read-only tab. */
	run<T>(command: Command<T>): Promise<CommandResult<T>> {
		return this.#runOn(this.open(), command);
	}

	#runOn<T>(db: Promise<Database>, command: Command<T>): Promise<CommandResult<T>> {
		return runCommand(db, command, {
			keeper: this.#keeper,
			writable: () => !this.readOnly,
			changed: (tables) => this.#bump(tables),
			kept: () => {
				this.#tab?.announce();
				this.#recordAnswers();
			},
			storage: (text) => (this.storage = text)
		});
	}

	/**
	 * Records the answers of the views drawn ahead over the tables just kept, when the browser is
	 * idle, so that the next start draws them while DuckDB starts. Not kept, a reload only draws them
	 * later: nothing for the user to hear of.
	 */
	#recordAnswers(): void {
		const generation = this.#keeper.manifest?.generation;
		if (generation === undefined) return;
		const idle = (work: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(work, { timeout: 5000 }) : setTimeout(work, 500));
		idle(() => {
			if (this.#keeper.manifest?.generation !== generation) return;
			void this.open()
				.then(async (db) => keepAnswers(generation, await recordAnswers(db, VIEWS_ANSWERED_AHEAD)))
				.catch((error: unknown) => console.warn('The views’ answers were not kept for the next start:', error));
		});
	}

	/** Readies the import path for a large file while the user chooses one (see ingest/warm-up.ts). */
	rehearseImport(): void {
		if (this.#rehearsed || this.#rehearsal || this.#importing > 0) return;
		const rehearsal = (this.#rehearsal = new AbortController());
		const { signal } = rehearsal;
		const idle = (work: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 200));
		void this.open().then((db) => idle(() => {
			if (signal.aborted) return;
			void import('../ingest/read/read-in-worker').then(({ readerAhead }) => readerAhead());
			void import('../ingest/stage/warm-up')
				.then(({ warmUp }) => warmUp(db, undefined, signal))
				// A rehearsal that fails or is stopped is tried again after the next file: nothing to tell.
				.then(() => {
					this.#rehearsed = true;
					performance.mark('oba:import-rehearsed');
				}, () => undefined)
				.finally(() => {
					if (this.#rehearsal === rehearsal) this.#rehearsal = null;
				});
		}));
	}

	/** A file is being checked or written: a rehearsal stops and leaves the database to it. Call the function returned when done. */
	importing(): () => void {
		this.#importing++;
		this.#rehearsal?.abort();
		this.#rehearsal = null;
		let over = false;
		return () => {
			if (over) return;
			over = true;
			this.#importing--;
			void import('../ingest/read/read-in-worker').then(({ readerAhead }) => readerAhead());
			this.rehearseImport();
		};
	}

	open(): Promise<Database> {
		this.#opening ??= this.#start().catch((error: unknown) => {
			this.status = 'failed';
			this.error = message(error);
			this.#opening = null;
			throw error;
		});
		return this.#opening;
	}

	/**
	 * While the database starts: a session answering the queries of the views drawn ahead
	 * (views-ahead.ts) from recorded answers (db/answers.ts): those the workspace recorded over the
	 * tables this browser keeps, or, when the sample is all there is, those the build recorded; else,
	 * or once ready, null.
	 */
	ahead(): Promise<Session | null> {
		if (this.status === 'ready' || !answersUrl) return Promise.resolve(null);
		const url = answersUrl;
		this.#ahead ??= (async () => {
			const sample = fetchBytes(url, 'The sample answers'); // while the browser's storage is asked
			sample.catch(() => {}); // awaited below, where a failure means: not answered ahead
			const kept = await this.#keeps();
			if (kept.manifest) {
				// Answers recorded over the kept tables, after the change that made them (see #recordAnswers).
				const answers = await keptAnswers(kept.manifest.generation);
				return answers ? answersSession(answers) : null;
			}
			return !kept.legacy ? answersSession(await sample) : null;
		})().catch(() => null); // not answered ahead: the database answers
		return this.#ahead;
	}

	async #start(): Promise<Database> {
		this.status = 'starting';
		const engine = createBrowserEngine();
		void this.ahead();
		// The browser's storage is asked, and the sample snapshot downloads, while DuckDB compiles.
		const kept = this.#keeps();
		const snapshot = kept.then((k) => (!k.manifest && (!k.legacy || k.legacy.sample) && snapshotUrl ? fetchBytes(snapshotUrl, 'The sample snapshot') : null));
		snapshot.catch(() => {}); // awaited in #sample
		const [db, tab] = await Promise.all([
			engine.then(openDatabase),
			takeTabLock(() => void this.#reload(true), () => void this.#reload(false))
		]);
		performance.mark('oba:database-started');
		this.#tab = tab;
		this.readOnly = !tab.writer;
		this.status = 'loading';
		const { manifest, legacy, unreadable } = await kept;
		if (unreadable) {
			this.#keeper.broken = unreadable;
			this.storage = `This browser’s storage could not be read (${unreadable}), so the sample data is shown and what you change will not survive a reload. Nothing kept is deleted.`;
		}
		if (manifest) await this.#loadKept(db, manifest, snapshot);
		else if (legacy) await this.#bringOver(db, legacy.sample, snapshot);
		else await this.#sample(db, snapshot);
		performance.mark('oba:sample-loaded');
		this.setAside = await setAsideList().catch((error: unknown) => {
			this.storage ??= `What this browser set aside could not be listed (${message(error)}).`;
			return [];
		});
		this.status = 'ready';
		return db;
	}

	/** The tables this browser keeps; if they cannot be loaded, they are set aside (never deleted) and the sample is loaded. */
	async #loadKept(db: Database, manifest: KeptManifest, snapshot: Promise<Uint8Array | null>): Promise<void> {
		try {
			await loadWorkspace(db, keptSource(manifest), { ours: true });
			this.#keeper.manifest = manifest;
			return;
		} catch (error) {
			const why = `The workspace kept in this browser could not be loaded: ${message(error)}`;
			try {
				await setAside({ name: `kept-workspace-${new Date().toISOString().slice(0, 10)}.oba`, why, file: await keptFile(manifest), at: new Date().toISOString() });
				await forgetKept();
				this.loadProblems = [outcomeOf('kept workspace', `${why} It is set aside, to download from the Import page, and the sample data is shown.`)];
			} catch (asideError) {
				this.#keeper.broken = message(asideError);
				this.loadProblems = [outcomeOf('kept workspace', `${why} It could not be set aside (${message(asideError)}), so it is left as it is; the sample data is shown and changes will not be kept.`)];
			}
		}
		await this.#sample(db, Promise.resolve(null));
	}

	/** What an earlier version kept, loaded as it loaded it, then kept as tables; files it cannot load are set aside. */
	async #bringOver(db: Database, sample: boolean, snapshot: Promise<Uint8Array | null>): Promise<void> {
		const outcomes = await loadLegacy(db, sample, () => this.#sample(db, snapshot));
		const refused = outcomes.filter((o) => o.importId === null && o.problems.some((p) => p.severity === 'error'));
		if (!this.readOnly && !this.#keeper.broken) {
			// On the database being started (this.run would wait for the start, which waits for this).
			const kept = await this.#runOn(Promise.resolve(db), { what: 'Brought over', body: async () => ({ value: undefined, tables: 'all' }) });
			if (kept.ok && !this.storage) {
				for (const { name, file } of await legacyFiles(refused.map((o) => o.file))) {
					await setAside({ name, why: `${name}, imported with an earlier version of the dashboard, could not be imported again.`, file, at: new Date().toISOString() });
				}
				await forgetLegacy();
			}
		}
		this.loadProblems = refused;
	}

	/**
	 * The sample data: the snapshot the build made of it (one query), or else, as in dev or should
	 * the snapshot fail, the sample files themselves through the import path.
	 */
	async #sample(db: Database, snapshot: Promise<Uint8Array | null>): Promise<ImportOutcome[]> {
		try {
			const bytes = (await snapshot) ?? (snapshotUrl ? await fetchBytes(snapshotUrl, 'The sample snapshot') : null);
			if (bytes) {
				await loadWorkspace(db, fileSource(bytes), { ours: true });
				return [];
			}
		} catch (error) {
			console.warn(`Importing the sample files: the sample snapshot could not be loaded (${message(error)}).`);
		}
		const { loadSample, SAMPLE_FILES, EXAMPLE_SETTINGS } = await import('../ingest/sample');
		const paths = [EXAMPLE_SETTINGS, ...SAMPLE_FILES.map((f) => f.path)];
		const files = new Map(await Promise.all(paths.map(async (path) => [path, await fetchSample(path)] as const)));
		return loadSample(db, async (path) => files.get(path)!, AREA_DATA);
	}

	/** Loads the sample in place of everything (for "Reset to sample data"). */
	async loadSample(db: Database): Promise<void> {
		await emptyWorkspace(db);
		await this.#sample(db, Promise.resolve(null));
	}

	/** Another tab kept a change, or this tab just became the writer: load what is kept now. */
	async #reload(granted: boolean): Promise<void> {
		if (!granted && !this.readOnly) return;
		const db = await this.open();
		try {
			const manifest = await keptManifest();
			if (manifest) await loadWorkspace(db, keptSource(manifest), { ours: true });
			else await this.loadSample(db);
			this.#keeper.manifest = manifest;
			this.#bump('all');
		} catch (error) {
			this.storage = `The changes made in another tab could not be loaded here (${message(error)}). Reload this page to see them.`;
		}
		if (granted) this.readOnly = false;
	}

	/** Closes the database and lets another tab take the workspace (the app's pages are gone). */
	async dispose(): Promise<void> {
		this.#tab?.release();
		const opening = this.#opening;
		this.#opening = null;
		await opening?.then((db) => db.close(), () => undefined);
	}
}

function outcomeOf(file: string, text: string): ImportOutcome {
	return {
		file, format: null, rowCount: 0, importId: null, rowsWritten: 0, rowsSkipped: 0, reading: null,
		problems: [{ severity: 'error', file, row: null, column: null, value: null, message: text, fix: 'Download it from the Import page to keep it.' }]
	};
}

/** The app's workspace: one per page load, disposed of when the page goes (see routes/+layout.svelte). */
export const workspace = new Workspace();
