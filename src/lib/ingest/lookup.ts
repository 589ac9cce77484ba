import type { Database, Session } from '../db/database';
import { ident, num, str, valuesList } from '../db/sql';
import type { Problem } from './problems';
import { cell, type StagedFile } from './stage';

export type Cell = string | number | boolean | null;
export type Parsed = { ok: true; fields: Record<string, Cell> } | { ok: false; message: string };
export type FieldType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' | 'DATE';

export interface LookupSpec {
	/** Position of the column in the file's header (where problems are reported). */
	column: number;
	/** The text to parse, when it is not just that column's cell (e.g. two DfE columns together). */
	textSql?: string;
	/** What each parsed field is, in SQL. */
	fields: Record<string, FieldType>;
	/** A pure parser from src/lib/oba: it never throws. */
	parse(text: string): Parsed;
	fix: string;
}

/** At most this many rows of one problem are listed; the rest are counted. */
export const LISTED_PER_PROBLEM = 1000;

let lookups = 0;

function literal(value: Cell, type: FieldType): string {
	if (value === null) return 'NULL';
	if (type === 'DOUBLE' || type === 'INTEGER') return num(value as number);
	if (type === 'BOOLEAN') return value ? 'true' : 'false';
	if (type === 'DATE') return `DATE ${str(String(value))}`;
	return str(String(value));
}

/**
 * Parses each distinct text of one column once, in TypeScript, and keeps the answers in a
 * temporary table to join back: the domain rules stay pure functions, and a million rows with
 * a few dozen distinct periods cost a few dozen parses.
 */
export async function buildLookup(
	db: Database | Session,
	file: StagedFile,
	spec: LookupSpec
): Promise<{ table: string; problems: Problem[] }> {
	const table = `lookup_${++lookups}`;
	const textSql = spec.textSql ?? `coalesce(s.${cell(spec.column)}, '')`;
	const texts = (await db.rows<{ text: string }>(`SELECT DISTINCT ${textSql} AS text FROM ${file.table} s`)).map(
		(r) => r.text
	);
	const names = Object.keys(spec.fields);
	const columns = ['text VARCHAR', 'ok BOOLEAN', 'message VARCHAR', ...names.map((n) => `${ident(n)} ${spec.fields[n]}`)];
	await db.exec(`CREATE OR REPLACE TEMP TABLE ${table} (${columns.join(', ')})`);
	for (let start = 0; start < texts.length; start += 1000) {
		const rows = texts.slice(start, start + 1000).map((text) => {
			const parsed = spec.parse(text);
			const fields = names.map((n) => (parsed.ok ? literal(parsed.fields[n] ?? null, spec.fields[n]!) : 'NULL'));
			return [str(text), String(parsed.ok), parsed.ok ? 'NULL' : str(parsed.message), ...fields];
		});
		if (rows.length) await db.exec(`INSERT INTO ${table} VALUES ${valuesList(rows)}`);
	}
	const problems = await locate(db, file, spec.column, `
		SELECT s."row", s.${cell(spec.column)} AS value, l.message
		FROM ${file.table} s JOIN ${table} l ON l.text = ${textSql}
		WHERE NOT l.ok`, spec.fix);
	return { table, problems };
}

/**
 * Turns a query of (row, value, message) into located problems: the first rows listed,
 * and one more problem saying how many rows like them were not listed.
 */
export async function locate(
	db: Database | Session,
	file: StagedFile,
	column: number | null,
	sql: string,
	fix: string,
	severity: Problem['severity'] = 'error'
): Promise<Problem[]> {
	const found = await db.rows<{ row: number; value: string | null; message: string; total: number }>(
		`SELECT *, count(*) OVER () AS total FROM (${sql}) ORDER BY "row" LIMIT ${LISTED_PER_PROBLEM}`
	);
	const header = column === null ? null : (file.headers[column] ?? null);
	const problems: Problem[] = found.map((r) => ({
		severity,
		file: file.name,
		row: r.row,
		column: header,
		value: r.value,
		message: r.message,
		fix
	}));
	const total = found[0]?.total ?? 0;
	if (total > found.length) {
		problems.push({
			severity,
			file: file.name,
			row: null,
			column: header,
			value: null,
			message: `${(total - found.length).toLocaleString('en-GB')} more rows have this problem in this column.`,
			fix
		});
	}
	return problems;
}
