/**
 * A database as one file: every table's rows as CSV, each cell written as DuckDB itself writes it
 * as text (lossless: see ingest/table-text.ts) and read back by DuckDB's CSV reader as the
 * column's own type. The build writes one of the sample data (sample-snapshot.ts, run by the Vite
 * plugin in vite.config.ts) so that the browser loads, in one query, exactly the tables that
 * importing the sample files produces (the data, the import log and each import's history)
 * instead of reading and checking those files at every start. tests/db/sample-snapshot.test.ts
 * proves the two equal, table by table.
 *
 * Layout: a first line saying what the file is; a second, JSON, listing each table with its
 * columns and the byte length of its CSV; then those CSVs one after another. Typed CSV was the
 * fastest way in of those measured in the browser: a third of the time of INSERT … VALUES.
 */
import { tableColumns, tableNames, tableText, type Cell, type TableColumn } from '../ingest/table-text';
import type { Database, Session } from './database';
import { packParts, unpackIndex } from './parts-file';
import { ident, str } from './sql';

/** The file's first line: what it is, and the version of this layout. */
export const SNAPSHOT_HEADER = 'oba-dashboard database snapshot, version 1';

interface SnapshotTable {
	table: string;
	columns: [name: string, type: string][];
	rows: number;
	/** Byte length of the table's CSV. */
	bytes: number;
}

/** Null is an empty field; every text, the empty one too, is quoted. */
const csvCell = (cell: Cell) => (cell === null ? '' : `"${cell.replaceAll('"', '""')}"`);

/** Every row of every table of `db`, as one file that rebuilds them in a database of the same schema. */
export async function snapshotFile(db: Session): Promise<Uint8Array> {
	const encoder = new TextEncoder();
	const tables: SnapshotTable[] = [];
	const parts: Uint8Array[] = [];
	for (const table of await tableNames(db)) {
		const columns = await tableColumns(db, table);
		const rows = await tableText(db, table, columns);
		if (rows.length === 0) continue;
		const csv = encoder.encode(rows.map((row) => `${row.map(csvCell).join(',')}\n`).join(''));
		tables.push({ table, columns: columns.map((c) => [c.name, c.type]), rows: rows.length, bytes: csv.byteLength });
		parts.push(csv);
	}
	return packParts(SNAPSHOT_HEADER, { tables }, parts);
}

/** The file's tables and where each one's CSV is; throws when the file is not a whole snapshot. */
function contents(file: Uint8Array): { tables: SnapshotTable[]; start: number } {
	const unpacked = unpackIndex<{ tables: SnapshotTable[] }>(file, SNAPSHOT_HEADER);
	// A file without its index line is no snapshot either: nothing of it can be read.
	if (typeof unpacked === 'string') throw new Error('The sample snapshot is not a database snapshot of this version.');
	const { index: { tables }, start } = unpacked;
	if (start + tables.reduce((n, t) => n + t.bytes, 0) !== file.byteLength) throw new Error('The sample snapshot is incomplete.');
	return { tables, start };
}

const readCsv = (file: string, columns: readonly TableColumn[]) =>
	`read_csv(${str(file)}, auto_detect = false, header = false, delim = ',', quote = '"', escape = '"', new_line = '\\n', ` +
	`allow_quoted_nulls = false, columns = {${columns.map((c) => `${str(c.name)}: ${str(c.type)}`).join(', ')}})`;

/**
 * Loads a snapshot into a database just opened (schema in place, nothing loaded), in one
 * transaction: all of it or, if the file is not a snapshot or does not fit the schema, nothing.
 * The import log keeps the times the imports were made: for the sample, when the build made them.
 */
export async function loadSnapshot(db: Database, file: Uint8Array): Promise<void> {
	const { tables, start } = contents(file);
	const files: string[] = [];
	try {
		let at = start;
		for (const t of tables) {
			const name = `oba-snapshot-${files.length}.csv`;
			// A copy: registering hands the bytes over to DuckDB's worker.
			await db.registerFile(name, file.slice(at, at + t.bytes));
			files.push(name);
			at += t.bytes;
		}
		const inserts = tables.map((t, i) => {
			const columns = t.columns.map(([name, type]) => ({ name, type }));
			return `INSERT INTO ${ident(t.table)} (${columns.map((c) => ident(c.name)).join(', ')}) SELECT * FROM ${readCsv(files[i]!, columns)};`;
		});
		await db.transaction((session) => session.exec(inserts.join('\n')));
	} finally {
		for (const name of files) await db.dropFile(name);
	}
}
