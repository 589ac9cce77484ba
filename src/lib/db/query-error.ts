/** A failed statement, carrying the SQL that failed so that whoever shows the error can say what ran. */
export class QueryError extends Error {
	readonly sql: string;

	constructor(sql: string, cause: unknown) {
		const reason = cause instanceof Error ? cause.message : String(cause);
		super(`${reason}\n-- while running:\n${sql}`, { cause });
		this.name = 'QueryError';
		this.sql = sql;
	}
}

/** Rejects with `onTimeout()` when `work` has not settled within `ms`: a dead DuckDB worker never rejects. */
export function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(onTimeout()), ms);
	});
	return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
