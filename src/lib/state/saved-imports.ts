// The files a user imported, kept in this browser (IndexedDB) and replayed through the same
// import path when the app starts, so that imports survive a reload and a browser restart.
import type { DfeSelection } from '../ingest/dfe';
import { run } from './browser-store';

export { storageFailure } from './browser-store';

export interface SavedImport {
	id?: number;
	name: string;
	/**
	 * The file as chosen (a File is a Blob: storing it copies nothing on the page's thread, where
	 * cloning an 80 MB ArrayBuffer into IndexedDB took over a second), or its bytes (older entries).
	 */
	bytes: Blob | ArrayBuffer;
	checksum: string;
	dfe?: DfeSelection;
	validRowsOnly: boolean;
	savedAt: string;
}

export function saveImport(entry: Omit<SavedImport, 'id'>): Promise<IDBValidKey> {
	return run('imports', 'readwrite', (s) => s.add(entry));
}

/** A kept file, as an import reads it: a File kept as it was chosen goes to the reader as it is. */
export function savedFile(entry: SavedImport): Uint8Array | Blob {
	return entry.bytes instanceof Blob ? entry.bytes : new Uint8Array(entry.bytes);
}

export function savedImports(): Promise<SavedImport[]> {
	return run('imports', 'readonly', (s) => s.getAll() as IDBRequest<SavedImport[]>);
}

/** Forgets a saved file (its import was undone): the latest one with that checksum. False if none was kept. */
export async function forgetImport(checksum: string): Promise<boolean> {
	const match = (await savedImports()).filter((e) => e.checksum === checksum).at(-1);
	if (match?.id === undefined) return false;
	await run('imports', 'readwrite', (s) => s.delete(match.id!));
	return true;
}

/** Whether the app opens with its sample data (false after "clear all data"). */
export async function sampleWanted(): Promise<boolean> {
	return (await run('settings', 'readonly', (s) => s.get('sample') as IDBRequest<boolean | undefined>)) !== false;
}

export function setSampleWanted(wanted: boolean): Promise<IDBValidKey> {
	return run('settings', 'readwrite', (s) => s.put(wanted, 'sample'));
}
