/**
 * What makes a workspace whole, checked before one replaces what is loaded: its keys are unique,
 * its rows refer to rows that are there, and each value's period says what its dates say. A
 * workspace written by this app always is; a file changed by hand, cut short or made by another
 * program may not be, and opening it would leave pages that cannot be drawn.
 */
import { financialYearLabel, type Period } from '../oba/quarters';
import type { Session } from './database';
import { DATA_TABLES, historyTable, REFERENCES, USER_TABLES } from './schema';
import { ident } from './sql';

/** Every table's key: the data's, the user's, and the import log's. */
const KEYS: Record<string, readonly string[]> = { ...DATA_TABLES, ...USER_TABLES, imports: ['import_id'] };

/** Tables whose rows name the import that wrote them. */
const IMPORT_ID_TABLES = ['reviews', 'measure_values', 'populations', 'statistical_neighbours'] as const;

const list = (values: readonly unknown[]) => values.map((v) => (v === null ? 'blank' : String(v))).join(', ');

/** What is wrong with the tables of schema `s`, in the user's words; empty when nothing is. */
export async function integrityFaults(session: Session, s: string): Promise<string[]> {
	const t = (table: string) => `${ident(s)}.${ident(table)}`;
	const faults: string[] = [];
	for (const [table, key] of Object.entries(KEYS)) {
		const columns = key.map((k) => `CAST(${ident(k)} AS VARCHAR) AS ${ident(k)}`).join(', ');
		const repeated = await session.rows<Record<string, unknown>>(`SELECT ${columns}, count(*) AS n FROM ${t(table)} GROUP BY ALL HAVING count(*) > 1 ORDER BY ALL LIMIT 3`);
		if (repeated.length) {
			const which = repeated.map((r) => `(${list(key.map((k) => r[k]))}) ${r.n} times`).join('; ');
			faults.push(`Its table "${table}" has rows with the same ${key.join(', ')}: ${which}.`);
		}
	}
	const references = [
		...REFERENCES.map((r) => ({ table: r.table as string, column: r.column, to: r.to as string, toColumn: r.toColumn, what: r.what })),
		...IMPORT_ID_TABLES.map((table) => ({ table, column: 'import_id', to: 'imports', toColumn: 'import_id', what: `${table} rows of imports missing from the import log` })),
		...(Object.keys(DATA_TABLES) as (keyof typeof DATA_TABLES)[]).map((d) => ({
			table: historyTable(d), column: 'changed_by', to: 'imports', toColumn: 'import_id', what: `history of imports missing from the import log (${d})`
		}))
	];
	for (const r of references) {
		const dangling = await session.rows<{ value: unknown }>(`SELECT DISTINCT x.${ident(r.column)} AS value FROM ${t(r.table)} x
			WHERE x.${ident(r.column)} IS NOT NULL AND x.${ident(r.column)} NOT IN (SELECT ${ident(r.toColumn)} FROM ${t(r.to)}) ORDER BY 1 LIMIT 3`);
		if (dangling.length) faults.push(`It has ${r.what} (${list(dangling.map((d) => d.value))}).`);
	}
	for (const table of ['measure_values', historyTable('measure_values')]) {
		const periods = await session.rows<{ kind: string; start: string; end: string; label: string }>(`
			SELECT DISTINCT period_kind AS kind, CAST(period_start AS VARCHAR) AS start, CAST(period_end AS VARCHAR) AS "end", period_label AS label
			FROM ${t(table)} ORDER BY ALL`);
		const wrong = periods.filter((p) => !periodAgrees(p));
		if (wrong.length) faults.push(`Its table "${table}" has periods whose dates and label disagree: ${wrong.slice(0, 3).map((p) => `${p.label} (${p.kind}, ${p.start} to ${p.end})`).join('; ')}.`);
	}
	return faults;
}

/**
 * A period's label, kind and dates agree: a month is one month from its first day, a quarter three
 * from the first of its first month, a year twelve from April (financial) or September (academic).
 */
function periodAgrees(p: { kind: string; start: string; end: string; label: string }): boolean {
	const match = /^(\d{4})-(\d{2})-01$/.exec(p.start);
	if (!match) return false;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const months = { month: 1, quarter: 3, year: 12 }[p.kind];
	if (months === undefined) return false;
	if ((p.kind === 'year' && month !== 4 && month !== 9) || (p.kind === 'quarter' && (month - 1) % 3 !== 0)) return false;
	const last = new Date(Date.UTC(year, month - 1 + months, 0)).toISOString().slice(0, 10);
	return p.end === last && p.label === financialYearLabel({ kind: p.kind as Period['kind'], start: p.start, end: p.end });
}
