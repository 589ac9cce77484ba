/**
 * The workspace format: every table of the database, as the tables kept in this browser, as a
 * workspace file a user saves and opens, and as the sample data the build ships. One format for
 * all three, so that what one writes the others read.
 *
 * A workspace is an index (the schema version it was written with, and each table's columns,
 * row count and byte length) and one part per table: the table's rows as CSV, written by DuckDB's
 * own CSV writer (COPY … TO) and read back by its CSV reader as each column's own type. Text is
 * lossless: DuckDB writes each DOUBLE as the shortest text that reads back as the same number,
 * timestamps to the microsecond, NULL as an empty field and the empty text as "".
 *
 * As one file: a first line naming the format, a second line holding the index as JSON, then the
 * parts end to end. It is text, readable in any editor. In this browser: the index and each part
 * as records of their own (state/kept-state.ts), so a change rewrites only the tables it changed;
 * there a part may instead be DuckDB's Arrow IPC stream of the table (its index entry says so):
 * nothing to print or parse, it is written in about half the time of the CSV and read back in a
 * small part of it (figures in the commit that made it so).
 */
import type { Database } from './database';
import { SCHEMA_VERSION } from './migrations';
import { arrowStreamOf } from './arrow-ipc';
import { joinBytes, packParts, unpackIndex } from './parts-file';
import { ident } from './sql';
import { tableColumns, tableNames } from '../ingest/table-text';

/** The file's first line. */
export const WORKSPACE_HEADER = 'oba-dashboard workspace';

export interface TablePart {
	table: string;
	/** [name, DuckDB type], in the table's order. */
	columns: [name: string, type: string][];
	rows: number;
	/** Byte length of the part. */
	bytes: number;
	/** How the part is written: CSV when absent; 'arrow', an Arrow IPC stream of ARROW_COLUMNS. */
	encoding?: 'arrow';
}

export type PartEncoding = 'csv' | 'arrow';

export interface WorkspaceIndex {
	/** The version of the schema that wrote it (see migrations.ts). */
	schemaVersion: number;
	savedAt: string;
	about: string;
	tables: TablePart[];
}

/** A workspace to load: its index, and each part by its place in the index. */
export interface WorkspaceSource {
	index: WorkspaceIndex;
	part(i: number): Promise<Uint8Array | Blob>;
}

const ABOUT = 'Everything loaded in the OBA dashboard: every table, as CSV, each after this index (its columns, rows and byte length). Open it again with “Open a workspace file”.';

/** The CSV dialect written and read: comma, double quotes, no header. */
export const CSV_DIALECT = { delim: ',', quote: '"', escape: '"' } as const;

/**
 * Rows per COPY: DuckDB-WASM's writing of one file grows faster than its size (at 100,000 long-form
 * values 0.2 s, at 1,000,000 6.5 s in Chromium), so a large table is written in pieces of this
 * many row ids, joined here.
 */
export const ROWS_PER_COPY = 100_000;

/**
 * The types Arrow carries between DuckDB and back exactly, as the engines are configured
 * (engine.ts QUERY_CONFIG casts BIGINT and DECIMAL to DOUBLE and TIMESTAMP to milliseconds): the
 * other columns travel as DuckDB's own text of them, and are cast back as they are loaded.
 */
const ARROW_EXACT = new Set(['VARCHAR', 'INTEGER', 'SMALLINT', 'TINYINT', 'DOUBLE', 'FLOAT', 'BOOLEAN', 'DATE']);

/** True when Arrow carries every one of these columns exactly: the part then goes straight into its table. */
export function arrowExact(columns: TablePart['columns']): boolean {
	return columns.every(([, type]) => ARROW_EXACT.has(type));
}

/** The SELECT list of an Arrow part of a table of these columns. */
export function arrowColumns(columns: TablePart['columns']): string {
	return columns.map(([name, type]) => (ARROW_EXACT.has(type) ? ident(name) : `CAST(${ident(name)} AS VARCHAR) AS ${ident(name)}`)).join(', ');
}

/** The SELECT list reading an Arrow part back as the table's own types. */
export function fromArrowColumns(columns: TablePart['columns']): string {
	return columns.map(([name, type]) => (ARROW_EXACT.has(type) ? ident(name) : `CAST(${ident(name)} AS ${type}) AS ${ident(name)}`)).join(', ');
}

async function arrowPart(db: Database, table: string, columns: TablePart['columns']): Promise<Uint8Array> {
	const stream = arrowStreamOf(await db.arrowOut(`SELECT ${arrowColumns(columns)} FROM ${ident(table)}`));
	if (!stream) throw new Error(`DuckDB did not write the table "${table}" as an Arrow IPC file`);
	return stream;
}

async function csvPart(db: Database, table: string, top: number, rowsPerCopy: number): Promise<Uint8Array> {
	const pieces: Uint8Array[] = [];
	// Row ids split the table exactly, whatever gaps deleted rows left.
	for (let from = 0; from <= top; from += rowsPerCopy) {
		pieces.push(await db.copyOut((path) =>
			`COPY (SELECT * FROM ${ident(table)} WHERE rowid >= ${from} AND rowid < ${from + rowsPerCopy}) TO '${path.replaceAll("'", "''")}' ` +
			`(FORMAT csv, HEADER false, DELIMITER '${CSV_DIALECT.delim}', QUOTE '${CSV_DIALECT.quote}', ESCAPE '${CSV_DIALECT.escape}')`));
	}
	return pieces.length === 1 ? pieces[0]! : joinBytes(pieces);
}

/**
 * The rows of `tables` (every table when not given) as parts, written by DuckDB: as CSV (a file
 * a person keeps), or as Arrow (kept in this browser). An empty table's part is empty.
 */
export async function writeParts(
	db: Database, tables?: readonly string[], options: { encoding?: PartEncoding; rowsPerCopy?: number } = {}
): Promise<{ parts: TablePart[]; bytes: Uint8Array[] }> {
	const names = tables ?? (await tableNames(db));
	const parts: TablePart[] = [];
	const bytes: Uint8Array[] = [];
	for (const table of names) {
		const columns: TablePart['columns'] = (await tableColumns(db, table)).map((c) => [c.name, c.type]);
		const [count] = await db.rows<{ n: number; top: number | null }>(`SELECT count(*) AS n, max(rowid) AS top FROM ${ident(table)}`);
		const arrow = options.encoding === 'arrow';
		const part = count!.n === 0 ? new Uint8Array()
			: arrow ? await arrowPart(db, table, columns)
			: await csvPart(db, table, count!.top!, options.rowsPerCopy ?? ROWS_PER_COPY);
		parts.push({ table, columns, rows: count!.n, bytes: part.byteLength, ...(arrow ? { encoding: 'arrow' as const } : {}) });
		bytes.push(part);
	}
	return { parts, bytes };
}

export function workspaceIndex(tables: TablePart[]): WorkspaceIndex {
	return { schemaVersion: SCHEMA_VERSION, savedAt: new Date().toISOString(), about: ABOUT, tables };
}

/** Every table of `db`, as one file. */
export async function workspaceFile(db: Database): Promise<Uint8Array> {
	const { parts, bytes } = await writeParts(db);
	return packParts(WORKSPACE_HEADER, workspaceIndex(parts), bytes);
}

/** Why a file cannot be read as a workspace, in the user's words, and how to put it right. */
export class WorkspaceRefusal extends Error {
	constructor(message: string, readonly fix = 'Open a workspace file saved by this dashboard (“Save the workspace as a file”), unchanged.') {
		super(message);
	}
}

/** The index of a file, checked for shape (not yet against the schema: see load-workspace.ts). */
export function readIndex(value: unknown): WorkspaceIndex {
	const index = value as Partial<WorkspaceIndex> | null;
	if (typeof index !== 'object' || index === null || !Array.isArray(index.tables)) throw new WorkspaceRefusal('The file’s index of tables is missing or damaged.');
	if (typeof index.schemaVersion !== 'number' || !Number.isInteger(index.schemaVersion) || index.schemaVersion < 1) {
		throw new WorkspaceRefusal(`The file gives its schema version as ${JSON.stringify(index.schemaVersion)}, which is not a version number: it was changed by hand or by another program.`);
	}
	for (const t of index.tables) {
		const ok = typeof t === 'object' && t !== null && typeof t.table === 'string' && Number.isInteger(t.rows) && t.rows >= 0 &&
			Number.isInteger(t.bytes) && t.bytes >= 0 && Array.isArray(t.columns) && (t.encoding === undefined || t.encoding === 'arrow') &&
			t.columns.every((c) => Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && typeof c[1] === 'string');
		if (!ok) throw new WorkspaceRefusal('The file’s index of tables is damaged.');
	}
	return index as WorkspaceIndex;
}

/** A workspace file as a source to load; throws WorkspaceRefusal when it is not a whole one. */
export function fileSource(file: Uint8Array): WorkspaceSource {
	let unpacked: ReturnType<typeof unpackIndex<unknown>>;
	try {
		unpacked = unpackIndex<unknown>(file, WORKSPACE_HEADER);
	} catch {
		throw new WorkspaceRefusal('The file’s index of tables is damaged: it is not JSON.');
	}
	if (unpacked === 'wrong') throw new WorkspaceRefusal('The file is not a workspace saved by this dashboard.');
	if (unpacked === 'incomplete') throw new WorkspaceRefusal('The file is incomplete: it ends before its index of tables.');
	const index = readIndex(unpacked.index);
	const starts: number[] = [];
	let at = unpacked.start;
	for (const t of index.tables) {
		starts.push(at);
		at += t.bytes;
	}
	if (at !== file.byteLength) {
		throw new WorkspaceRefusal(at > file.byteLength
			? `The file is incomplete: it is ${(at - file.byteLength).toLocaleString('en-GB')} bytes shorter than its index says (cut off while it was copied or downloaded?).`
			: 'The file is longer than its index says: it was changed after it was saved.');
	}
	return { index, part: async (i) => file.subarray(starts[i]!, starts[i]! + index.tables[i]!.bytes) };
}
