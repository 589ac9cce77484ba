/**
 * The first half of an import: read the file, check every row and work out what it would change,
 * writing nothing. The second half, commitImport, writes what the preview checked.
 */
import type { Database } from '../db/database';
import { cellLengthChecks } from './check/cell-limits';
import { changesOf, type ChangeSummary, type Previewed } from './compare/changes';
import { errorRowsSql, runChecks, type Check } from './check/checks';
import { closestFormat, detectFormat, matchColumns, missingColumns } from './match/columns';
import type { DataSource, Prepared } from './formats/context';
import { describeDfeFile, type DfeDescription } from './formats/dfe-describe';
import { fileHead, readingProblems } from './read/file-problems';
import { FORMATS, formatSpec, type FormatId } from './formats';
import { ignoredColumns, repeatedColumns, strayCells } from './match/header-checks';
import type { ImportOutcome, ImportRequest } from './import-file';
import { Lookups } from './check/lookup';
import { readHere, type ReadBytes } from './read/read-bytes';
import { fileProblem, hasErrors, headerProblem } from './check/problems';
import { basicReading, fullReading, readingWarnings } from './read/reading';
import { confirmedStage, dropStaged, newPrefix, stageDecoded, stageOnGuess, type StagedFile } from './stage/stage';
import { excelErrorChecks, withoutEchoes } from './read/workbook/error-cells';
import { describeSheet, openSheet, sheetWarnings } from './read/workbook/in-preview';
import type { ReadWorkbook } from './read/workbook/read-here';
import { isWorkbook, type SheetChoice } from './read/workbook/sheets';
import type { WorkbookRead } from './read/workbook/workbook';

/** What the page shows before anything is written. Plain data: it may be kept in component state. */
export interface ImportPreview {
	/** Identifies the checked file for commitImport and discardPreview. */
	readonly id: number;
	/** The report: problems, how the file was read; importId is null. */
	readonly outcome: ImportOutcome;
	/** What importing would change, per measure and per review. */
	readonly changes: ChangeSummary[];
	/** True when the file has no errors and can be imported as it is. */
	readonly ready: boolean;
	/** Rows with errors (each counted once), which "import valid rows only" would leave out. */
	readonly rowsWithErrors: number;
	/** True when every error is in a data row, so importing only the valid rows is possible. */
	readonly validRowsPossible: boolean;
	/** For a DfE file: its areas, filters and indicator columns, to choose from. */
	readonly dfe: DfeDescription | null;
	/**
	 * SHA-256 of the file, once read: the import log and the saved copy know the file by it. For a
	 * workbook, of the sheet's text as read (each sheet is its own import).
	 */
	readonly checksum: string | null;
	/** For a workbook: its sheets, to choose from, and the one read. */
	readonly workbook: SheetChoice | null;
}

/** What commitImport needs from a preview; kept here, not in the page's state. */
export interface Checked {
	db: Database;
	request: ImportRequest;
	source: DataSource;
	file: StagedFile;
	format: FormatId;
	prepared: Prepared;
	checks: Check[];
	/** What the preview made of the incoming rows, for the writer to reuse. */
	previewed: Previewed;
	checksum: string;
	options: PreviewOptions;
	/** The import log as it was when the file was checked: commit checks again if it has moved on. */
	basis: string;
	temp: (name: string) => string;
}

const checked = new Map<number, Checked>();
let previews = 0;

/** Takes a preview's checked state for writing or discarding; undefined when already used. */
export function takeChecked(preview: ImportPreview): Checked | undefined {
	const state = checked.get(preview.id);
	checked.delete(preview.id);
	return state;
}

/** The import log's fingerprint: any import or undo since a preview changes it. */
export async function importLogBasis(db: Pick<Database, 'rows'>): Promise<string> {
	const [row] = await db.rows<{ basis: string }>(`
		SELECT md5(coalesce(string_agg(import_id || ':' || checksum || ':' || imported_at, ',' ORDER BY import_id), '')) AS basis FROM imports`);
	return row?.basis ?? '';
}

const TEMPLATE_FIX = 'Start from a template on the Import page: the headers name the columns, in any order.';

function emptyOutcome(request: ImportRequest): ImportOutcome {
	return { file: request.name, format: null, rowCount: 0, problems: [], importId: null, rowsWritten: 0, rowsSkipped: 0, reading: null };
}

/**
 * The largest file read: about 1.8 million rows of long-form measures, far beyond every English
 * authority's quarterly measures for a decade. Larger files would risk the tab's memory (the file,
 * its text and DuckDB's copy live in it at once), so they are refused before any of it is read.
 */
export const MAX_FILE_BYTES = 150 * 1024 * 1024;

/** The steps of a preview, in order, for a progress bar. */
export const PREVIEW_STEPS = ['reading', 'loading', 'checking', 'comparing'] as const;
export type PreviewStep = (typeof PREVIEW_STEPS)[number];

export interface PreviewOptions {
	/** Work out what the import would change (default true); importFile, writing at once, skips it. */
	changes?: boolean;
	/** How the bytes are decoded: on this thread by default; the pages pass readInWorker. */
	read?: ReadBytes;
	/**
	 * How a workbook's sheet is read: the Import page passes readWorkbookInWorker, Node readWorkbookHere.
	 * Without it a workbook is refused (nothing else loads SheetJS).
	 */
	readWorkbook?: ReadWorkbook;
	/** Told as each step starts, and how far the reading has gone (0 to 1). */
	progress?: (step: PreviewStep, fraction: number) => void;
	/** Stops the preview at the next step: it rejects with the signal's reason, leaving nothing behind. */
	signal?: AbortSignal;
	/** The largest file read (default MAX_FILE_BYTES). */
	maxBytes?: number;
}

/** Reads and checks a file against what is loaded, and says what importing it would change. Writes nothing. */
export async function previewImport(db: Database, request: ImportRequest, options: PreviewOptions = {}): Promise<ImportPreview> {
	const id = ++previews;
	const outcome = emptyOutcome(request);
	let hashing: Promise<string> | null = null;
	let book: WorkbookRead | null = null;
	let header: { line: string; delimiter: string } | null = null;
	const preview = async (fields: Partial<ImportPreview> = {}): Promise<ImportPreview> => {
		if (book) describeSheet(outcome, book, header);
		return {
			id, outcome, changes: [], ready: false, rowsWithErrors: 0, validRowsPossible: false, dfe: null,
			// Only a preview that stops early (a refused file) is built before the checksum is awaited on
			// its own below; its problems are what the user must hear, and a failed hash leaves it blank.
			checksum: hashing ? await hashing.catch(() => null) : null,
			workbook: book && { sheets: book.sheets, sheet: book.sheet }, ...fields
		};
	};
	const prefix = newPrefix();
	let kept = false;
	let guessed: Promise<StagedFile | null> | null = null;
	const { signal } = options;
	const step = (name: PreviewStep, fraction = 0) => {
		signal?.throwIfAborted();
		performance.mark(`oba:import-${name}`);
		options.progress?.(name, fraction);
	};
	try {
		step('reading');
		const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
		const head = await fileHead(request.bytes);
		if (head.size > maxBytes) {
			const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
			outcome.problems.push(fileProblem(request.name, `The file is ${mb(head.size)}: the app reads files of up to ${mb(maxBytes)}.`,
				'Split it into smaller files, for example one per financial year, and import each in turn.'));
			return preview();
		}
		// A workbook's chosen sheet becomes CSV text, read from here on as a CSV file is.
		if (isWorkbook(head.head)) {
			const opened = await openSheet(request.name, request.bytes, request.sheet, options.readWorkbook, signal);
			if (!('csv' in opened)) {
				outcome.problems.push(opened);
				return preview();
			}
			book = opened;
			outcome.problems.push(...sheetWarnings(request.name, book));
		}
		const text = book ? { bytes: book.csv, head: await fileHead(book.csv) } : null;
		// The reader may take bytes (a worker does): it gets a copy, since a re-check reads the request again. A Blob is read afresh;
		// a sheet's text is this preview's own.
		const bytes = text ? text.bytes : request.bytes instanceof Blob ? request.bytes : request.bytes.slice();
		const reading = (options.read ?? readHere)(bytes, (f) => options.progress?.('reading', f), signal);
		// DuckDB reads a File while the worker does, on a guess the worker's reading must bear out.
		guessed = !text && request.bytes instanceof Blob ? stageOnGuess(db, request.name, request.bytes, prefix, signal) : null;
		const { checksum, decoded } = await reading;
		hashing = checksum;
		header = { line: decoded.headerLine, delimiter: decoded.delimiter };
		outcome.reading = basicReading(decoded);
		outcome.problems.push(...readingProblems(request.name, text?.head ?? head, decoded));
		if (hasErrors(outcome.problems)) return preview();
		step('loading');
		const file = confirmedStage(await guessed, decoded) ?? (await stageDecoded(db, request.name, decoded, prefix, true));
		outcome.rowCount = file.rowCount;
		outcome.reading = basicReading(decoded, file.rowCount);
		const spec = request.format ? formatSpec(request.format) : (detectFormat(file.headers, FORMATS) ?? closestFormat(file.headers, FORMATS));
		if (!spec) {
			outcome.problems.push(headerProblem(request.name, file.headerRow, null,
				`The headers (${file.headers.filter(Boolean).join(', ')}) match none of the file formats.`, TEMPLATE_FIX));
			return preview();
		}
		const match = matchColumns(file.headers, spec);
		const missing = missingColumns(match, spec);
		if (missing.length) {
			outcome.problems.push(headerProblem(request.name, file.headerRow, null,
				`This looks like a file of ${spec.title.toLowerCase()}, but it has no column for ${missing.join(', ')}.`,
				`Add columns for ${missing.join(', ')} (headers in any case; spaces, _ and - are ignored).`));
			return preview();
		}
		outcome.format = spec.id;
		outcome.problems.push(...repeatedColumns(file, match));
		if (file.rowCount === 0) {
			outcome.problems.push(fileProblem(request.name, 'The file has a header row but no rows of data.', 'Add the data below the header, or pick the file that holds it.'));
		}
		const handler = spec.handler(request);
		const dfe = spec.id === 'dfe' && !request.dfe ? await describeDfeFile(db, file) : null;
		if (!handler) outcome.problems.push(fileProblem(request.name, 'Choose the areas and the indicators to take from this DfE file.', 'Pick them on the Import page.'));
		if (hasErrors(outcome.problems) || !handler) return preview({ dfe });

		let counter = 0;
		const temp = (name: string) => `${prefix}${name}${++counter}`;
		const source = request.source ?? 'imported';
		step('checking');
		const prepared = await handler({ db, file, spec, match, source, lookups: new Lookups(prefix), temp });
		performance.mark('oba:import-parsed');
		const stray = strayCells(file);
		// Stray cells first: a shifted row's other problems follow from them; then cells too long to be what they should.
		const checks = [...(stray ? [stray] : []), ...cellLengthChecks(file, match), ...excelErrorChecks(file), ...prepared.checks];
		const fileLevel = [...(spec.warnsOtherColumns ? ignoredColumns(file, match, spec) : []), ...(prepared.problems ?? [])];
		const rowLevel = withoutEchoes(await runChecks(db, file, checks));
		performance.mark('oba:import-checked');
		outcome.problems.push(...fileLevel, ...rowLevel);
		const sha256 = await checksum;
		outcome.reading = await fullReading(db, file, spec, match, prepared, sha256);
		outcome.problems.push(...readingWarnings(request.name, outcome.reading));

		const errorRows = hasErrors(rowLevel) ? errorRowsSql(checks) : null;
		const [bad] = errorRows ? await db.rows<{ n: number }>(`SELECT count(*) AS n FROM (${errorRows})`) : [{ n: 0 }];
		const rowsWithErrors = bad?.n ?? 0;
		const ready = !hasErrors(outcome.problems);
		const validRowsPossible = !ready && !hasErrors(fileLevel) && rowsWithErrors > 0 && rowsWithErrors < file.rowCount;
		// The diff shows what would be written: with errors, only the valid rows would be.
		const valid = (sql: string | undefined) => (sql && errorRows ? `SELECT * FROM (${sql}) WHERE "row" NOT IN (${errorRows})` : sql);
		const validValues = errorRows && prepared.incoming?.validValues?.(errorRows);
		const incoming = { values: validValues || valid(prepared.incoming?.values), reviews: valid(prepared.incoming?.reviews), removes: prepared.incoming?.removes };
		const comparing = (ready || validRowsPossible) && options.changes !== false;
		if (comparing) step('comparing');
		const { changes, previewed } = comparing ? await changesOf(db, incoming, prepared.measures) : { changes: [], previewed: {} };
		signal?.throwIfAborted();
		if (ready || validRowsPossible) {
			checked.set(id, { db, request, options, source, file, format: spec.id, prepared, checks, previewed, checksum: sha256, basis: await importLogBasis(db), temp });
			kept = true;
		}
		return preview({ changes, ready, rowsWithErrors, validRowsPossible });
	} catch (error) {
		if (signal?.aborted) throw error;
		outcome.problems.push(fileProblem(request.name, `The file could not be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
			'Check that it is a CSV file saved from Excel or similar; if it is, report this message.'));
		return preview();
	} finally {
		// A kept preview's tables wait for commitImport or discardPreview.
		if (!kept && signal?.aborted) {
			// The user need not wait for DuckDB's reading on a guess: it sees the cancel before it writes, and this drop follows it.
			void dropStaged(db, prefix).catch(() => undefined);
		} else if (!kept) await Promise.resolve(guessed).then(() => dropStaged(db, prefix)).catch(() => undefined);
	}
}

/** Forgets a preview the user cancelled, and frees what it held. */
export async function discardPreview(db: Database, preview: ImportPreview): Promise<void> {
	const state = takeChecked(preview);
	if (state) await dropStaged(db, state.file.prefix);
}
