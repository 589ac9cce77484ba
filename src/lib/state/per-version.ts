/**
 * Answers that change only when the data does (the filters' choices, the plan's first review,
 * the report card's rows): asked of DuckDB once per version of the data (workspace.version), not
 * on every filter change. One answer is kept per key: `about`, anything else the answer depends
 * on (a period range), asks again when it differs, and the new answer takes the old one's place.
 */
const answers = new Map<string, { version: number; about: string; answer: Promise<unknown> }>();

export function oncePerVersion<T>(key: string, version: number | undefined, ask: () => Promise<T>, about = ''): Promise<T> {
	if (version === undefined) return ask();
	const known = answers.get(key);
	if (known && known.version === version && known.about === about) return known.answer as Promise<T>;
	const answer = ask();
	answers.set(key, { version, about, answer });
	// A failed answer is asked again next time.
	answer.catch(() => answers.get(key)?.answer === answer && answers.delete(key));
	return answer;
}
