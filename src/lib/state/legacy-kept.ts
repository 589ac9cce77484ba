// What versions of the app before the kept tables kept in this browser: the files imported (to be
// read and checked again at every start), an opened workspace file, locked forecasts, notes, and
// whether the sample was cleared. Read once, the first time this version starts, to load it as
// those versions did; the workspace then keeps the resulting tables, and these stores are emptied.
import type { Database } from '../db/database';
import { replaceLocks, type KeptLock } from '../db/queries/locks';
import { replaceNotes, type UserNote } from '../db/queries/notes';
import type { DfeSelection } from '../ingest/formats/dfe';
import type { ImportOutcome } from '../ingest/import-file';
import { openWorkspaceFile } from '../ingest/workspace-file';
import { readIsoDate } from '../oba/calendar';
import { readLockedForecast } from '../oba/baseline';
import { clearStores, LEGACY_STORES, run } from './browser-store';

interface LegacyImport {
	name: string;
	bytes: Blob | ArrayBuffer;
	dfe?: DfeSelection;
	validRowsOnly: boolean;
}

const all = <T>(store: 'imports' | 'locks' | 'notes') => run(store, 'readonly', (s) => s.getAll() as IDBRequest<T[]>);

/** Whether an earlier version kept anything here; null when the sample was simply all there was. */
export async function legacyKept(): Promise<{ sample: boolean } | null> {
	const counts = await Promise.all((['imports', 'workspace', 'locks', 'notes'] as const).map((store) => run(store, 'readonly', (s) => s.count())));
	const sample = (await run('settings', 'readonly', (s) => s.get('sample') as IDBRequest<boolean | undefined>)) !== false;
	return counts.some((n) => n > 0) || !sample ? { sample } : null;
}

const isNote = (n: Partial<UserNote>): n is UserNote =>
	(['noteId', 'measureId', 'areaCode', 'periodLabel', 'periodStart', 'text', 'addedAt'] as const).every((k) => typeof n[k] === 'string') &&
	readIsoDate(n.periodStart!) !== null && !Number.isNaN(Date.parse(n.addedAt!));

const problem = (file: string, message: string): ImportOutcome => ({
	file, format: null, rowCount: 0, importId: null, rowsWritten: 0, rowsSkipped: 0, reading: null,
	problems: [{ severity: 'error', file, row: null, column: null, value: null, message, fix: 'Import the file again from the Import page.' }]
});

/**
 * Loads what an earlier version kept, as it loaded it: the opened workspace file, or the sample
 * (`loadSample`, unless it was cleared); then each imported file through the import path; then the
 * locks and notes. Returns the files that could not be loaded again.
 */
export async function loadLegacy(db: Database, sample: boolean, loadSample: () => Promise<ImportOutcome[]>): Promise<ImportOutcome[]> {
	const outcomes: ImportOutcome[] = [];
	const opened = await run('workspace', 'readonly', (s) => s.get('opened') as IDBRequest<{ name: string; bytes: ArrayBuffer } | undefined>);
	const workspace = opened?.bytes instanceof ArrayBuffer ? await openWorkspaceFile(db, new Uint8Array(opened.bytes), opened.name) : null;
	if (workspace && !workspace.ok) outcomes.push(problem(opened!.name, `The workspace file kept in this browser could not be opened: ${workspace.problems.map((p) => p.message).join(' ')}`));
	if (!workspace?.ok && sample) outcomes.push(...(await loadSample()));
	const saved = await all<LegacyImport>('imports');
	if (saved.length) {
		const [{ previewImport, discardPreview }, { commitImport }, { readInWorker }] = await Promise.all([
			import('../ingest/preview'), import('../ingest/commit/commit'), import('../ingest/read/read-in-worker')
		]);
		for (const entry of saved) {
			const bytes = entry.bytes instanceof Blob ? entry.bytes : new Uint8Array(entry.bytes);
			const preview = await previewImport(db, { name: entry.name, bytes, dfe: entry.dfe }, { read: readInWorker, changes: false });
			if (preview.ready || (entry.validRowsOnly && preview.validRowsPossible)) outcomes.push(await commitImport(db, preview, { validRowsOnly: entry.validRowsOnly }));
			else {
				await discardPreview(db, preview);
				outcomes.push(preview.outcome);
			}
		}
	}
	const locks = (await all<KeptLock>('locks')).flatMap((l) => {
		const locked = readLockedForecast(l.locked);
		return locked && typeof l.measureId === 'string' && typeof l.areaCode === 'string' ? [{ measureId: l.measureId, areaCode: l.areaCode, per10000: l.per10000 === true, locked }] : [];
	});
	if (locks.length) await replaceLocks(db, locks);
	const notes = (await all<Partial<UserNote>>('notes')).filter(isNote);
	if (notes.length) await replaceNotes(db, notes);
	return outcomes;
}

/** The files kept by an earlier version that `loadLegacy` could not load, to set aside. */
export async function legacyFiles(names: readonly string[]): Promise<{ name: string; file: Blob }[]> {
	const saved = await all<LegacyImport>('imports');
	return saved.filter((s) => names.includes(s.name)).map((s) => ({ name: s.name, file: s.bytes instanceof Blob ? s.bytes : new Blob([s.bytes]) }));
}

/** Empties what an earlier version kept, once the tables it made are kept. */
export function forgetLegacy(): Promise<void> {
	return clearStores([...LEGACY_STORES]);
}
