// At start, what the user added on the measure pages is put back into the database as this
// browser kept it. The kept copy wins over whatever a loaded workspace held: opening a workspace
// file replaces the kept copy with the file's (saved-workspace.ts), so the two agree.
import type { Database } from '../db/database';
import { replaceLocks } from '../db/queries/locks';
import { replaceNotes } from '../db/queries/notes';
import { savedLocks } from './saved-locks';
import { savedNotes } from './saved-notes';

export async function restoreKept(db: Database): Promise<void> {
	// Storage that cannot be read leaves the database as it is: nothing is cleared on a guess.
	const locks = await savedLocks().catch(() => null);
	if (locks) await replaceLocks(db, locks);
	const notes = await savedNotes().catch(() => null);
	if (notes) await replaceNotes(db, notes);
}
