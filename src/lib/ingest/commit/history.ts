/**
 * Each import's history: inside its transaction, every table an import writes is copied
 * before the write; afterwards the rows that left a table ('removed': replaced or deleted) and
 * the rows that came in ('added') are kept in history_<table> under the import's id. Comparing
 * whole rows (EXCEPT ALL) records whatever a writer did, without each writer having to say.
 */
import type { Session } from '../../db/database';
import { ADDED_BY_IMPORT_ID, DATA_TABLES, historyTable, type DataTable } from '../../db/schema';

/**
 * Copies the tables an import will write (its handler says which: a table it does not list is not
 * recorded, and the corpus test, undoing every file, would find it) before it writes; `temp` names
 * the copies (dropped with the import).
 */
export async function snapshotTables(session: Session, tables: readonly DataTable[], temp: (table: DataTable) => string): Promise<void> {
	await session.exec(tables.map((t) => `CREATE OR REPLACE TEMP TABLE ${temp(t)} AS SELECT * FROM ${t}`).join(';\n'));
}

/** Records what the import changed, against the copies made before it wrote. */
export async function recordChanges(session: Session, tables: readonly DataTable[], temp: (table: DataTable) => string, importId: number): Promise<void> {
	await session.exec(
		tables.map((t) => `
			INSERT INTO ${historyTable(t)} SELECT ${importId}, 'removed', * FROM (SELECT * FROM ${temp(t)} EXCEPT ALL SELECT * FROM ${t});
			INSERT INTO ${historyTable(t)} SELECT ${importId}, 'added', * FROM (SELECT * FROM ${t} EXCEPT ALL SELECT * FROM ${temp(t)});
			DROP TABLE ${temp(t)}`).join(';\n')
	);
}

/**
 * The tables an import changed (or its undo would change): those whose history holds rows of it,
 * those holding rows it wrote (ADDED_BY_IMPORT_ID), their history tables, and the import log.
 */
export async function tablesOfImport(session: Session, importId: number): Promise<string[]> {
	const id = Math.trunc(importId);
	const tables = Object.keys(DATA_TABLES) as DataTable[];
	const rows = await session.rows<{ t: string }>(tables.map((t) => {
		const own = (ADDED_BY_IMPORT_ID as readonly DataTable[]).includes(t) ? ` OR EXISTS (SELECT 1 FROM ${t} WHERE import_id = ${id})` : '';
		return `SELECT '${t}' AS t WHERE EXISTS (SELECT 1 FROM ${historyTable(t)} WHERE changed_by = ${id})${own}`;
	}).join('\nUNION ALL\n'));
	return ['imports', ...rows.flatMap((r) => [r.t, historyTable(r.t as DataTable)])];
}
