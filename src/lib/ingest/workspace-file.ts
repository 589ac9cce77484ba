/**
 * The workspace as one file: every table (the data, the import log, each import's history so
 * that undo still works, and whatever else the app keeps) as JSON, one row per line, every cell
 * as DuckDB writes it as text. Text is lossless where JavaScript numbers and Dates are not
 * (DuckDB writes each DOUBLE as the shortest text that reads back as the same number, and
 * timestamps to the microsecond), and the file stays readable and diffable.
 */
import type { Database } from '../db/database';
import { ident, str } from '../db/sql';
import type { Problem } from './problems';
import { tableColumns, tableNames, tableText, type Cell, type TableColumn } from './table-text';

export const WORKSPACE_FORMAT = 'oba-dashboard-workspace';
export const WORKSPACE_VERSION = 1;

interface WorkspaceTable {
	columns: [name: string, type: string][];
	rows: Cell[][];
}

interface WorkspaceDocument {
	format: string;
	version: number;
	exportedAt: string;
	about: string;
	tables: Record<string, WorkspaceTable>;
}

const ABOUT = 'Everything loaded in the OBA dashboard: every table, each cell as text exactly as the database holds it (null = no value). Open it again with “Open workspace”.';

/** JSON with each row on its own line: small diffs, readable in any editor. */
function layout(doc: WorkspaceDocument): string {
	const tables = Object.entries(doc.tables).map(([name, t]) => {
		const rows = t.rows.map((r) => `\t\t\t\t${JSON.stringify(r)}`).join(',\n');
		return `\t\t${JSON.stringify(name)}: {\n\t\t\t"columns": ${JSON.stringify(t.columns)},\n\t\t\t"rows": [${rows ? `\n${rows}\n\t\t\t` : ''}]\n\t\t}`;
	});
	const head = (['format', 'version', 'exportedAt', 'about'] as const).map((k) => `\t${JSON.stringify(k)}: ${JSON.stringify(doc[k])}`);
	return `{\n${head.join(',\n')},\n\t"tables": {\n${tables.join(',\n')}\n\t}\n}\n`;
}

/** Every table, as one file. */
export async function exportWorkspace(db: Database): Promise<Uint8Array> {
	const tables: Record<string, WorkspaceTable> = {};
	for (const name of await tableNames(db)) {
		const columns = await tableColumns(db, name);
		tables[name] = { columns: columns.map((c) => [c.name, c.type]), rows: await tableText(db, name, columns) };
	}
	const doc: WorkspaceDocument = { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, exportedAt: new Date().toISOString(), about: ABOUT, tables };
	return new TextEncoder().encode(layout(doc));
}

export interface WorkspaceImport {
	ok: boolean;
	problems: Problem[];
	/** Tables and rows loaded. */
	tables: number;
	rows: number;
}

const ROWS_PER_STATEMENT = 500;

function insertSql(table: string, columns: readonly TableColumn[], rows: readonly Cell[][]): string[] {
	const names = columns.map((c) => ident(c.name)).join(', ');
	const statements: string[] = [];
	for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
		const values = rows
			.slice(i, i + ROWS_PER_STATEMENT)
			.map((row) => `(${columns.map((c, k) => (row[k] === null || row[k] === undefined ? 'NULL' : `CAST(${str(row[k] as string)} AS ${c.type})`)).join(', ')})`);
		statements.push(`INSERT INTO ${ident(table)} (${names}) VALUES ${values.join(',\n')}`);
	}
	return statements;
}

/** What is wrong with a workspace file for this database, before anything is replaced. */
function check(doc: unknown, expected: Map<string, TableColumn[]>): string[] {
	if (typeof doc !== 'object' || doc === null) return ['The file is not a workspace file.'];
	const d = doc as Partial<WorkspaceDocument>;
	if (d.format !== WORKSPACE_FORMAT) return ['The file is not a workspace saved by this dashboard.'];
	if (d.version !== WORKSPACE_VERSION) return [`The workspace is version ${d.version}; this dashboard reads version ${WORKSPACE_VERSION}.`];
	if (typeof d.tables !== 'object' || d.tables === null) return ['The workspace has no tables.'];
	const faults: string[] = [];
	for (const [name, table] of Object.entries(d.tables)) {
		const columns = expected.get(name);
		if (!columns) {
			faults.push(`It has a table "${name}" that this version of the dashboard does not have.`);
			continue;
		}
		const given = JSON.stringify(table?.columns);
		if (given !== JSON.stringify(columns.map((c) => [c.name, c.type]))) faults.push(`Its table "${name}" has other columns than this version of the dashboard.`);
		else if (!Array.isArray(table.rows) || table.rows.some((r) => !Array.isArray(r) || r.length !== columns.length || r.some((c) => c !== null && typeof c !== 'string'))) {
			faults.push(`Its table "${name}" has rows that are not lists of ${columns.length} text cells.`);
		}
	}
	return faults;
}

/**
 * Replaces everything loaded with a workspace file, in one transaction: all of it, or (if the
 * file is not a workspace of this version, or any row does not fit) nothing.
 */
export async function importWorkspace(db: Database, bytes: Uint8Array, name = 'workspace.json'): Promise<WorkspaceImport> {
	const refused = (message: string): WorkspaceImport => ({
		ok: false, tables: 0, rows: 0,
		problems: [{ severity: 'error', file: name, row: null, column: null, value: null, message,
			fix: 'Open a workspace file saved by this dashboard (“Save workspace”), unchanged.' }]
	});
	let doc: unknown;
	try {
		doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		return refused('The file is not a workspace file: it is not JSON text.');
	}
	const expected = new Map<string, TableColumn[]>();
	for (const table of await tableNames(db)) expected.set(table, await tableColumns(db, table));
	const faults = check(doc, expected);
	if (faults.length) return refused(faults.join(' '));
	const tables = (doc as WorkspaceDocument).tables;
	try {
		await db.transaction(async (session) => {
			// Every table is emptied, including tables the file does not have (a newer table stays empty).
			await session.exec([...expected.keys()].map((t) => `DELETE FROM ${ident(t)}`).join(';\n'));
			for (const [table, content] of Object.entries(tables)) {
				for (const statement of insertSql(table, expected.get(table)!, content.rows)) await session.exec(statement);
			}
		});
	} catch (error) {
		return refused(`The workspace could not be loaded, so nothing was changed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
	}
	const rows = Object.values(tables).reduce((sum, t) => sum + t.rows.length, 0);
	return { ok: true, problems: [], tables: Object.keys(tables).length, rows };
}
