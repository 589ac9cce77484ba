/**
 * The app's tables as text, cell by cell, as DuckDB itself writes each value: lossless (a DOUBLE
 * is written as the shortest text that reads back as the same number) and independent of how
 * Arrow hands values to JavaScript. Used to save a workspace and to prove imports change nothing.
 */
import type { Session } from '../db/database';
import { ident, str } from '../db/sql';

export type Cell = string | null;

export interface TableColumn {
	name: string;
	type: string;
}

/** The app's own tables, by name: everything loaded lives in them (temporary tables excluded). */
export async function tableNames(db: Session): Promise<string[]> {
	const rows = await db.rows<{ name: string }>(`
		SELECT table_name AS name FROM duckdb_tables()
		WHERE NOT temporary AND schema_name = 'main' AND database_name = current_database() ORDER BY table_name`);
	return rows.map((r) => r.name);
}

export async function tableColumns(db: Session, table: string): Promise<TableColumn[]> {
	return db.rows<TableColumn>(`
		SELECT column_name AS name, data_type AS type FROM duckdb_columns()
		WHERE schema_name = 'main' AND database_name = current_database() AND table_name = ${str(table)}
		ORDER BY column_index`);
}

/** Every row of a table as text cells, in one canonical order (sorted by every column). */
export async function tableText(db: Session, table: string, columns?: readonly TableColumn[]): Promise<Cell[][]> {
	const cols = columns ?? (await tableColumns(db, table));
	if (cols.length === 0) return [];
	const select = cols.map((c, i) => `CAST(${ident(c.name)} AS VARCHAR) AS ${ident(`c${i}`)}`).join(', ');
	const rows = await db.rows<Record<string, Cell>>(`SELECT ${select} FROM ${ident(table)} ORDER BY ALL`);
	return rows.map((row) => cols.map((_, i) => row[`c${i}`] ?? null));
}

/** Every table, as text: two databases hold the same data exactly when their dumps are equal. */
export async function dumpTables(db: Session): Promise<Record<string, Cell[][]>> {
	const dump: Record<string, Cell[][]> = {};
	for (const table of await tableNames(db)) dump[table] = await tableText(db, table);
	return dump;
}
