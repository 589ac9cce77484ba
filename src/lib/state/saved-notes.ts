// Notes the user adds, kept in this browser (IndexedDB) and put back into the database at start,
// so that they survive a reload. The database holds the copy the pages read.
import type { UserNote } from '../db/queries/notes';
import { readIsoDate } from '../oba/calendar';
import { run } from './browser-store';

export function keepNote(note: UserNote): Promise<IDBValidKey> {
	return run('notes', 'readwrite', (s) => s.put({ ...note }));
}

export function forgetNote(noteId: string): Promise<undefined> {
	return run('notes', 'readwrite', (s) => s.delete(noteId));
}

const isNote = (n: Partial<UserNote>): n is UserNote =>
	(['noteId', 'measureId', 'areaCode', 'periodLabel', 'periodStart', 'text', 'addedAt'] as const).every((k) => typeof n[k] === 'string') &&
	readIsoDate(n.periodStart!) !== null &&
	!Number.isNaN(Date.parse(n.addedAt!));

/** Every kept note that still reads as one (anything else is left out, never thrown). */
export async function savedNotes(): Promise<UserNote[]> {
	const stored = await run('notes', 'readonly', (s) => s.getAll() as IDBRequest<Partial<UserNote>[]>);
	return stored.filter(isNote);
}
