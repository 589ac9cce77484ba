// Corrective-action notes on the exception report: read all at once (the report shows every one),
// added and deleted one at a time through the workspace's commands.
import type { Session } from '../database';
import { str } from '../sql';

export type SubjectKind = 'measure' | 'item';

export interface CorrectiveAction {
	/** A random UUID. */
	actionNoteId: string;
	subjectKind: SubjectKind;
	/** The measure's id or the item's id. */
	subjectId: string;
	text: string;
	/** The author's agency and role as they wrote it: 'Police — Detective Inspector'. */
	authorRole: string;
	/** When it was added, ISO 8601 in UTC to the millisecond ('2026-12-03T12:00:00.123Z'). */
	addedAt: string;
}

const COLUMNS = `action_note_id AS "actionNoteId", subject_kind AS "subjectKind", subject_id AS "subjectId", text,
	author_role AS "authorRole", strftime(added_at, '%Y-%m-%dT%H:%M:%S.%g') || 'Z' AS "addedAt"`;

/** Every corrective action, by subject, oldest first. */
export function allCorrectiveActions(db: Session): Promise<CorrectiveAction[]> {
	return db.rows<CorrectiveAction>(`SELECT ${COLUMNS} FROM corrective_actions ORDER BY subject_kind, subject_id, added_at, action_note_id`);
}

export function addCorrectiveAction(db: Session, a: CorrectiveAction): Promise<void> {
	const added = a.addedAt.replace('T', ' ').replace(/Z$/, '');
	return db.exec(`INSERT INTO corrective_actions VALUES (${str(a.actionNoteId)}, ${str(a.subjectKind)}, ${str(a.subjectId)},
		${str(a.text)}, ${str(a.authorRole)}, CAST(${str(added)} AS TIMESTAMP))`);
}

export function deleteCorrectiveAction(db: Session, actionNoteId: string): Promise<void> {
	return db.exec(`DELETE FROM corrective_actions WHERE action_note_id = ${str(actionNoteId)}`);
}
