/**
 * Undoing an import: one transaction that deletes the rows it added and puts back the rows it
 * removed (from history_<table>), then forgets the import, so every table is exactly as before it.
 *
 * An import that a later import changed again (the same measure and period, the same item and
 * review …) is not undone: putting its old rows back would silently undo part of the later one.
 * The user is told which later imports to undo first (newest first). Nor is an import undone
 * when later data relies on it (reviews of the items a plan import brought): the user is told what.
 */
import type { Database, Session } from '../../db/database';
import { ADDED_BY_IMPORT_ID, DATA_TABLES, historyTable, REFERENCES, type DataTable } from '../../db/schema';

export interface UndoOutcome {
	importId: number;
	/** The file the import came from; null when there is no such import. */
	file: string | null;
	undone: boolean;
	/** What happened, or why not. */
	message: string;
	/** Later imports that changed the same rows: undo these first, newest first. */
	blockedBy: { importId: number; file: string }[];
}

const TABLES = Object.keys(DATA_TABLES) as DataTable[];
const keyJoin = (t: DataTable, a: string, b: string) => DATA_TABLES[t].map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
const byImportId = (t: DataTable) => (ADDED_BY_IMPORT_ID as readonly DataTable[]).includes(t);

/** Deletes the rows an import added to a table (see ADDED_BY_IMPORT_ID for how they are known). */
function deleteAdded(t: DataTable, importId: number): string {
	return byImportId(t)
		? `DELETE FROM ${t} WHERE import_id = ${importId}`
		: `DELETE FROM ${t} USING (SELECT * FROM ${historyTable(t)} WHERE changed_by = ${importId} AND change = 'added') a WHERE ${keyJoin(t, t, 'a')}`;
}

/** Later imports whose history shares a key with this one's. */
async function laterImportsOnSameRows(session: Session, importId: number) {
	return session.rows<{ importId: number; file: string }>(`
		SELECT i.import_id AS "importId", i.file_name AS file FROM imports i WHERE i.import_id IN (
			${TABLES.map((t) => `SELECT y.changed_by FROM ${historyTable(t)} y JOIN ${historyTable(t)} x ON ${keyJoin(t, 'x', 'y')}
				WHERE x.changed_by = ${importId} AND y.changed_by > ${importId}`).join('\nUNION\n')}
			${ADDED_BY_IMPORT_ID.map((t) => `UNION SELECT changed_by FROM ${historyTable(t)} WHERE import_id = ${importId} AND changed_by > ${importId}`).join('\n')})
		ORDER BY i.import_id DESC`);
}

/** Rows that refer to nothing: "what" and the dangling value. */
function danglingSql(): string {
	return REFERENCES.map((r, k) => `SELECT ${k} AS rule, CAST(x.${r.column} AS VARCHAR) AS value FROM ${r.table} x
		WHERE x.${r.column} IS NOT NULL AND x.${r.column} NOT IN (SELECT ${r.toColumn} FROM ${r.to})`).join('\nUNION\n');
}

class Refusal extends Error {}

export async function undoImport(db: Database, importId: number): Promise<UndoOutcome> {
	const outcome: UndoOutcome = { importId, file: null, undone: false, message: '', blockedBy: [] };
	try {
		await db.transaction(async (session) => {
			const [log] = await session.rows<{ file: string }>(`SELECT file_name AS file FROM imports WHERE import_id = ${Math.trunc(importId)}`);
			if (!log) throw new Refusal(`There is no import number ${importId} to undo.`);
			outcome.file = log.file;
			outcome.blockedBy = await laterImportsOnSameRows(session, importId);
			if (outcome.blockedBy.length) {
				const list = outcome.blockedBy.map((b) => `${b.importId} (${b.file})`).join(', ');
				throw new Refusal(`Later imports changed the same rows as import ${importId} (${log.file}): ${list}. Undo ${outcome.blockedBy.length === 1 ? 'it' : 'them, newest first,'} before this one.`);
			}
			const dangling = danglingSql();
			await session.exec(`CREATE OR REPLACE TEMP TABLE undo_dangling_before AS ${dangling}`);
			await session.exec(TABLES.map((t) => `
				${deleteAdded(t, importId)};
				INSERT INTO ${t} SELECT * EXCLUDE (changed_by, change) FROM ${historyTable(t)} WHERE changed_by = ${importId} AND change = 'removed';
				DELETE FROM ${historyTable(t)} WHERE changed_by = ${importId}`).join(';\n') + `;
				DELETE FROM imports WHERE import_id = ${importId}`);
			const broken = await session.rows<{ rule: number; value: string }>(`
				SELECT rule, string_agg(value, ', ' ORDER BY value) AS value
				FROM (SELECT * FROM (${dangling}) EXCEPT SELECT * FROM undo_dangling_before) GROUP BY rule ORDER BY rule`);
			await session.exec('DROP TABLE undo_dangling_before');
			if (broken.length) {
				const what = broken.map((b) => `${REFERENCES[b.rule]!.what} (${b.value})`).join('; ');
				throw new Refusal(`Undoing import ${importId} (${log.file}) would leave ${what}: data loaded later relies on it. Undo the later imports that brought that data first.`);
			}
		});
		return { ...outcome, undone: true, message: `Import ${importId} (${outcome.file}) was undone: the data is as it was before it.` };
	} catch (error) {
		if (error instanceof Refusal) return { ...outcome, message: error.message };
		throw error;
	}
}
