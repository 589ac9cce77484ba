// Missing values are not zeros. Published tables mark a gap with a short code
// saying why it is a gap; the app keeps that code, draws a gap, counts it as a
// gap and exports the code as it was written. This table is the only list of
// those codes: the parsers here and the SQL built elsewhere both read it.

export type MissingMeaning =
	| 'suppressed'
	| 'not available'
	| 'not applicable'
	| 'low reliability'
	| 'rounds to zero'
	| 'incomplete';

export type MissingMarkerInfo = { meaning: MissingMeaning; description: string };

export const MISSING_MARKERS = {
	c: {
		meaning: 'suppressed',
		description: 'Confidential: withheld so that no child or family can be identified (GSS shorthand)'
	},
	x: {
		meaning: 'not available',
		description:
			'Not available: not collected or not yet published (GSS shorthand; older DfE tables used x for suppressed figures)'
	},
	z: { meaning: 'not applicable', description: 'Not applicable: the figure cannot exist for this row (GSS shorthand)' },
	u: { meaning: 'low reliability', description: 'Low reliability: too uncertain to publish (GSS shorthand)' },
	low: { meaning: 'rounds to zero', description: 'Low: more than zero but rounds to zero (GSS shorthand)' },
	'..': { meaning: 'not available', description: 'Not available (older ONS and DfE tables)' },
	':': { meaning: 'not available', description: 'Not available (older ONS and Eurostat tables)' },
	'*': { meaning: 'suppressed', description: 'Suppressed because the number is small (older tables)' },
	'~': { meaning: 'rounds to zero', description: 'Fewer than half the last digit shown: rounds to zero (older DfE tables)' },
	'-': {
		meaning: 'not applicable',
		description: 'A dash: nil or not applicable in older tables; kept as a gap, never read as zero'
	},
	k: { meaning: 'rounds to zero', description: 'Low figure that rounds to zero (StatsWales)' },
	incomplete: {
		meaning: 'incomplete',
		description: 'Incomplete: a month of the quarter or year is missing, so it is not rolled up from the months there are'
	}
} as const satisfies Record<string, MissingMarkerInfo>;

export type MissingMarker = keyof typeof MISSING_MARKERS;

export const MISSING_MEANINGS: readonly MissingMeaning[] = [
	'suppressed',
	'not available',
	'not applicable',
	'low reliability',
	'rounds to zero',
	'incomplete'
];

export type ParsedMarker = { marker: string; meaning: MissingMeaning; canonical: MissingMarker };

function isMarker(code: string): code is MissingMarker {
	return Object.prototype.hasOwnProperty.call(MISSING_MARKERS, code);
}

/**
 * Every spelling accepted for each marker, lower case and trimmed: the bare
 * code and the code in square or round brackets ("c", "[c]", "(c)"). For SQL:
 * compare against lower(trim(cell)).
 */
export const MISSING_MARKER_SPELLINGS: ReadonlyArray<{ spelling: string; canonical: MissingMarker }> = (
	Object.keys(MISSING_MARKERS) as MissingMarker[]
).flatMap((canonical) =>
	[canonical, `[${canonical}]`, `(${canonical})`].map((spelling) => ({ spelling, canonical }))
);

/** The marker in a cell ("[c]", " X ", "..", "Low"), or null if the cell is not a marker. */
export function parseMarker(text: string): ParsedMarker | null {
	const marker = String(text ?? '').trim();
	const bracketed = /^\[\s*(.+?)\s*\]$/.exec(marker) ?? /^\(\s*(.+?)\s*\)$/.exec(marker);
	const code = (bracketed ? (bracketed[1] ?? '') : marker).toLowerCase();
	if (!isMarker(code)) return null;
	return { marker, meaning: MISSING_MARKERS[code].meaning, canonical: code };
}
