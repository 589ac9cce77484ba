// The story behind the curve: the notes that came with the data and the notes the user adds, as
// one list in period order, numbered the same in the list and on the chart. Pure.
import type { ValueRow } from '../db/queries/measures';
import type { UserNote } from '../db/queries/notes';

export interface StoryNote {
	date: Date;
	/** The period, as people write it: '2016/17 Q3'. */
	label: string;
	text: string;
	/** The user's note, which they can delete; null for a note from the data. */
	noteId: string | null;
	addedAt: string | null;
}

/** Period order; in one period the data's note first, then the user's in the order they were added. */
export function storyNotes(values: readonly ValueRow[], added: readonly UserNote[]): StoryNote[] {
	const fromData = values
		.filter((v) => v.note)
		.map((v) => ({ date: new Date(v.period_start), label: v.period_label, text: v.note ?? '', noteId: null, addedAt: null }));
	const own = added.map((n) => ({ date: new Date(`${n.periodStart}T00:00:00Z`), label: n.periodLabel, text: n.text, noteId: n.noteId, addedAt: n.addedAt }));
	const rank = (n: StoryNote) => (n.noteId === null ? '' : (n.addedAt ?? ''));
	return [...fromData, ...own].sort((a, b) => a.date.getTime() - b.date.getTime() || rank(a).localeCompare(rank(b)));
}

/** Long enough for a paragraph of causes; a board paper, not a database of documents. */
export const NOTE_MAX_LENGTH = 2000;

/** A note's text as it will be kept (trimmed), or why it cannot be. */
export function readNoteText(text: string): { ok: true; text: string } | { ok: false; reason: string } {
	const trimmed = String(text ?? '').trim();
	if (!trimmed) return { ok: false, reason: 'Write the note first: it is empty.' };
	if (trimmed.length > NOTE_MAX_LENGTH) {
		return { ok: false, reason: `The note is ${trimmed.length.toLocaleString('en-GB')} characters; keep it to ${NOTE_MAX_LENGTH.toLocaleString('en-GB')}.` };
	}
	return { ok: true, text: trimmed };
}
