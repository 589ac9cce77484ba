import type { Table } from 'apache-arrow';
import type { Engine } from './engine';
import { QueryError, withDeadline } from './query-error';

export type Row = Record<string, unknown>;

/** What a transaction body may do: the same reads and writes, inside the transaction. */
export interface Session {
	query(sql: string): Promise<Table>;
	rows<T = Row>(sql: string): Promise<T[]>;
	exec(sql: string): Promise<void>;
}

/** What a transaction's body may do besides: insert Arrow IPC bytes into a table, or make one of them (see Engine.insertArrow). */
export interface WritingSession extends Session {
	insertArrow(schema: string, table: string, bytes: Uint8Array, create: boolean): Promise<void>;
}

const QUERY_DEADLINE_MS = 120_000;

/** Arrow rows to plain objects; works with either build's copy of apache-arrow. */
export function tableRows<T = Row>(table: Table): T[] {
	return table.toArray().map((row) => (row as { toJSON(): T }).toJSON());
}

export interface DatabaseOptions {
	/**
	 * Run in every transaction after its body, before it commits: rebuilds the tables derived
	 * from the data (see home-values.ts), so that they change with it, in the same transaction.
	 */
	derive?: (session: Session) => Promise<void>;
}

/**
 * The app's database: one engine, one queue. Operations run one at a time in the order asked,
 * so a chart's read never lands inside an import's transaction and sees half of it. The data
 * tables are written only in transactions (see DatabaseOptions.derive).
 */
export class Database implements WritingSession {
	#engine: Engine;
	#tail: Promise<unknown> = Promise.resolve();
	#derive: DatabaseOptions['derive'];

	constructor(engine: Engine, options: DatabaseOptions = {}) {
		this.#engine = engine;
		this.#derive = options.derive;
	}

	query(sql: string): Promise<Table> {
		return this.#enqueue(() => this.#run(sql));
	}

	async rows<T = Row>(sql: string): Promise<T[]> {
		return tableRows<T>(await this.query(sql));
	}

	async exec(sql: string): Promise<void> {
		await this.query(sql);
	}

	registerFile(name: string, bytes: Uint8Array | Blob): Promise<void> {
		return this.#enqueue(() => this.#engine.registerFile(name, bytes));
	}

	dropFile(name: string): Promise<void> {
		return this.#enqueue(() => this.#engine.dropFile(name));
	}

	/** The file a `COPY … TO path` statement writes (see Engine.copyOut), as one turn of the queue. */
	copyOut(copy: (path: string) => string): Promise<Uint8Array> {
		return this.#enqueue(() => this.#engine.copyOut(copy));
	}

	/** A query's result as Arrow IPC bytes (see Engine.arrowOut), as one turn of the queue. */
	arrowOut(sql: string): Promise<Uint8Array> {
		return this.#enqueue(() => this.#engine.arrowOut(sql).catch((cause: unknown) => {
			throw new QueryError(sql, cause);
		}));
	}

	/** Arrow IPC bytes into a table (see Engine.insertArrow), as one turn of the queue. */
	insertArrow(schema: string, table: string, bytes: Uint8Array, create: boolean): Promise<void> {
		return this.#enqueue(() => this.#engine.insertArrow(schema, table, bytes, create));
	}

	/** The statements of one turn of the queue. */
	#session(): WritingSession {
		return {
			query: (sql) => this.#run(sql),
			rows: async <R = Row>(sql: string) => tableRows<R>(await this.#run(sql)),
			exec: async (sql) => void (await this.#run(sql)),
			insertArrow: (schema, table, bytes, create) => this.#engine.insertArrow(schema, table, bytes, create)
		};
	}

	/**
	 * Runs `body` as one turn of the queue, outside any transaction: nothing else is asked of
	 * DuckDB meanwhile, and whatever is asked after this call sees all of it done.
	 */
	alone<T>(body: (session: Session) => Promise<T>): Promise<T> {
		return this.#enqueue(() => body(this.#session()));
	}

	/**
	 * Runs `body` in one transaction: all of it is written, or none of it. `derive: false`: the body
	 * writes none of the data the derived tables come from (a note, a lock), so they are not rebuilt.
	 */
	transaction<T>(body: (session: WritingSession) => Promise<T>, options: { derive?: boolean } = {}): Promise<T> {
		const session = this.#session();
		return this.#enqueue(async () => {
			await this.#run('BEGIN TRANSACTION');
			try {
				const result = await body(session);
				if (options.derive !== false) await this.#derive?.(session);
				await this.#run('COMMIT');
				return result;
			} catch (error) {
				// The failure is what the caller needs to hear, not a failed rollback after it
				// (DuckDB may have ended the transaction itself).
				await this.#run('ROLLBACK').catch(() => undefined);
				throw error;
			}
		});
	}

	close(): Promise<void> {
		return this.#enqueue(() => this.#engine.close());
	}

	#run(sql: string): Promise<Table> {
		const work = this.#engine.query(sql).catch((cause: unknown) => {
			throw new QueryError(sql, cause);
		});
		return withDeadline(work, QUERY_DEADLINE_MS, () => new QueryError(sql, 'DuckDB did not answer in time'));
	}

	#enqueue<T>(operation: () => Promise<T>): Promise<T> {
		const result = this.#tail.then(operation);
		// The caller hears of a failure through `result`; the queue only waits for it to settle.
		this.#tail = result.catch(() => undefined);
		return result;
	}
}
