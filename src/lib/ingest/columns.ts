import { headerKey } from './headers';
import type { FormatSpec } from './formats';

export interface ColumnMatch {
	/** Canonical column name → position in the file's header. */
	found: Map<string, number>;
	/** Positions of headers that name none of the format's columns. */
	unmatched: number[];
	/** Headers naming a column already named by an earlier header: [canonical name, first position, this position]. */
	repeated: [string, number, number][];
}

/** Which of the file's headers are which of the format's columns. */
export function matchColumns(headers: readonly string[], spec: FormatSpec): ColumnMatch {
	const keyToName = new Map<string, string>();
	for (const column of spec.columns) {
		for (const spelling of [column.name, ...(column.aliases ?? [])]) keyToName.set(headerKey(spelling), column.name);
	}
	const found = new Map<string, number>();
	const unmatched: number[] = [];
	const repeated: [string, number, number][] = [];
	headers.forEach((header, index) => {
		const name = keyToName.get(headerKey(header));
		if (name === undefined) {
			if (header !== '') unmatched.push(index);
		} else if (found.has(name)) repeated.push([name, found.get(name)!, index]);
		else found.set(name, index);
	});
	return { found, unmatched, repeated };
}

/** Required columns the file lacks, allowing for "value, or numerator and denominator". */
export function missingColumns(match: ColumnMatch, spec: FormatSpec): string[] {
	const missing = spec.columns.filter((c) => c.required && !match.found.has(c.name)).map((c) => c.name);
	if (spec.requiredOneOf && !spec.requiredOneOf.some((set) => set.every((name) => match.found.has(name)))) {
		missing.push(spec.requiredOneOf.map((set) => set.join(' + ')).join(' or '));
	}
	return missing;
}

/** The format whose required columns the headers have, preferring the one that names the most of them. */
export function detectFormat(headers: readonly string[], formats: readonly FormatSpec[]): FormatSpec | null {
	let best: { spec: FormatSpec; score: number } | null = null;
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
export function closestFormat(headers: readonly string[], formats: readonly FormatSpec[]): FormatSpec | null {
	let best: { spec: FormatSpec; named: number } | null = null;
	for (const spec of formats) {
		const named = matchColumns(headers, spec).found.size;
		if (named >= 2 && (!best || named > best.named)) best = { spec, named };
	}
	return best?.spec ?? null;
}
