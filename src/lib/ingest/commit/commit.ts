/**
 * The second half of an import: writes what previewImport checked, in one transaction, or nothing.
 */
import type { Database, Session } from '../../db/database';
import { ident, str } from '../../db/sql';
import { errorRowsSql } from '../check/checks';
import type { ImportOutcome } from '../import-file';
import { discardPreview, importLogBasis, previewImport, takeChecked, type Checked, type ImportPreview } from '../preview';
import { recordChanges, snapshotTables } from './history';
import { fileProblem } from '../check/problems';
import { dropStaged } from '../stage/stage';

export interface CommitOptions {
	/** Write the rows without errors and leave out the others (the user chose this explicitly). */
	validRowsOnly?: boolean;
}

/** A reason the transaction stops, told to the user as a problem; nothing has been written. */
class Refusal extends Error {
	constructor(message: string, readonly fix: string) {
		super(message);
	}
}

// Leaving out a row can reveal another (a measure whose only quadrant was on that row); a few rounds settle it.
const MAX_ROUNDS = 10;

/**
 * Deletes the rows with errors from every one of this import's tables that has a "row" column
 * (the staged file and what was derived from it), until the checks find no error. Returns them.
 */
async function leaveOutRowsWithErrors(session: Session, state: Checked): Promise<number[]> {
	const tables = await session.rows<{ name: string }>(`
		SELECT DISTINCT table_name AS name FROM duckdb_columns()
		WHERE database_name = 'temp' AND starts_with(table_name, ${str(state.file.prefix)}) AND column_name = 'row'`);
	const errors = errorRowsSql(state.checks);
	const skipped = new Set<number>();
	for (let round = 0; errors && round < MAX_ROUNDS; round++) {
		const rows = (await session.rows<{ row: number }>(errors)).map((r) => r.row);
		if (rows.length === 0) return [...skipped].sort((a, b) => a - b);
		rows.forEach((r) => skipped.add(r));
		const list = rows.join(', ');
		await session.exec(tables.map((t) => `DELETE FROM temp.main.${ident(t.name)} WHERE "row" IN (${list})`).join(';\n'));
	}
	throw new Refusal('Leaving out the rows with errors did not leave a file without errors.', 'Correct the rows listed, then import the file again.');
}

/**
 * Drops a preview's staged tables once the commit no longer needs them. Not told to the user: they
 * are temporary tables, gone with the page, and the outcome of the import (written or refused) is
 * what the user must hear, not a failed clean-up after it.
 */
function dropStagedQuietly(db: Database, prefix: string): Promise<void> {
	return dropStaged(db, prefix).catch(() => undefined);
}

/** Writes a previewed file. Never throws for a file's or the data's sake: a refusal comes back as a problem. */
export async function commitImport(db: Database, preview: ImportPreview, options: CommitOptions = {}): Promise<ImportOutcome> {
	const outcome: ImportOutcome = { ...preview.outcome, problems: [...preview.outcome.problems] };
	const refuse = (message: string, fix: string) => {
		outcome.problems.push(fileProblem(outcome.file, message, fix));
		return outcome;
	};
	const state = takeChecked(preview);
	if (!state || state.db !== db) return refuse('This preview was already imported or cancelled.', 'Choose the file again to import it.');
	if (!preview.ready && !(options.validRowsOnly && preview.validRowsPossible)) {
		await dropStagedQuietly(db, state.file.prefix);
		return outcome;
	}
	if ((await importLogBasis(db)) !== state.basis) {
		// Another import or an undo since the preview: check the file again against the data as it is now,
		// and write it only if it would change exactly what the user was shown.
		await dropStagedQuietly(db, state.file.prefix);
		const again = await previewImport(db, state.request, state.options);
		const same = again.ready === preview.ready && again.validRowsPossible === preview.validRowsPossible &&
			JSON.stringify(again.changes) === JSON.stringify(preview.changes);
		if (same) return commitImport(db, again, options);
		await discardPreview(db, again);
		return refuse('The loaded data changed after this file was checked (another import or an undo), and importing it now would change different values.',
			'Choose the file again: it will be checked against the data as it is now.');
	}
	try {
		await db.transaction(async (session) => {
			// The queue runs nothing between the check above and this transaction; this guards that.
			if ((await importLogBasis(session)) !== state.basis) {
				throw new Refusal('The loaded data changed while this file was being written.', 'Choose the file again: it will be checked against the data as it is now.');
			}
			const skipped = options.validRowsOnly ? await leaveOutRowsWithErrors(session, state) : [];
			const [left] = await session.rows<{ n: number }>(`SELECT count(*) AS n FROM ${state.file.table}`);
			if (!left?.n) throw new Refusal('No row of the file is free of errors, so there is nothing to import.', 'Correct the rows listed, then import the file again.');
			const [next] = await session.rows<{ id: number }>('SELECT coalesce(max(import_id), 0) + 1 AS id FROM imports');
			const importId = next!.id;
			const before = (table: string) => `${state.file.prefix}before_${table}`;
			const compared = state.prepared.writes.filter((t) => !state.prepared.recordsOwnHistory?.includes(t));
			await snapshotTables(session, compared, before);
			// Leaving rows out may change what the others write (a measure's details come from its rows): then nothing previewed is reused.
			await state.prepared.write(session, importId, skipped.length ? undefined : state.previewed);
			await session.exec(`INSERT INTO imports (import_id, file_name, checksum, format, source, imported_at, row_count, rows_skipped, reading)
				VALUES (${importId}, ${str(outcome.file)}, ${str(state.checksum)}, ${str(state.format)}, ${str(state.source)},
					now()::TIMESTAMP, ${outcome.rowCount}, ${skipped.length}, ${str(outcome.reading?.sentences.join(' ') ?? null)})`);
			await recordChanges(session, compared, before, importId);
			Object.assign(outcome, { importId, rowsWritten: left.n, rowsSkipped: skipped.length });
		});
		return outcome;
	} catch (error) {
		Object.assign(outcome, { importId: null, rowsWritten: 0, rowsSkipped: 0 });
		if (error instanceof Refusal) return refuse(error.message, error.fix);
		return refuse(`The file could not be written: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
			'Nothing was changed. If the file looks right, report this message.');
	} finally {
		await dropStagedQuietly(db, state.file.prefix);
	}
}
