// The unit a measure is counted in. Rates are per 10,000 children aged 0–17,
// the convention in children's services, with ONS mid-year estimates beneath.
import { RATE_BASE } from './rates';
import { foldSpelling, listOfSpellings, spellingTable } from './spellings';

export type Unit = 'count' | 'percent' | 'rate10k' | 'days' | 'gbp';

export type UnitParse = { ok: true; unit: Unit } | { ok: false; message: string };

export const UNITS: readonly { id: Unit; label: string; short: string }[] = [
	{ id: 'count', label: 'Number', short: '#' },
	{ id: 'percent', label: 'Percentage', short: '%' },
	{ id: 'rate10k', label: 'Rate per 10,000 children aged 0–17', short: 'per 10,000' },
	{ id: 'days', label: 'Days', short: 'days' },
	{ id: 'gbp', label: 'Pounds (£)', short: '£' }
];

const TABLE = spellingTable<Unit>({
	count: ['count', 'number', '#', 'no', 'no.', 'n', 'num', 'total'],
	percent: ['%', 'percent', 'percentage', 'per cent', 'pct', '% of'],
	rate10k: [
		'rate per 10,000', 'per 10,000', 'rate', 'rate per 10000', 'per 10000', 'per 10k', 'rate per 10k',
		'rate per 10,000 children', 'per 10,000 children', 'rate per 10,000 children aged 0-17'
	],
	days: ['days', 'day', 'number of days', 'no. of days'],
	gbp: ['£', 'gbp', 'pounds', 'pound', 'pounds (£)', 'pounds sterling', '£s', 'cost']
});

/**
 * What numerator ÷ denominator is multiplied by to give a value in this unit: a %
 * is out of 100 and a rate is per 10,000 children; days or pounds re-derived from
 * totals (total days ÷ cases) are the plain quotient, and so is a count.
 */
export const RATIO_SCALE: Readonly<Record<Unit, number>> = { count: 1, percent: 100, rate10k: RATE_BASE, days: 1, gbp: 1 };

export function unitLabel(u: Unit): string {
	return UNITS.find((x) => x.id === u)?.label ?? u;
}

/** Never throws; unknown spellings get a message listing accepted ones. */
export function parseUnit(text: string): UnitParse {
	const unit = TABLE.get(foldSpelling(text));
	if (unit) return { ok: true, unit };
	const written = String(text ?? '').trim();
	const expected = `expected a unit: ${listOfSpellings(['count', '%', 'rate per 10,000', 'days', '£'])} (or "number", "percentage", "per 10,000", "GBP", "pounds")`;
	return { ok: false, message: written === '' ? `the unit is blank; ${expected}` : `"${written}" is not a unit; ${expected}` };
}
