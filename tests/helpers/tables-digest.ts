// What every app table holds, in a few bytes: its row count and the MD5 of its rows written as
// text (each cell cast to VARCHAR, as dumpTables writes it, in the same sorted order), worked out by
// DuckDB in one query. Two databases have equal digests exactly when their dumps are equal (but for
// an MD5 collision), at a tenth of the cost of bringing every cell to JavaScript; a difference names
// the table, and dumpTables (src/lib/ingest/table-text.ts) can then show the cells.
import type { Session } from '../../src/lib/db/database';
import { ident, str } from '../../src/lib/db/sql';
import { tableNames } from '../../src/lib/ingest/table-text';

export type TablesDigest = Record<string, { rows: number; md5: string }>;

export async function tablesDigest(db: Session): Promise<TablesDigest> {
	const tables = await tableNames(db);
	if (tables.length === 0) return {};
	const columns = await db.rows<{ table_name: string; column_name: string }>(`
		SELECT table_name, column_name FROM duckdb_columns()
		WHERE schema_name = 'main' AND database_name = current_database() ORDER BY table_name, column_index`);
	const select = tables.map((table) => {
		// Quoted as in CSV, NULL unquoted: NULL stays apart from the text 'NULL', and a comma inside a cell apart from two cells.
		const cells = columns
			.filter((c) => c.table_name === table)
			.map((c) => `coalesce('"' || replace(CAST(${ident(c.column_name)} AS VARCHAR), '"', '""') || '"', 'NULL')`);
		return `SELECT ${str(table)} AS name, count(*)::INTEGER AS rows, md5(coalesce(string_agg(row_text, chr(10) ORDER BY row_text), '')) AS md5
			FROM (SELECT concat_ws(',', ${cells.join(', ')}) AS row_text FROM ${ident(table)})`;
	});
	const rows = await db.rows<{ name: string; rows: number; md5: string }>(select.join('\nUNION ALL\n'));
	return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, md5: r.md5 }]));
}
