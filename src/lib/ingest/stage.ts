import type { Database } from '../db/database';
import { ident, str } from '../db/sql';
import { decodeCsv, type DecodedCsv } from './decode';
import { splitRecord } from './headers';

/** A file read by DuckDB into a temporary table of text cells, one column per header. */
export interface StagedFile {
	name: string;
	table: string;
	decoded: DecodedCsv;
	/** Headers as written, in file order; column i of the table is `c{i}`. */
	headers: string[];
	/** Data rows (blank rows excluded). */
	rowCount: number;
}

let staged = 0;
export const SPARE_COLUMNS = 8;

/** The SQL column holding header i. */
export function cell(index: number): string {
	return ident(`c${index}`);
}

/**
 * Reads a CSV with DuckDB's own reader, every cell as text, so that validation can find every bad
 * cell with its row. `row` is the row number a spreadsheet shows (the header is row 1).
 */
export async function stageCsv(db: Database, name: string, bytes: Uint8Array): Promise<StagedFile> {
	const decoded = decodeCsv(bytes);
	const headers = splitRecord(decoded.headerLine, decoded.delimiter);
	const id = ++staged;
	const fileName = `upload-${id}.csv`;
	const table = `stage_${id}`;
	// Spare columns catch rows with more cells than the header, so they can be reported by row.
	const width = headers.length + SPARE_COLUMNS;
	const columns = Array.from({ length: width }, (_, i) => `${str(`c${i}`)}: 'VARCHAR'`).join(', ');
	const filled = Array.from({ length: width }).map((_, i) => `coalesce(trim(${cell(i)}), '') <> ''`).join(' OR ');
	await db.registerFile(fileName, decoded.bytes);
	let count: { n: number } | undefined;
	try {
		[count] = await db.rows<{ n: number }>(`
			CREATE OR REPLACE TEMP TABLE ${table} AS
			SELECT * FROM (
				SELECT (row_number() OVER ()) + 1 AS "row", *
				FROM read_csv(${str(fileName)}, header = true, columns = {${columns}},
					delim = ${str(decoded.delimiter)}, quote = '"', escape = '"',
					null_padding = true, parallel = false, auto_detect = false)
			) WHERE ${filled || 'false'};
			SELECT count(*) AS n FROM ${table}`);
	} finally {
		await db.dropFile(fileName);
	}
	return { name, table, decoded, headers, rowCount: count?.n ?? 0 };
}
