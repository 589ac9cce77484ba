import type { Database } from '../db/database';
import { ident, str } from '../db/sql';
import { decodeCsv, type DecodedCsv } from './decode';
import { splitRecord } from './headers';

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

/**
 * Reads decoded CSV text with DuckDB's own reader, every cell as text, so that validation can find
 * every bad cell with its row. `row` is the row number a spreadsheet shows (the header is row 1):
 * blank rows reach DuckDB as rows of empty cells (see records.ts), so later rows keep their numbers.
 */
export async function stageDecoded(db: Database, name: string, decoded: DecodedCsv, prefix = newPrefix(), owned = decoded.reencoded): Promise<StagedFile> {
	const headers = splitRecord(decoded.headerLine, decoded.delimiter);
	const fileName = `${prefix}upload.csv`;
	const table = `${prefix}stage`;
	const width = Math.max(headers.length, decoded.scan.maxCells);
	const columns = Array.from({ length: width }, (_, i) => `${str(`c${i}`)}: 'VARCHAR'`).join(', ');
	const filled = Array.from({ length: width }).map((_, i) => `coalesce(trim(${cell(i)}), '') <> ''`).join(' OR ');
	// Characters to bytes: UTF-8 takes at most 3 bytes for a character JavaScript counts as one.
	const maxLine = Math.max(DEFAULT_MAX_LINE, decoded.scan.longestRecord * 3 + 1024);
	// The browser's DuckDB worker takes the buffer it is given (it is transferred, not copied):
	// unless they are `owned` (made for this read), give it a copy of the caller's bytes.
	await db.registerFile(fileName, owned ? decoded.bytes : decoded.bytes.slice());
	let count: { n: number } | undefined;
	try {
		[count] = await db.rows<{ n: number }>(`
			CREATE OR REPLACE TEMP TABLE ${table} AS
			SELECT * FROM (
				SELECT CAST(row_number() OVER () AS INTEGER) + ${decoded.headerRow} AS "row", *
				FROM read_csv(${str(fileName)}, header = true, columns = {${columns}},
					delim = ${str(decoded.delimiter)}, quote = '"', escape = '"', max_line_size = ${maxLine},
					null_padding = true, parallel = false, auto_detect = false)
			) WHERE ${filled || 'false'};
			SELECT count(*) AS n FROM ${table}`);
	} finally {
		await db.dropFile(fileName);
	}
	return { name, table, prefix, decoded, headers, width, rowCount: count?.n ?? 0, headerRow: decoded.headerRow };
}

/** Decodes and stages a CSV's bytes. */
export function stageCsv(db: Database, name: string, bytes: Uint8Array, prefix?: string): Promise<StagedFile> {
	return stageDecoded(db, name, decodeCsv(bytes), prefix);
}

/** Drops every temporary table of one import. */
export async function dropStaged(db: Database, prefix: string): Promise<void> {
	const temp = await db.rows<{ name: string }>(
		`SELECT table_name AS name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, ${str(prefix)})`
	);
	if (temp.length) await db.exec(temp.map((t) => `DROP TABLE IF EXISTS temp.main.${ident(t.name)}`).join(';\n'));
}
