// Locked forecasts, kept in this browser (IndexedDB) and put back into the database at start,
// so that a lock survives a reload. The database holds the copy the pages read.
import type { KeptLock, LockKey } from '../db/queries/locks';
import { readLockedForecast } from '../oba/baseline';
import { run } from './browser-store';

/** One stored lock; `key` names its measure, area and figure, so locking again replaces it. */
export interface StoredLock extends KeptLock {
	key: string;
}

export const lockStoreKey = (k: LockKey) => JSON.stringify([k.measureId, k.areaCode, k.per10000]);

export const storedLock = (lock: KeptLock): StoredLock => ({ key: lockStoreKey(lock), measureId: lock.measureId, areaCode: lock.areaCode, per10000: lock.per10000, locked: lock.locked });

export function keepLock(lock: KeptLock): Promise<IDBValidKey> {
	return run('locks', 'readwrite', (s) => s.put(storedLock(lock)));
}

export function forgetLock(key: LockKey): Promise<undefined> {
	return run('locks', 'readwrite', (s) => s.delete(lockStoreKey(key)));
}

/** Every kept lock that still reads as one (anything else is left out, never thrown). */
export async function savedLocks(): Promise<KeptLock[]> {
	const stored = await run('locks', 'readonly', (s) => s.getAll() as IDBRequest<StoredLock[]>);
	return stored.flatMap((l) => {
		const locked = readLockedForecast(l.locked);
		return locked && typeof l.measureId === 'string' && typeof l.areaCode === 'string'
			? [{ measureId: l.measureId, areaCode: l.areaCode, per10000: l.per10000 === true, locked }]
			: [];
	});
}
