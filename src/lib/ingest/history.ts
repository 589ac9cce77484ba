/**
 * Each import's history: inside its transaction, every table an import can write is copied
 * before the write; afterwards the rows that left a table ('removed': replaced or deleted) and
 * the rows that came in ('added') are kept in history_<table> under the import's id. Comparing
 * whole rows (EXCEPT ALL) records whatever a writer did, without each writer having to say.
 */
import type { Session } from '../db/database';
import { DATA_TABLES, historyTable, type DataTable } from '../db/schema';

const TABLES = Object.keys(DATA_TABLES) as DataTable[];

/** Copies every data table before an import writes; `temp` names the copies (dropped with the import). */
export async function snapshotTables(session: Session, temp: (table: DataTable) => string): Promise<void> {
	await session.exec(TABLES.map((t) => `CREATE OR REPLACE TEMP TABLE ${temp(t)} AS SELECT * FROM ${t}`).join(';\n'));
}

/** Records what the import changed, against the copies made before it wrote. */
export async function recordChanges(session: Session, temp: (table: DataTable) => string, importId: number): Promise<void> {
	await session.exec(
		TABLES.map((t) => `
			INSERT INTO ${historyTable(t)} SELECT ${importId}, 'removed', * FROM (SELECT * FROM ${temp(t)} EXCEPT ALL SELECT * FROM ${t});
			INSERT INTO ${historyTable(t)} SELECT ${importId}, 'added', * FROM (SELECT * FROM ${t} EXCEPT ALL SELECT * FROM ${temp(t)});
			DROP TABLE ${temp(t)}`).join(';\n')
	);
}
