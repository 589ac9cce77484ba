// Friedman's OBA: population indicators for a whole area, and three quadrants
// of performance measures for what a service or partnership does.
import { foldSpelling, listOfSpellings, spellingTable } from './spellings';

export type Quadrant = 'how_much' | 'how_well' | 'better_off' | 'population';

export type QuadrantParse = { ok: true; quadrant: Quadrant } | { ok: false; message: string };

/** Population indicators first: a report card reads from the whole population down to the service. */
export const QUADRANTS: readonly { id: Quadrant; label: string; short: string; order: number }[] = [
	{ id: 'population', label: 'Population indicator', short: 'Population', order: 1 },
	{ id: 'how_much', label: 'How much did we do?', short: 'How much', order: 2 },
	{ id: 'how_well', label: 'How well did we do it?', short: 'How well', order: 3 },
	{ id: 'better_off', label: 'Is anyone better off?', short: 'Better off', order: 4 }
];

const TABLE = spellingTable<Quadrant>({
	how_much: ['How much did we do?', 'How much', 'quantity', 'quantity of effort', 'HM', 'how_much'],
	how_well: ['How well did we do it?', 'How well did we do?', 'How well', 'quality', 'quality of effort', 'HW', 'how_well'],
	better_off: [
		'Is anyone better off?', 'Anyone better off', 'Better off', 'BO', 'impact', 'effect',
		'outcome', 'quantity of effect', 'quality of effect', 'better_off'
	],
	population: ['Population indicator', 'Population indicators', 'population', 'indicator', 'indicators', 'PI']
});

export function quadrantLabel(q: Quadrant): string {
	return QUADRANTS.find((x) => x.id === q)?.label ?? q;
}

/** Never throws; unknown spellings get a message listing accepted ones. */
export function parseQuadrant(text: string): QuadrantParse {
	const quadrant = TABLE.get(foldSpelling(text));
	if (quadrant) return { ok: true, quadrant };
	const written = String(text ?? '').trim();
	const expected = `expected a quadrant: ${listOfSpellings([
		'How much did we do?', 'How well did we do it?', 'Is anyone better off?', 'Population indicator'
	])} (or short forms such as "How much", "quality", "Better off", "HM", "HW", "BO")`;
	return { ok: false, message: written === '' ? `the quadrant is blank; ${expected}` : `"${written}" is not a quadrant; ${expected}` };
}
