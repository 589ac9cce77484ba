// A corrective action as the user writes it on the exception report: its text and the author's
// role, both required, both kept as written (trimmed). The role says who answers for it without
// naming anyone: 'Police — Detective Inspector'.
import { NOTE_MAX_LENGTH } from './story';

export const ROLE_MAX_LENGTH = 120;

export type CorrectiveActionRead = { ok: true; text: string; authorRole: string } | { ok: false; reason: string };

export function readCorrectiveAction(text: string, role: string): CorrectiveActionRead {
	const t = String(text ?? '').trim();
	const r = String(role ?? '').trim();
	if (!t) return { ok: false, reason: 'Write the corrective action first: it is empty.' };
	if (t.length > NOTE_MAX_LENGTH) return { ok: false, reason: `The corrective action is ${t.length.toLocaleString('en-GB')} characters; keep it to ${NOTE_MAX_LENGTH.toLocaleString('en-GB')}.` };
	if (!r) return { ok: false, reason: 'Give your agency and role (for example, Police — Detective Inspector): the board needs to know who answers for it.' };
	if (r.length > ROLE_MAX_LENGTH) return { ok: false, reason: `The role is ${r.length} characters; keep it to ${ROLE_MAX_LENGTH}.` };
	return { ok: true, text: t, authorRole: r };
}
