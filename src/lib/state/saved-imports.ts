// The files a user imported, kept in this browser (IndexedDB) and replayed through the same
// import path when the app starts, so that imports survive a reload and a browser restart.
// Nothing leaves the browser. A refused or full storage is reported, never silently ignored.
import type { DfeSelection } from '../ingest/dfe';

export interface SavedImport {
	id?: number;
	name: string;
	bytes: ArrayBuffer;
	checksum: string;
	dfe?: DfeSelection;
	validRowsOnly: boolean;
	savedAt: string;
}

const DB_NAME = 'oba-workspace';
const STORE = 'imports';
const SETTINGS = 'settings';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => {
			request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
			request.result.createObjectStore(SETTINGS);
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('This browser would not open its storage.'));
	});
}

async function run<T>(store: string, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(store, mode);
			const request = work(tx.objectStore(store));
			tx.oncomplete = () => resolve(request.result);
			tx.onerror = () => reject(tx.error ?? request.error);
			tx.onabort = () => reject(tx.error ?? new Error('The browser refused to store the file.'));
		});
	} finally {
		db.close();
	}
}

/** Why storing failed, in the user's words. */
export function storageFailure(error: unknown): string {
	const name = error instanceof DOMException ? error.name : '';
	const why = name === 'QuotaExceededError' ? 'the browser’s storage for this site is full' : 'the browser refused to store it';
	return `Imported for now, but it will be gone after a reload: ${why}. Export the workspace to keep it.`;
}

export function saveImport(entry: Omit<SavedImport, 'id'>): Promise<IDBValidKey> {
	return run(STORE, 'readwrite', (s) => s.add(entry));
}

export function savedImports(): Promise<SavedImport[]> {
	return run(STORE, 'readonly', (s) => s.getAll() as IDBRequest<SavedImport[]>);
}

/** How many files are kept, without reading them. */
export function savedImportCount(): Promise<number> {
	return run(STORE, 'readonly', (s) => s.count());
}

/** Forgets a saved file (its import was undone): the latest one with that checksum. */
export async function forgetImport(checksum: string): Promise<void> {
	const match = (await savedImports()).filter((e) => e.checksum === checksum).at(-1);
	if (match?.id !== undefined) await run(STORE, 'readwrite', (s) => s.delete(match.id!));
}

export async function clearSavedImports(): Promise<void> {
	await run(STORE, 'readwrite', (s) => s.clear());
}

/** Whether the app opens with its sample data (false after "clear all data"). */
export async function sampleWanted(): Promise<boolean> {
	return (await run(SETTINGS, 'readonly', (s) => s.get('sample') as IDBRequest<boolean | undefined>)) !== false;
}

export function setSampleWanted(wanted: boolean): Promise<IDBValidKey> {
	return run(SETTINGS, 'readwrite', (s) => s.put(wanted, 'sample'));
}
