/**
 * One file, from bytes to tables: previewImport reads and checks it and says what would change;
 * commitImport writes it in one transaction. A file with errors writes nothing unless the user
 * explicitly chooses to import only its valid rows; loaded data is never changed by a refused file.
 */
import type { Database } from '../db/database';
import { commitImport } from './commit/commit';
import type { DataSource } from './formats/context';
import type { DfeSelection } from './formats/dfe';
import type { FormatId } from './formats';
import { discardPreview, previewImport } from './preview';
import type { Problem } from './check/problems';
import type { FileReading } from './read/reading';

export interface ImportRequest {
	name: string;
	/**
	 * The file: its bytes, or the File itself (a Blob), which a worker then reads off the page's
	 * thread, and reads again for a re-check, with no copy of it held on the page.
	 */
	bytes: Uint8Array | Blob;
	source?: DataSource;
	/** Skip detection: the caller knows the format. */
	format?: FormatId;
	/** For DfE open data: which areas and indicators to take. */
	dfe?: DfeSelection;
	/** For a workbook: the sheet to read (default: the first visible one). */
	sheet?: string;
}

export interface ImportOutcome {
	file: string;
	format: FormatId | null;
	/** Data rows in the file (blank rows not counted). */
	rowCount: number;
	problems: Problem[];
	/** Set when the file was written; null when it was refused. */
	importId: number | null;
	/** Rows of the file written. */
	rowsWritten: number;
	/** Rows with errors left out, when the user chose to import only the valid rows. */
	rowsSkipped: number;
	/** How the file was read; null only when it could not be read at all. */
	reading: FileReading | null;
}

/** Previews and, if the file has no errors, commits it: how the app's own sample files load. */
export async function importFile(db: Database, request: ImportRequest): Promise<ImportOutcome> {
	const preview = await previewImport(db, request, { changes: false });
	if (preview.ready) return commitImport(db, preview);
	await discardPreview(db, preview);
	return preview.outcome;
}
