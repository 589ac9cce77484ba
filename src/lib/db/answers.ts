/**
 * Answers given ahead of the database: the results of a view's queries over a known database,
 * recorded by the build (Node, DuckDB's Node build, the view's own query code) and kept as Arrow,
 * exactly as DuckDB returned them. The browser draws the home page from the answers over the
 * sample data while its own DuckDB is still starting (the slowest thing at a cold start), then
 * asks DuckDB the same queries; tests/db/sample-answers.test.ts proves the answers equal DuckDB's.
 *
 * A session over the answers knows nothing else: any query it was not given fails with NotAnswered.
 *
 * Layout: a first line saying what the file is; a second, JSON, listing each query's SQL with the
 * byte length of its result (an Arrow IPC stream); then those streams one after another.
 */
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { tableRows, type Row, type Session } from './database';
import { packParts, unpackIndex } from './parts-file';

export const ANSWERS_HEADER = 'oba-dashboard query answers, version 1';

/** What a session over answers throws for a query it has no answer to. */
export class NotAnswered extends Error {
	constructor(sql: string) {
		super(`No answer ahead of the database to: ${sql.trim().slice(0, 80)}…`);
		this.name = 'NotAnswered';
	}
}

/**
 * Runs each view against `db`, recording every query it asks and DuckDB's answer, and returns
 * the answers as one file.
 */
export async function recordAnswers(db: Session, views: readonly ((session: Session) => Promise<unknown>)[]): Promise<Uint8Array> {
	const answers = new Map<string, Uint8Array>();
	const query = async (sql: string): Promise<Table> => {
		const table = await db.query(sql);
		answers.set(sql, tableToIPC(table, 'stream'));
		return table;
	};
	const recorder: Session = {
		query,
		rows: async <T = Row>(sql: string) => tableRows<T>(await query(sql)),
		exec: async (sql: string) => void (await query(sql))
	};
	for (const view of views) await view(recorder);
	const list = [...answers].map(([sql, bytes]) => ({ sql, bytes: bytes.byteLength }));
	return packParts(ANSWERS_HEADER, { answers: list }, [...answers.values()]);
}

/** A read-only session that answers the recorded queries, and only those. Throws if the file is not whole. */
export function answersSession(file: Uint8Array): Session {
	const unpacked = unpackIndex<{ answers: { sql: string; bytes: number }[] }>(file, ANSWERS_HEADER);
	if (unpacked === 'wrong') throw new Error('The answers file is not one of this version.');
	if (unpacked === 'incomplete') throw new Error('The answers file is incomplete.');
	const { answers } = unpacked.index;
	const streams = new Map<string, Uint8Array>();
	let at = unpacked.start;
	for (const { sql, bytes } of answers) {
		streams.set(sql, file.slice(at, at + bytes)); // a copy: Arrow's buffers want their own alignment
		at += bytes;
	}
	if (at !== file.byteLength) throw new Error('The answers file is incomplete.');
	const query = async (sql: string): Promise<Table> => {
		const stream = streams.get(sql);
		if (!stream) throw new NotAnswered(sql);
		return tableFromIPC(stream);
	};
	return {
		query,
		rows: async <T = Row>(sql: string) => tableRows<T>(await query(sql)),
		exec: async (sql: string) => {
			throw new NotAnswered(sql);
		}
	};
}
