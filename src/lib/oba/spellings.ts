// Metadata cells are typed by hand in many ways ("How well did we do it?",
// "HOW WELL", "how-well"): compare them after folding away case, punctuation
// and spacing, against a list of spellings per answer.

/** 'How much did we do?' → 'how much did we do'; '+' and '%' and '£' are kept. */
export function foldSpelling(text: string): string {
	return String(text ?? '')
		.normalize('NFKC')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[\u2010-\u2015\u2212]/g, '-')
		.replace(/(\d),(?=\d{3}\b)/g, '$1')
		.replace(/[?.,!'"’:;()_]+/g, ' ')
		.replace(/(?<=[a-z])-(?=[a-z])/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A lookup from folded spelling to answer; Map, so 'constructor' finds nothing. */
export function spellingTable<T extends string>(spellings: Record<T, readonly string[]>): Map<string, T> {
	const table = new Map<string, T>();
	for (const [answer, list] of Object.entries(spellings) as [T, readonly string[]][]) {
		for (const s of list) table.set(foldSpelling(s), answer);
	}
	return table;
}

/** 'one of "a", "b" or "c"' for messages. */
export function listOfSpellings(examples: readonly string[]): string {
	const quoted = examples.map((e) => `"${e}"`);
	return quoted.length < 2 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
