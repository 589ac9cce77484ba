import type { Table } from 'apache-arrow';

/**
 * The one narrow door to DuckDB. The browser (worker) build and the Node build used by tests
 * and the command-line validator both implement it, so every piece of SQL runs unchanged in both.
 */
export interface Engine {
	/** Runs one or more statements; resolves to the last statement's result as Arrow. */
	query(sql: string): Promise<Table>;
	/**
	 * Makes bytes readable by SQL (`read_csv('name')`) without copying them into a table. The
	 * bytes are handed over: the browser build transfers them to DuckDB's worker, which leaves the
	 * caller's buffer empty. Pass a copy to keep using them. A Blob (a File the user chose) is
	 * read by DuckDB's worker itself, as SQL asks for it.
	 */
	registerFile(name: string, bytes: Uint8Array | Blob): Promise<void>;
	dropFile(name: string): Promise<void>;
	/**
	 * Runs `copy(path)`, a `COPY … TO path` statement, and returns the file it wrote. DuckDB's own
	 * writer, so a million rows never pass through JavaScript one by one.
	 */
	copyOut(copy: (path: string) => string): Promise<Uint8Array>;
	/**
	 * A query's result as DuckDB's own Arrow IPC stream, not read into JavaScript: bytes to keep.
	 * Mind QUERY_CONFIG: BIGINT, DECIMAL and TIMESTAMP columns come out cast (see workspace-format.ts).
	 */
	arrowOut(sql: string): Promise<Uint8Array>;
	/**
	 * Inserts an Arrow IPC stream (arrowOut's) into `schema.table`, or with `create` makes that table
	 * of it. The bytes are handed over, as registerFile's.
	 */
	insertArrow(schema: string, table: string, bytes: Uint8Array, create: boolean): Promise<void>;
	close(): Promise<void>;
}

/** Settings every engine applies right after connecting. */
export const ENGINE_SETUP_SQL = [
	// Only core functions are built in; autoloading would try to download extensions,
	// which must never happen (privacy) and crashes offline.
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false'
].join(';\n');

/** Config shared by both builds: numbers and dates come back as JS numbers and Dates, not BigInt. */
export const QUERY_CONFIG = {
	castBigIntToDouble: true,
	castDecimalToDouble: true,
	castTimestampToDate: true
} as const;
