import type { Session } from '../db/database';

/**
 * Answers that change only when the data does (the filters' choices, the report card's rows):
 * asked of DuckDB once per version of the data (workspace.version), not on every filter change.
 * One answer is kept per session and key: `about`, anything else the answer depends on (a period
 * range), asks again when it differs, and the new answer takes the old one's place. Per session,
 * so that a failed answer from the build's recorded answers (db/answers.ts), asked while the
 * database starts, is never handed to the database's own question.
 */
const answers = new WeakMap<Session, Map<string, { version: number; about: string; answer: Promise<unknown> }>>();

export function oncePerVersion<T>(db: Session, key: string, version: number | undefined, ask: () => Promise<T>, about = ''): Promise<T> {
	if (version === undefined) return ask();
	let mine = answers.get(db);
	if (!mine) answers.set(db, (mine = new Map()));
	const known = mine.get(key);
	if (known && known.version === version && known.about === about) return known.answer as Promise<T>;
	const answer = ask();
	mine.set(key, { version, about, answer });
	// A failed answer is asked again next time.
	answer.catch(() => mine.get(key)?.answer === answer && mine.delete(key));
	return answer;
}
