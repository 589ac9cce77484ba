/**
 * Answers that change only when the data does (the filters' choices, the plan's first review):
 * asked of DuckDB once per version of the data (workspace.version), not on every filter change.
 */
const answers = new Map<string, { version: number; answer: Promise<unknown> }>();

export function oncePerVersion<T>(key: string, version: number | undefined, ask: () => Promise<T>): Promise<T> {
	if (version === undefined) return ask();
	const known = answers.get(key);
	if (known && known.version === version) return known.answer as Promise<T>;
	const answer = ask();
	answers.set(key, { version, answer });
	// A failed answer is asked again next time.
	answer.catch(() => answers.get(key)?.answer === answer && answers.delete(key));
	return answer;
}
