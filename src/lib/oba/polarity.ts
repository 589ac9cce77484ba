// Which way is good for a measure. Turning the curve is judged in this
// direction, so a wrong polarity turns good news into bad.
import { foldSpelling, listOfSpellings, spellingTable } from './spellings';

export type Polarity = 'higher' | 'lower' | 'range';

export type PolarityParse = { ok: true; polarity: Polarity } | { ok: false; message: string };

export const POLARITIES: readonly { id: Polarity; label: string }[] = [
	{ id: 'higher', label: 'Higher is better' },
	{ id: 'lower', label: 'Lower is better' },
	{ id: 'range', label: 'Within a target range is better' }
];

const TABLE = spellingTable<Polarity>({
	higher: ['higher is better', 'higher', 'high', 'up', '+', 'increase', 'more is better', '↑'],
	lower: ['lower is better', 'lower', 'low', 'down', '-', 'decrease', 'less is better', '↓'],
	range: ['target range', 'range', 'within range', 'in range', 'within target range', 'within a target range', 'within a target range is better', 'band']
});

export function polarityLabel(p: Polarity): string {
	return POLARITIES.find((x) => x.id === p)?.label ?? p;
}

/** Never throws; unknown spellings get a message listing accepted ones. */
export function parsePolarity(text: string): PolarityParse {
	const polarity = TABLE.get(foldSpelling(text));
	if (polarity) return { ok: true, polarity };
	const written = String(text ?? '').trim();
	const expected = `expected a polarity: ${listOfSpellings(['higher is better', 'lower is better', 'target range'])} (or "up", "down", "+", "-", "range")`;
	return { ok: false, message: written === '' ? `the polarity is blank; ${expected}` : `"${written}" is not a polarity; ${expected}` };
}
