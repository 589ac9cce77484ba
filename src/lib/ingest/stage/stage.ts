import type { Database } from '../../db/database';
import { ident, str } from '../../db/sql';
import { decodeCsv, type DecodedCsv } from '../read/decode';
import { splitRecord } from '../read/headers';

/** A file read by DuckDB into a temporary table of text cells, one column per header. */
export interface StagedFile {
	name: string;
	table: string;
	/** Every temporary table of this import starts with it, so they can be dropped together. */
	prefix: string;
	decoded: DecodedCsv;
	/** Headers as written, in file order; column i of the table is `c{i}`. */
	headers: string[];
	/** Columns in the table: the headers, or more where a row has more cells than the header. */
	width: number;
	/** Data rows (blank rows excluded). */
	rowCount: number;
	/** Spreadsheet row of the header, where whole-file problems are reported. */
	headerRow: number;
}

let imports = 0;

/** A fresh prefix for one import's temporary tables. */
export function newPrefix(): string {
	return `imp${++imports}_`;
}

/** The SQL column holding header i. */
export function cell(index: number): string {
	return ident(`c${index}`);
}

// DuckDB's default limit is 2,000,000 bytes per line; a longer line is an error, not data.
const DEFAULT_MAX_LINE = 2_000_000;

/** How DuckDB's reader is told to read a file: what the scan (records.ts) found of it. */
interface ReadAs {
	headers: string[];
	delimiter: string;
	/** Columns to read: the headers, or more where a row has more cells. */
	width: number;
	/** Bytes in the longest line DuckDB accepts. */
	maxLine: number;
	headerRow: number;
	/** Leave out rows whose every cell is blank or spaces: only when the scan found any that may be (records.ts: maybeEmpty). */
	dropEmpty: boolean;
}

function readAs(decoded: DecodedCsv): ReadAs {
	const headers = splitRecord(decoded.headerLine, decoded.delimiter);
	return {
		headers,
		delimiter: decoded.delimiter,
		width: Math.max(headers.length, decoded.scan.maxCells),
		// Characters to bytes: UTF-8 takes at most 3 bytes for a character JavaScript counts as one.
		maxLine: Math.max(DEFAULT_MAX_LINE, decoded.scan.longestRecord * 3 + 1024),
		headerRow: decoded.headerRow,
		dropEmpty: decoded.scan.maybeEmpty > 0
	};
}

async function stage(db: Database, name: string, source: Uint8Array | Blob, as: ReadAs, decoded: DecodedCsv, prefix: string, signal?: AbortSignal): Promise<StagedFile> {
	const fileName = `${prefix}upload.csv`;
	const table = `${prefix}stage`;
	const columns = Array.from({ length: as.width }, (_, i) => `${str(`c${i}`)}: 'VARCHAR'`).join(', ');
	// Testing every cell of every row for the few empty rows took a quarter of the staging.
	const filled = as.dropEmpty ? Array.from({ length: as.width }).map((_, i) => `coalesce(trim(${cell(i)}), '') <> ''`).join(' OR ') || 'false' : 'true';
	signal?.throwIfAborted();
	await db.registerFile(fileName, source);
	let count: { n: number } | undefined;
	try {
		// Asked at once after the check: a cancelled import's drop, queued when it was cancelled, then follows this table.
		signal?.throwIfAborted();
		[count] = await db.rows<{ n: number }>(`
			CREATE OR REPLACE TEMP TABLE ${table} AS
			SELECT * FROM (
				SELECT CAST(row_number() OVER () AS INTEGER) + ${as.headerRow} AS "row", *
				FROM read_csv(${str(fileName)}, header = true, columns = {${columns}},
					delim = ${str(as.delimiter)}, quote = '"', escape = '"', max_line_size = ${as.maxLine},
					null_padding = true, parallel = false, auto_detect = false)
			) WHERE ${filled};
			SELECT count(*) AS n FROM ${table}`);
	} finally {
		await db.dropFile(fileName);
	}
	return { name, table, prefix, decoded, headers: as.headers, width: as.width, rowCount: count?.n ?? 0, headerRow: as.headerRow };
}

/**
 * Reads decoded CSV text with DuckDB's own reader, every cell as text, so that validation can find
 * every bad cell with its row. `row` is the row number a spreadsheet shows (the header is row 1):
 * blank rows reach DuckDB as rows of empty cells (see records.ts), so later rows keep their numbers.
 */
export async function stageDecoded(db: Database, name: string, decoded: DecodedCsv, prefix = newPrefix(), owned = decoded.reencoded): Promise<StagedFile> {
	// The browser's DuckDB worker takes the buffer it is given (it is transferred, not copied):
	// unless they are `owned` (made for this read), give it a copy of the caller's bytes.
	return stage(db, name, owned ? decoded.bytes : decoded.bytes.slice(), readAs(decoded), decoded, prefix);
}

/** The first lines of a file read for a guess at how to read it: enough for any header. */
const GUESS_BYTES = 256 * 1024;

/**
 * Stages a File (a Blob) on a guess made from its first lines, while a worker still reads the
 * whole of it: DuckDB's worker and the reading worker then run at once, one on each core. The
 * guess holds only for a UTF-8 file DuckDB can read as it is; null when it is not one.
 * Use the result only if `confirmedStage` says the full reading bears the guess out.
 */
export async function stageOnGuess(db: Database, name: string, file: Blob, prefix: string, signal?: AbortSignal): Promise<StagedFile | null> {
	try {
		const head = new Uint8Array(await file.slice(0, GUESS_BYTES).arrayBuffer());
		// Up to the last line break: a character cut in two would read as another encoding.
		const end = file.size > GUESS_BYTES ? head.lastIndexOf(10) + 1 : head.length;
		if (end <= 0) return null;
		const guess = decodeCsv(head.subarray(0, end));
		if (guess.reencoded || guess.encoding !== 'UTF-8' || guess.headerRow !== 1) return null;
		const as = readAs(guess);
		// Empty rows are not looked for: the guess holds only if the full reading finds none (confirmedStage).
		return await stage(db, name, file, { ...as, width: as.headers.length, maxLine: DEFAULT_MAX_LINE, dropEmpty: false }, guess, prefix, signal);
	} catch {
		// A wrong guess costs only the time: the file is staged again from the worker's reading.
		return null;
	}
}

/** The staged guess, given the whole file's reading, if DuckDB was told to read it exactly as the reading says. */
export function confirmedStage(guessed: StagedFile | null, decoded: DecodedCsv): StagedFile | null {
	if (!guessed || decoded.reencoded) return null;
	const as = readAs(decoded);
	const same = !as.dropEmpty && as.delimiter === guessed.decoded.delimiter && as.headerRow === guessed.headerRow && as.width === guessed.width &&
		as.maxLine === DEFAULT_MAX_LINE && as.headers.join('\u0000') === guessed.headers.join('\u0000');
	return same ? { ...guessed, decoded } : null;
}

/** Decodes and stages a CSV's bytes. */
export function stageCsv(db: Database, name: string, bytes: Uint8Array, prefix?: string): Promise<StagedFile> {
	return stageDecoded(db, name, decodeCsv(bytes), prefix);
}

/**
 * Drops every temporary table of one import: as one turn of the database's queue, so that what
 * is asked after this call sees them gone.
 */
export function dropStaged(db: Database, prefix: string): Promise<void> {
	return db.alone(async (session) => {
		const temp = await session.rows<{ name: string }>(
			`SELECT table_name AS name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, ${str(prefix)})`
		);
		if (temp.length) await session.exec(temp.map((t) => `DROP TABLE IF EXISTS temp.main.${ident(t.name)}`).join(';\n'));
	});
}
