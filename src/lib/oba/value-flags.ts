// GSS shorthand written after a number that still stands ("12 [u]"): the
// figure is kept, and the flag travels with it to charts, tables and exports.

export type ValueFlag = 'u' | 'e' | 'p' | 'r';

export const VALUE_FLAGS: Record<ValueFlag, { meaning: string; description: string }> = {
	u: { meaning: 'low reliability', description: 'Low reliability: treat with caution (GSS shorthand)' },
	e: { meaning: 'estimated', description: 'Estimated (GSS shorthand)' },
	p: { meaning: 'provisional', description: 'Provisional: may change when final figures are published (GSS shorthand)' },
	r: { meaning: 'revised', description: 'Revised since first published (GSS shorthand)' }
};

/** Splits "12 [u]" into "12" and 'u'; text without a trailing flag comes back whole. */
export function splitValueFlag(text: string): { rest: string; flag: ValueFlag | null } {
	const m = /^(.*?[\d%])\s*(?:\[\s*([uepr])\s*\]|\(\s*([uepr])\s*\)|\s([uepr]))$/i.exec(text);
	if (!m) return { rest: text, flag: null };
	const flag = (m[2] ?? m[3] ?? m[4] ?? '').toLowerCase() as ValueFlag;
	return { rest: m[1] ?? text, flag };
}
