// Notes the user adds to a measure's periods: read for a measure, added and deleted one at a time,
// and replaced all at once when the app starts (from what this browser kept) or a workspace opens.
import type { Database, Session } from '../database';
import { str } from '../sql';

export interface UserNote {
	/** A random UUID: the same note in the database and in this browser's storage. */
	noteId: string;
	measureId: string;
	areaCode: string;
	/** The period it is about: its label ('2016/17 Q3') and first day ('2016-10-01'). */
	periodLabel: string;
	periodStart: string;
	text: string;
	/** When it was added, ISO 8601 in UTC to the millisecond ('2026-11-28T18:00:00.123Z'). */
	addedAt: string;
}

const COLUMNS = `note_id AS "noteId", measure_id AS "measureId", area_code AS "areaCode", period_label AS "periodLabel",
	CAST(period_start AS VARCHAR) AS "periodStart", text, strftime(added_at, '%Y-%m-%dT%H:%M:%S.%g') || 'Z' AS "addedAt"`;

const ORDER = 'ORDER BY period_start, added_at, note_id';

/** A measure's notes in one area, in period order (then the order they were added). */
export function measureNotes(db: Session, measureId: string, areaCode: string): Promise<UserNote[]> {
	return db.rows<UserNote>(`SELECT ${COLUMNS} FROM notes WHERE measure_id = ${str(measureId)} AND area_code = ${str(areaCode)} ${ORDER}`);
}

export function allNotes(db: Session): Promise<UserNote[]> {
	return db.rows<UserNote>(`SELECT ${COLUMNS} FROM notes ORDER BY measure_id, area_code, period_start, added_at, note_id`);
}

function insertSql(n: UserNote): string {
	const added = n.addedAt.replace('T', ' ').replace(/Z$/, '');
	return `INSERT INTO notes VALUES (${str(n.noteId)}, ${str(n.measureId)}, ${str(n.areaCode)}, CAST(${str(n.periodStart)} AS DATE),
		${str(n.periodLabel)}, ${str(n.text)}, CAST(${str(added)} AS TIMESTAMP))`;
}

export function addNote(db: Session, note: UserNote): Promise<void> {
	return db.exec(insertSql(note));
}

export function deleteNote(db: Session, noteId: string): Promise<void> {
	return db.exec(`DELETE FROM notes WHERE note_id = ${str(noteId)}`);
}

/** Every note replaced by these, in one transaction. */
export function replaceNotes(db: Database, notes: readonly UserNote[]): Promise<void> {
	return db.transaction(async (s) => {
		await s.exec('DELETE FROM notes');
		for (const note of notes) await s.exec(insertSql(note));
	});
}
