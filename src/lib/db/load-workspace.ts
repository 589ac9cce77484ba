/**
 * Loads a workspace (workspace-format.ts) in place of everything loaded, in one transaction: all
 * of it, or nothing. Its tables are first read into a schema of their own, as they were written;
 * brought up to this app's schema version by the migrations; checked (every table of this version
 * there, with its columns, and the whole of it consistent: integrity.ts); and only then do they
 * replace the database's tables. A refusal leaves what was loaded as it was.
 */
import type { Database, Session } from './database';
import { endsAsStream } from './arrow-ipc';
import { integrityFaults } from './integrity';
import { migrationsAfter, MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';
import { ident, str } from './sql';
import { arrowExact, CSV_DIALECT, fromArrowColumns, WorkspaceRefusal, type TablePart, type WorkspaceSource } from './workspace-format';
import { tableColumns, tableNames } from '../ingest/table-text';

/** Where a workspace's tables wait while they are brought up to date and checked. */
const INCOMING = 'oba_incoming';
/** Where Arrow parts are read into, before the transaction, as CSV parts are registered. */
const ARROW_PARTS = 'oba_arrow_parts';

export type LoadStep = 'reading' | 'loading' | 'checking' | 'replacing';

export interface LoadOptions {
	/** Called as each step starts; `fraction` of the loading step done (by bytes). */
	progress?: (step: LoadStep, fraction: number) => void;
	/** The migrations to apply (tests give their own); default, the app's. */
	migrations?: readonly Migration[];
	/**
	 * Written by this app and kept by it since (the tables kept in this browser, the build's sample):
	 * at this schema version it goes straight into the tables, its shape, lengths and row counts
	 * checked, not its consistency again, which it had when it was written. A file a person brings
	 * is always checked whole.
	 */
	ours?: boolean;
}

export interface LoadResult {
	tables: number;
	rows: number;
	/** The schema version the workspace was written with. */
	schemaVersion: number;
}

const NAME = /^[a-z_][a-z0-9_]*$/;
const TYPE = /^(VARCHAR|INTEGER|BIGINT|SMALLINT|TINYINT|HUGEINT|DOUBLE|FLOAT|BOOLEAN|DATE|TIMESTAMP|DECIMAL\(\d{1,2},\d{1,2}\))$/;

function readCsv(file: string, columns: TablePart['columns']): string {
	return `read_csv(${str(file)}, auto_detect = false, header = false, delim = ${str(CSV_DIALECT.delim)}, quote = ${str(CSV_DIALECT.quote)}, ` +
		`escape = ${str(CSV_DIALECT.escape)}, new_line = '\\n', allow_quoted_nulls = false, ` +
		`columns = {${columns.map(([name, type]) => `${str(name)}: ${str(type)}`).join(', ')}})`;
}

async function columnsOf(session: Session, schema: string): Promise<Map<string, string>> {
	const rows = await session.rows<{ table: string; columns: string }>(`
		SELECT table_name AS "table", string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index) AS columns
		FROM duckdb_columns() WHERE schema_name = ${str(schema)} AND database_name = current_database() GROUP BY table_name`);
	return new Map(rows.map((r) => [r.table, r.columns]));
}

/** Every table of this version there, with this version's columns, and no other. */
function shapeFaults(given: Map<string, string>, expected: Map<string, string>): string[] {
	const faults: string[] = [];
	const missing = [...expected.keys()].filter((t) => !given.has(t));
	if (missing.length) faults.push(`It has no table ${missing.map((t) => `"${t}"`).join(', ')}: the file is incomplete.`);
	for (const [table, columns] of given) {
		if (!expected.has(table)) faults.push(`It has a table "${table}" that this version of the dashboard does not have.`);
		else if (expected.get(table) !== columns) faults.push(`Its table "${table}" has other columns than this version of the dashboard: ${columns}.`);
	}
	return faults;
}

/** The tables of an index, as columnsOf gives a schema's. */
const indexColumns = (tables: readonly TablePart[]) => new Map(tables.map((t) => [t.table, t.columns.map(([name, type]) => `${name} ${type}`).join(', ')]));

export async function loadWorkspace(db: Database, source: WorkspaceSource, options: LoadOptions = {}): Promise<LoadResult> {
	const { index } = source;
	const migrations = options.migrations ?? MIGRATIONS;
	const latest = migrations.at(-1)?.version ?? SCHEMA_VERSION;
	if (index.schemaVersion > latest) {
		throw new WorkspaceRefusal(`It was saved by a newer version of the dashboard (schema version ${index.schemaVersion}); this version reads up to schema version ${latest}.`,
			'Open it in the newer version of the dashboard, or update this one.');
	}
	for (const t of index.tables) {
		if (!NAME.test(t.table) || t.columns.some(([name, type]) => !NAME.test(name) || !TYPE.test(type))) {
			throw new WorkspaceRefusal(`Its table "${t.table}" has a name or a column this dashboard never writes: the file was changed or made by another program.`);
		}
	}
	if (new Set(index.tables.map((t) => t.table)).size !== index.tables.length) throw new WorkspaceRefusal('It lists a table twice: the file was changed by hand.');

	options.progress?.('reading', 0);
	const files: string[] = [];
	const total = index.tables.reduce((n, t) => n + t.bytes, 0) || 1;
	/**
	 * How each part is read: SQL to insert from; or, for an Arrow part of columns Arrow carries
	 * exactly, its bytes, inserted straight into the table (no copy through a table of its own).
	 */
	const reads: ({ sql: string } | { arrow: Uint8Array } | null)[] = [];
	const damaged = (t: TablePart) => new WorkspaceRefusal(`Its table "${t.table}" could not be read: the file is damaged.`);
	try {
		if (index.tables.some((t) => t.encoding === 'arrow')) await db.exec(`DROP SCHEMA IF EXISTS ${ARROW_PARTS} CASCADE; CREATE SCHEMA ${ARROW_PARTS}`);
		for (const [i, t] of index.tables.entries()) {
			const part = await source.part(i);
			if ((part instanceof Blob ? part.size : part.byteLength) !== t.bytes) throw new WorkspaceRefusal(`Its table "${t.table}" is not the length its index says: the file is damaged.`);
			if (t.rows === 0) {
				reads.push(null);
			} else if (t.encoding === 'arrow') {
				// A copy of bytes, as for registerFile: DuckDB's worker takes what it is given.
				const bytes = part instanceof Blob ? new Uint8Array(await part.arrayBuffer()) : part.slice();
				if (!endsAsStream(bytes)) throw damaged(t);
				if (arrowExact(t.columns)) {
					reads.push({ arrow: bytes });
					continue;
				}
				const name = `part_${i}`;
				await db.insertArrow(ARROW_PARTS, name, bytes, true).catch(() => {
					throw damaged(t);
				});
				const [made] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = ${str(ARROW_PARTS)} AND table_name = ${str(name)}`);
				if (!made?.n) throw damaged(t);
				reads.push({ sql: `(SELECT ${fromArrowColumns(t.columns)} FROM ${ARROW_PARTS}.${name})` });
			} else {
				const name = `oba-workspace-${i}.csv`;
				await db.registerFile(name, part instanceof Blob ? part : part.slice());
				files.push(name);
				reads.push({ sql: readCsv(name, t.columns) });
			}
		}
		const direct = options.ours === true && index.schemaVersion === latest;
		return await db.transaction(async (session) => {
			const expected = await columnsOf(session, 'main');
			const into = (t: TablePart) => (direct ? ident(t.table) : `${INCOMING}.${ident(t.table)}`);
			if (direct) {
				const faults = shapeFaults(indexColumns(index.tables), expected);
				if (faults.length) throw new WorkspaceRefusal(faults.join(' '));
				await session.exec([...expected.keys()].map((t) => `DELETE FROM ${ident(t)}`).join(';\n'));
			} else {
				await session.exec(`DROP SCHEMA IF EXISTS ${INCOMING} CASCADE; CREATE SCHEMA ${INCOMING}`);
			}
			let loaded = 0;
			for (const [i, t] of index.tables.entries()) {
				options.progress?.('loading', loaded / total);
				if (!direct) await session.exec(`CREATE TABLE ${into(t)} (${t.columns.map(([name, type]) => `${ident(name)} ${type}`).join(', ')})`);
				const read = reads[i]!;
				const [inserted] = read === null ? [{ Count: 0 }]
					: 'sql' in read ? await session.rows<{ Count: number }>(`INSERT INTO ${into(t)} (${t.columns.map(([name]) => ident(name)).join(', ')}) SELECT * FROM ${read.sql}`)
					: await session.insertArrow(direct ? 'main' : INCOMING, t.table, read.arrow, false).then(
						() => session.rows<{ Count: number }>(`SELECT count(*) AS "Count" FROM ${into(t)}`),
						() => { throw damaged(t); });
				if (inserted!.Count !== t.rows) throw new WorkspaceRefusal(`Its table "${t.table}" has ${inserted!.Count} rows where its index says ${t.rows}: the file is damaged.`);
				loaded += t.bytes;
			}
			const result = { tables: index.tables.length, rows: index.tables.reduce((n, t) => n + t.rows, 0), schemaVersion: index.schemaVersion };
			if (direct) return result;
			options.progress?.('checking', 1);
			for (const m of migrationsAfter(index.schemaVersion, migrations)) await session.exec(m.up(INCOMING));
			const faults = shapeFaults(await columnsOf(session, INCOMING), expected);
			if (!faults.length) faults.push(...(await integrityFaults(session, INCOMING)));
			if (faults.length) throw new WorkspaceRefusal(faults.join(' '));
			options.progress?.('replacing', 1);
			const statements = [];
			for (const table of await tableNames(session)) {
				const columns = (await tableColumns(session, table)).map((c) => ident(c.name)).join(', ');
				statements.push(`DELETE FROM ${ident(table)}`, `INSERT INTO ${ident(table)} (${columns}) SELECT ${columns} FROM ${INCOMING}.${ident(table)}`);
			}
			await session.exec(statements.join(';\n'));
			return result;
		});
	} catch (error) {
		if (error instanceof WorkspaceRefusal) throw error;
		// DuckDB refused a row (a value that is not of its column's type, a broken rule of the schema).
		const first = error instanceof Error ? error.message.split('\n').find((line) => /Error/.test(line)) ?? error.message.split('\n')[0] : String(error);
		throw new WorkspaceRefusal(`A row does not fit this version of the dashboard: ${first}`);
	} finally {
		// Dropped after the transaction: DuckDB (1.4) refuses to commit one that wrote to a table
		// of one schema and dropped another schema's table of the same name.
		await db.exec(`DROP SCHEMA IF EXISTS ${INCOMING} CASCADE; DROP SCHEMA IF EXISTS ${ARROW_PARTS} CASCADE`);
		for (const name of files) await db.dropFile(name);
	}
}

/** Empties every table, in one transaction: nothing loaded, the sample included. */
export async function emptyWorkspace(db: Database): Promise<void> {
	await db.transaction(async (session) => session.exec((await tableNames(session)).map((t) => `DELETE FROM ${ident(t)}`).join(';\n')));
}
