import type { Database, Session } from '../../db/database';
import { ident, num, str, valuesList } from '../../db/sql';
import type { Check } from './checks';
import { cell, type StagedFile } from '../stage/stage';

export type Cell = string | number | boolean | null;
export type Parsed = { ok: true; fields: Record<string, Cell> } | { ok: false; message: string };
export type FieldType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' | 'DATE';

export interface LookupSpec {
	/** Position of the column in the file's header (where problems are reported). */
	column: number;
	/** The text to parse, when it is not just that column's cell (e.g. two DfE columns together). */
	textSql?: string;
	/**
	 * SQL for the header position of each row's cell, where it varies by row (a wide file's periods,
	 * or a DfE period whose fault may be in either of its two columns); it may read `s` and the parse `l`.
	 */
	columnSql?: string;
	/** SQL over `s` for the cell shown in a problem, when not the column's own cell. */
	valueSql?: string;
	/** What each parsed field is, in SQL. */
	fields: Record<string, FieldType>;
	/** A pure parser from src/lib/oba: it never throws. */
	parse(text: string): Parsed;
	/**
	 * The commonest spelling, read by DuckDB instead: texts matching `pattern` (RE2, whole text) get
	 * `fields` (SQL over the text's SQL; NULL when absent), which must be what `parse` gives them
	 * (tests/db/plain-cells.test.ts). A million rows of plain numbers then never travel to JavaScript.
	 */
	plain?: { pattern: string; fields: Record<string, (text: string) => string> };
	fix: string;
}

/** A parsed column: `join` it to the staged table `s` and read its fields with `field`. */
export interface Lookup {
	/** Every distinct text of the column with its parse (text, ok, message and the fields). */
	table: string;
	alias: string;
	/** Once built, empty when every text is plain or blank: the fields are then read in place. */
	readonly join: string;
	/** SQL for a parsed field of each row of `s`. */
	field(name: string): string;
}

function literal(value: Cell, type: FieldType): string {
	if (value === null) return 'NULL';
	if (type === 'DOUBLE' || type === 'INTEGER') return num(value as number);
	if (type === 'BOOLEAN') return value ? 'true' : 'false';
	if (type === 'DATE') return `DATE ${str(String(value))}`;
	return str(String(value));
}

const textOf = (spec: LookupSpec) => spec.textSql ?? `coalesce(s.${cell(spec.column)}, '')`;

class ColumnLookup implements Lookup {
	/** Each field's SQL over `s` when no join is needed (see Lookups.build). */
	inPlace: Record<string, string> | null = null;

	constructor(readonly spec: LookupSpec, readonly table: string, readonly alias: string) {}

	get join(): string {
		return this.inPlace ? '' : `JOIN ${this.table} ${this.alias} ON ${this.alias}.text = ${textOf(this.spec)}`;
	}

	field(name: string): string {
		return this.inPlace?.[name] ?? `${this.alias}.${ident(name)}`;
	}
}

/**
 * A column whose every text is plain or blank is read in place, without a join: a million rows
 * of numbers then cost one cast each, not a hash of their text. null when it has other texts.
 */
export function fieldsInPlace(spec: LookupSpec, otherTexts: string[]): Record<string, string> | null {
	const blank = spec.parse('');
	if (!spec.plain || !blank.ok || otherTexts.some((t) => t !== '')) return null;
	const text = textOf(spec);
	return Object.fromEntries(Object.entries(spec.fields).map(([name, type]) => {
		const plain = spec.plain!.fields[name]?.(text) ?? 'NULL';
		return [name, `CASE WHEN ${text} = '' THEN ${literal(blank.fields[name] ?? null, type)} ELSE CAST(${plain} AS ${type}) END`];
	}));
}

/** The columns of a lookup's table: each text with its parse. */
const lookupColumns = (spec: LookupSpec) =>
	['text VARCHAR', 'ok BOOLEAN', 'message VARCHAR', ...Object.entries(spec.fields).map(([n, type]) => `${ident(n)} ${type}`)];

/**
 * Parses each distinct text of a column once, in TypeScript, and keeps the answers in a temporary
 * table to join back: the domain rules stay pure functions, and a million rows with a few dozen
 * distinct periods cost a few dozen parses. All of a file's lookups are built in two queries.
 */
export class Lookups {
	#pending: ColumnLookup[] = [];
	#made = 0;
	#prefix: string;

	/** `prefix`: the import's prefix for temporary tables (see stage.ts). */
	constructor(prefix: string) {
		this.#prefix = prefix;
	}

	add(spec: LookupSpec): Lookup {
		const n = ++this.#made;
		const lookup = new ColumnLookup(spec, `${this.#prefix}lookup${n}`, `l${n}`);
		this.#pending.push(lookup);
		return lookup;
	}

	/** Builds every lookup added so far; returns the checks that list the cells that did not parse. */
	async build(db: Database | Session, file: StagedFile): Promise<Check[]> {
		const all = this.#pending;
		this.#pending = [];
		// A column the scan of the text found all plain numbers (or blank) is read in place without
		// listing its texts: DuckDB would only find what the scan did, in a pass over every row.
		const plainColumns = file.decoded.scan.plainNumbers;
		const known = all.filter(({ spec }) => spec.plain && spec.textSql === undefined && plainColumns[spec.column] === true);
		const statementsKnown = known.flatMap((lookup) => {
			lookup.inPlace = fieldsInPlace(lookup.spec, []);
			return lookup.inPlace ? [`CREATE OR REPLACE TEMP TABLE ${lookup.table} (${lookupColumns(lookup.spec).join(', ')})`] : [];
		});
		const pending = all.filter((lookup) => !lookup.inPlace);
		if (pending.length === 0) {
			if (statementsKnown.length) await db.exec(statementsKnown.join(';\n'));
			return [];
		}
		// Each column's distinct texts, found in one scan of it; the plain ones stay in DuckDB.
		const distinct = `${this.#prefix}texts${this.#made}`;
		await db.exec(`CREATE OR REPLACE TEMP TABLE ${distinct} AS
			${pending.map(({ spec }, k) => `SELECT DISTINCT ${k} AS k, ${textOf(spec)} AS text FROM ${file.table} s`).join('\nUNION ALL\n')}`);
		const isPlain = (spec: LookupSpec) => `regexp_full_match(text, ${str(spec.plain!.pattern)})`;
		const plainTexts = pending.map(({ spec }, k) => (spec.plain ? `(k = ${k} AND ${isPlain(spec)})` : null)).filter((x) => x !== null);
		const texts = await db.rows<{ k: number; text: string }>(
			`SELECT k, text FROM ${distinct} ${plainTexts.length ? `WHERE NOT (${plainTexts.join(' OR ')})` : ''}`);
		const failing = new Set<number>();
		const statements = pending.flatMap((lookup, k) => {
			const spec = lookup.spec;
			const names = Object.keys(spec.fields);
			const columns = lookupColumns(spec);
			const mine = texts.filter((t) => t.k === k).map((t) => t.text);
			lookup.inPlace = fieldsInPlace(spec, mine);
			const rows = mine
				.map((text) => {
					const parsed = spec.parse(text);
					if (!parsed.ok) failing.add(k);
					const fields = names.map((n) => (parsed.ok ? literal(parsed.fields[n] ?? null, spec.fields[n]!) : 'NULL'));
					return [str(text), String(parsed.ok), parsed.ok ? 'NULL' : str(parsed.message), ...fields];
				});
			const plain = spec.plain;
			return [
				`CREATE OR REPLACE TEMP TABLE ${lookup.table} (${columns.join(', ')})`,
				...(rows.length ? [`INSERT INTO ${lookup.table} VALUES ${valuesList(rows)}`] : []),
				...(plain ? [`INSERT INTO ${lookup.table} SELECT text, true, NULL, ${names.map((n) => `CAST(${plain.fields[n]?.('text') ?? 'NULL'} AS ${spec.fields[n]})`).join(', ')}
					FROM ${distinct} WHERE k = ${k} AND ${isPlain(spec)}`] : [])
			];
		});
		await db.exec([...statementsKnown, ...statements, `DROP TABLE ${distinct}`].join(';\n'));
		// A column whose every text parsed needs no check: asking would scan the file for nothing.
		return pending.filter((_, k) => failing.has(k)).map(({ spec, table }) => ({
			column: spec.column,
			columnPerRow: spec.columnSql !== undefined,
			sql: `SELECT s."row", ${spec.columnSql ?? 'NULL'} AS col, ${spec.valueSql ?? `s.${cell(spec.column)}`} AS value, l.message
				FROM ${file.table} s JOIN ${table} l ON l.text = ${textOf(spec)} WHERE NOT l.ok`,
			fix: spec.fix
		}));
	}
}
