import { parsePeriod } from '../../oba/periods';
import { headerKey } from '../read/headers';
import type { FormatSpec } from '../formats';

export interface ColumnMatch {
	/** Canonical column name → position in the file's header. */
	found: Map<string, number>;
	/** Positions of headers that name none of the format's columns. */
	unmatched: number[];
	/** Headers naming a column already named by an earlier header: [canonical name, first position, this position]. */
	repeated: [string, number, number][];
	/** Wide form: positions of headers that are periods. */
	periods: number[];
	/** Wide form: headers with a digit that are not periods, and why (a typing slip in a period is not "another column"). */
	badPeriods: [number, string][];
}

/** What the wide form calls its period columns when it has none. */
export const PERIOD_COLUMNS = 'periods (one column per period, headed like 2016/17 Q3)';

/** Which of the file's headers are which of the format's columns. */
export function matchColumns(headers: readonly string[], spec: FormatSpec): ColumnMatch {
	const keyToName = new Map<string, string>();
	for (const column of spec.columns) {
		for (const spelling of [column.name, ...(column.aliases ?? [])]) keyToName.set(headerKey(spelling), column.name);
	}
	const found = new Map<string, number>();
	const unmatched: number[] = [];
	const repeated: [string, number, number][] = [];
	const periods: number[] = [];
	const badPeriods: [number, string][] = [];
	headers.forEach((header, index) => {
		const name = keyToName.get(headerKey(header));
		if (name !== undefined) {
			if (found.has(name)) repeated.push([name, found.get(name)!, index]);
			else found.set(name, index);
		} else if (spec.periodHeaders && /\d/.test(header)) {
			const period = parsePeriod(header);
			if (period.ok) periods.push(index);
			else badPeriods.push([index, period.message]);
		} else if (header !== '') unmatched.push(index);
	});
	return { found, unmatched, repeated, periods, badPeriods };
}

/** Required columns the file lacks, allowing for "value, or numerator and denominator". */
export function missingColumns(match: ColumnMatch, spec: FormatSpec): string[] {
	const missing = spec.columns.filter((c) => c.required && !match.found.has(c.name)).map((c) => c.name);
	if (spec.requiredOneOf && !spec.requiredOneOf.some((set) => set.every((name) => match.found.has(name)))) {
		missing.push(spec.requiredOneOf.map((set) => set.join(' + ')).join(' or '));
	}
	if (spec.periodHeaders && match.periods.length === 0) missing.push(PERIOD_COLUMNS);
	return missing;
}

/** The format whose required columns the headers have, preferring the one that names the most of them. */
export function detectFormat<F extends FormatSpec>(headers: readonly string[], formats: readonly F[]): F | null {
	let best: { spec: F; score: number } | null = null;
	for (const spec of formats) {
		const match = matchColumns(headers, spec);
		if (missingColumns(match, spec).length > 0) continue;
		const required = spec.columns.filter((c) => c.required).length;
		const score = required * 100 + match.found.size;
		if (!best || score > best.score) best = { spec, score };
	}
	return best?.spec ?? null;
}

/**
 * The format the headers come nearest to (the most of its columns named, at least two), so that a
 * file missing one column is told which, rather than that it matches nothing.
 */
export function closestFormat<F extends FormatSpec>(headers: readonly string[], formats: readonly F[]): F | null {
	let best: { spec: F; named: number } | null = null;
	for (const spec of formats) {
		const match = matchColumns(headers, spec);
		const named = match.found.size + match.periods.length + match.badPeriods.length;
		if (named >= 2 && (!best || named > best.named)) best = { spec, named };
	}
	return best?.spec ?? null;
}
