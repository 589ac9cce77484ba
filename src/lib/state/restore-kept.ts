// At start, what this browser kept is put back: an opened workspace file (in place of the sample
// data), then — after the imported files are replayed — the locked forecasts and notes. The kept
// locks and notes win over whatever a workspace held: opening a workspace file replaces the kept
// ones with the file's (saved-workspace.ts), so the two agree.
import type { Database } from '../db/database';
import { replaceLocks } from '../db/queries/locks';
import { replaceNotes } from '../db/queries/notes';
import type { ImportOutcome } from '../ingest/import-file';
import { savedLocks } from './saved-locks';
import { savedNotes } from './saved-notes';
import { savedWorkspace } from './saved-workspace';

/**
 * Opens the kept workspace file, if there is one. `opened` is false when none is kept or it could
 * not be opened; then `problems` says why (the caller loads the sample instead).
 */
export async function openKeptWorkspace(db: Database): Promise<{ opened: boolean; problems: ImportOutcome[] }> {
	const kept = await savedWorkspace().catch(() => null);
	if (!kept) return { opened: false, problems: [] };
	const { importWorkspace } = await import('../ingest/workspace-file');
	const result = await importWorkspace(db, new Uint8Array(kept.bytes), kept.name);
	if (result.ok) return { opened: true, problems: [] };
	const problems = result.problems.map((p) => ({
		...p,
		message: `The workspace file kept in this browser (${kept.name}) could not be opened, so the sample data is shown: ${p.message}`
	}));
	return { opened: false, problems: [{ file: kept.name, format: null, rowCount: 0, problems, importId: null, rowsWritten: 0, rowsSkipped: 0, reading: null }] };
}

export async function restoreKept(db: Database): Promise<void> {
	// Storage that cannot be read leaves the database as it is: nothing is cleared on a guess.
	const locks = await savedLocks().catch(() => null);
	if (locks) await replaceLocks(db, locks);
	const notes = await savedNotes().catch(() => null);
	if (notes) await replaceNotes(db, notes);
}
