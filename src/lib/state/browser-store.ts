// This browser's own storage (IndexedDB): the workspace's tables (kept-state.ts) and what was set
// aside. Nothing leaves the browser. A refused or full storage is reported by the caller
// (storageFailure), never silently ignored.

const DB_NAME = 'oba-workspace';
/**
 * 1: imported files and settings. 2: locks, notes and an opened workspace file. Those five are
 * what versions before the kept tables kept: read once, to bring them over (legacy-kept.ts).
 * 3: the workspace's tables ('state') and what was set aside ('aside').
 */
const VERSION = 3;

export const LEGACY_STORES = ['imports', 'settings', 'locks', 'notes', 'workspace'] as const;
export const STORES = [...LEGACY_STORES, 'state', 'aside'] as const;
export type StoreName = (typeof STORES)[number];

/** Key paths; a store without one takes its keys out of line. */
const KEY_PATHS: Partial<Record<StoreName, { keyPath: string; autoIncrement?: boolean }>> = {
	imports: { keyPath: 'id', autoIncrement: true },
	locks: { keyPath: 'key' },
	notes: { keyPath: 'noteId' },
	aside: { keyPath: 'id', autoIncrement: true }
};

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, VERSION);
		request.onupgradeneeded = () => {
			// From any earlier version: add the stores it does not have yet, keep what is in the others.
			for (const store of STORES) {
				if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store, KEY_PATHS[store]);
			}
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('This browser would not open its storage.'));
	});
}

/**
 * One transaction over one or more stores: every write in it is kept, or (if the browser refuses
 * any of it, a full storage say) none is, so what was kept before stays as it was.
 */
export async function transact<T>(stores: StoreName | StoreName[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => IDBRequest<T> | void): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			// 'strict': the transaction completes only once the browser has it on disk, so what the
			// page then says is kept survives the browser being closed at once.
			const tx = db.transaction(stores, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
			const request = work(tx);
			tx.oncomplete = () => resolve(request ? request.result : (undefined as T));
			tx.onerror = () => reject(tx.error ?? request?.error);
			tx.onabort = () => reject(tx.error ?? new Error('The browser refused to store it.'));
		});
	} finally {
		db.close();
	}
}

/** One request on one store. */
export function run<T>(store: StoreName, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	return transact(store, mode, (tx) => work(tx.objectStore(store)));
}

/**
 * Why storing failed, in the user's words: what was done holds for this session, will not survive
 * a reload, and how to keep it. `done` says what was done ("Imported", "Locked").
 */
export function storageFailure(error: unknown, done = 'Done'): string {
	const name = error instanceof DOMException ? error.name : '';
	const why = name === 'QuotaExceededError' ? 'the browser’s storage for this site is full'
		: error instanceof Error && error.message ? `the browser refused to store it (${error.message})` : 'the browser refused to store it';
	return `${done} for this session only: it will not survive a reload, because ${why}. Nothing kept before is lost. To keep it, save the workspace as a file (Import page).`;
}

/** Empties stores in one transaction. */
export function clearStores(stores: StoreName[]): Promise<void> {
	return transact(stores, 'readwrite', (tx) => {
		for (const store of stores) tx.objectStore(store).clear();
	});
}
