// An opened workspace file, kept in this browser (IndexedDB) and opened again when the app
// starts, in place of the sample data: what was opened is still there after a reload.
import type { KeptLock } from '../db/queries/locks';
import type { UserNote } from '../db/queries/notes';
import { run, transact } from './browser-store';
import { storedLock } from './saved-locks';

export interface SavedWorkspace {
	name: string;
	bytes: ArrayBuffer;
	savedAt: string;
}

const KEY = 'opened';

/**
 * Keeps a workspace as what the app starts from, in one transaction: the file; its locked
 * forecasts and notes in place of those kept before; and no imported files (the workspace holds
 * them all). If the browser refuses any of it, none of it is kept, and what was kept stays.
 */
export function keepWorkspace(entry: SavedWorkspace, locks: readonly KeptLock[], notes: readonly UserNote[]): Promise<void> {
	return transact(['workspace', 'imports', 'locks', 'notes'], 'readwrite', (tx) => {
		tx.objectStore('workspace').put(entry, KEY);
		tx.objectStore('imports').clear();
		const lockStore = tx.objectStore('locks');
		lockStore.clear();
		for (const lock of locks) lockStore.put(storedLock(lock));
		const noteStore = tx.objectStore('notes');
		noteStore.clear();
		for (const note of notes) noteStore.put({ ...note });
	});
}

export async function savedWorkspace(): Promise<SavedWorkspace | null> {
	const entry = await run('workspace', 'readonly', (s) => s.get(KEY) as IDBRequest<SavedWorkspace | undefined>);
	return entry && entry.bytes instanceof ArrayBuffer && typeof entry.name === 'string' ? entry : null;
}
