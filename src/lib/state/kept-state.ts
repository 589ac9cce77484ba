// The workspace's tables, kept in this browser (IndexedDB) in the workspace format
// (db/workspace-format.ts): its index and one record per table, so that a change rewrites only the
// tables it changed, and the app starts by loading them in one step, never by reading files again.
import { packParts } from '../db/parts-file';
import { WORKSPACE_HEADER, workspaceIndex, type TablePart, type WorkspaceIndex, type WorkspaceSource } from '../db/workspace-format';
import { clearStores, run, transact } from './browser-store';

/** What is kept: the workspace's index and a count of the changes kept, which no two writers share. */
export interface KeptManifest {
	index: WorkspaceIndex;
	generation: number;
}

const MANIFEST = 'manifest';
const ANSWERS = 'answers';
const partKey = (table: string) => `table:${table}`;

/** Another tab (or an older copy of this one) kept a change since this one read what is kept. */
export class KeptElsewhere extends Error {
	constructor() {
		super('another tab of the dashboard changed the kept workspace');
	}
}

/** What is kept, or null when nothing is (a first visit, or after "Reset to sample data"). */
export async function keptManifest(): Promise<KeptManifest | null> {
	const manifest = await run('state', 'readonly', (s) => s.get(MANIFEST) as IDBRequest<KeptManifest | undefined>);
	return manifest ?? null;
}

/** The kept tables, as a workspace to load. */
export function keptSource(manifest: KeptManifest): WorkspaceSource {
	return {
		index: manifest.index,
		part: async (i) => {
			const table = manifest.index.tables[i]!.table;
			const part = await run('state', 'readonly', (s) => s.get(partKey(table)) as IDBRequest<Blob | undefined>);
			if (!(part instanceof Blob)) throw new Error(`The kept table "${table}" is missing from this browser’s storage.`);
			return part;
		}
	};
}

/**
 * Keeps the tables written (`parts`, each with its bytes) over what is kept (`previous`; with
 * `whole`, in place of all of it), in one transaction that the browser has on disk before it
 * completes: all of it, or (refused, full, or kept by another tab since `previous`) none of it.
 * `tables`: every table of the schema, in order. Returns what is kept now.
 */
export async function keepTables(previous: KeptManifest | null, written: { parts: TablePart[]; bytes: Uint8Array[] }, tables: readonly string[], whole: boolean): Promise<KeptManifest> {
	const parts = new Map((whole ? [] : previous?.index.tables ?? []).map((t) => [t.table, t]));
	for (const part of written.parts) parts.set(part.table, part);
	const missing = tables.filter((t) => !parts.has(t));
	if (missing.length) throw new Error(`the tables ${missing.join(', ')} were not written`);
	const kept: KeptManifest = { index: workspaceIndex(tables.map((t) => parts.get(t)!)), generation: (previous?.generation ?? 0) + 1 };
	await transact('state', 'readwrite', (tx) => {
		const store = tx.objectStore('state');
		const current = store.get(MANIFEST);
		current.onsuccess = () => {
			const found = current.result as KeptManifest | undefined;
			if ((found?.generation ?? 0) !== (previous?.generation ?? 0)) {
				tx.abort();
				return;
			}
			if (whole) store.clear();
			written.parts.forEach((part, i) => store.put(new Blob([written.bytes[i]! as Uint8Array<ArrayBuffer>], { type: part.encoding === 'arrow' ? 'application/vnd.apache.arrow.stream' : 'text/csv' }), partKey(part.table)));
			store.put(kept, MANIFEST);
		};
	}).catch(async (error: unknown) => {
		const now = await keptManifest().catch(() => null);
		throw (now?.generation ?? 0) !== (previous?.generation ?? 0) ? new KeptElsewhere() : error;
	});
	return kept;
}

/** Answers of the views drawn ahead (state/views-ahead.ts) over the kept tables of `generation`. */
export function keepAnswers(generation: number, answers: Uint8Array): Promise<IDBValidKey> {
	return run('state', 'readwrite', (s) => s.put({ generation, answers: new Blob([answers as Uint8Array<ArrayBuffer>]) }, ANSWERS));
}

/** The kept answers, if they are over the kept tables of `generation`; else null. */
export async function keptAnswers(generation: number): Promise<Uint8Array | null> {
	const kept = await run('state', 'readonly', (s) => s.get(ANSWERS) as IDBRequest<{ generation: number; answers: Blob } | undefined>);
	return kept?.generation === generation && kept.answers instanceof Blob ? new Uint8Array(await kept.answers.arrayBuffer()) : null;
}

/** Keeps nothing: the app starts from the sample data again. */
export function forgetKept(): Promise<void> {
	return clearStores(['state']);
}

/** The kept tables as one workspace file (to set them aside, or to offer them as a download). */
export async function keptFile(manifest: KeptManifest): Promise<Blob> {
	const source = keptSource(manifest);
	const parts: Uint8Array[] = [];
	for (const i of manifest.index.tables.keys()) {
		// A record that cannot be read is set aside empty: the file then says so when opened (its
		// length disagrees with the index), and every other table is still in it to rescue.
		const part = await source.part(i).catch(() => new Blob([]));
		parts.push(part instanceof Blob ? new Uint8Array(await part.arrayBuffer()) : part);
	}
	return new Blob([packParts(WORKSPACE_HEADER, manifest.index, parts) as Uint8Array<ArrayBuffer>]);
}

export interface SetAside {
	id?: number;
	name: string;
	/** Why it was set aside, in the user's words. */
	why: string;
	file: Blob;
	at: string;
}

/** Keeps a workspace that could not be loaded apart, to be offered as a download, never deleted on a guess. */
export function setAside(entry: Omit<SetAside, 'id'>): Promise<IDBValidKey> {
	return run('aside', 'readwrite', (s) => s.add(entry));
}

export function setAsideList(): Promise<SetAside[]> {
	return run('aside', 'readonly', (s) => s.getAll() as IDBRequest<SetAside[]>);
}

export function forgetSetAside(id: number): Promise<undefined> {
	return run('aside', 'readwrite', (s) => s.delete(id));
}
