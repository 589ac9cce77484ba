import { describe, expect, test } from 'vitest';
import type { ValueRow } from '../../src/lib/db/queries/measures';
import type { UserNote } from '../../src/lib/db/queries/notes';
import { NOTE_MAX_LENGTH, readNoteText, storyNotes } from '../../src/lib/state/story';

const value = (label: string, start: string, note: string | null): ValueRow => ({
	measure_id: 'M1', area_code: 'E06000012', period_start: new Date(`${start}T00:00:00Z`), period_label: label,
	value: 1, marker: null, numerator: null, denominator: null, target: null, note
});
const mine = (noteId: string, label: string, start: string, addedAt: string, text = noteId): UserNote => ({
	noteId, measureId: 'M1', areaCode: 'E06000012', periodLabel: label, periodStart: start, text, addedAt
});

describe('the story behind the curve', () => {
	test('the data’s notes and the user’s in period order; in one period the data’s first, then the user’s as added', () => {
		const values = [value('2016/17 Q1', '2016-04-01', 'Training began'), value('2016/17 Q2', '2016-07-01', null), value('2016/17 Q3', '2016-10-01', 'New team')];
		const added = [
			mine('b', '2016/17 Q3', '2016-10-01', '2026-11-28T10:00:00.000Z'),
			mine('a', '2016/17 Q3', '2016-10-01', '2026-11-27T10:00:00.000Z'),
			mine('c', '2016/17 Q2', '2016-07-01', '2026-11-29T10:00:00.000Z')
		];
		const story = storyNotes(values, added);
		expect(story.map((n) => `${n.label} ${n.noteId ?? 'data'}`)).toEqual(['2016/17 Q1 data', '2016/17 Q2 c', '2016/17 Q3 data', '2016/17 Q3 a', '2016/17 Q3 b']);
		expect(story[1]!.date.toISOString()).toBe('2016-07-01T00:00:00.000Z');
		expect(story[0]).toMatchObject({ text: 'Training began', noteId: null });
	});

	test('a note is trimmed, never empty and at most 2,000 characters; its markup is only text', () => {
		expect(readNoteText('  <b>Police operation</b>\n ')).toEqual({ ok: true, text: '<b>Police operation</b>' });
		expect(readNoteText(' \n\t ')).toMatchObject({ ok: false, reason: expect.stringMatching(/empty/) });
		expect(readNoteText('x'.repeat(NOTE_MAX_LENGTH))).toMatchObject({ ok: true });
		expect(readNoteText('x'.repeat(NOTE_MAX_LENGTH + 1))).toMatchObject({ ok: false, reason: expect.stringMatching(/2,001 characters; keep it to 2,000/) });
	});
});
