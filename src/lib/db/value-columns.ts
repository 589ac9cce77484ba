/**
 * The columns of measure_values, declared once. The table (schema.ts), its key, the writer, every
 * format's rows of values, the preview's diff and the checks for a repeated key are made from this
 * list. Adding a column is an entry here and a migration (migrations.ts) adding it to measure_values
 * and history_measure_values; a format that gives it sets it in its rows, the others get NULL.
 */
export interface ValueColumn {
	name: string;
	type: 'VARCHAR' | 'DATE' | 'DOUBLE' | 'INTEGER';
	notNull?: true;
	check?: string;
	/** Part of the key: one value per measure, area and period. */
	key?: true;
	/** Set by the import (its source and id), not by the file's rows. */
	byImport?: true;
	/** The preview's word for a change in this column; columns sharing a word are one change. */
	change?: string;
	/** Why the column is there, for the reader of schema.ts. */
	comment?: string;
}

export const VALUE_COLUMNS: readonly ValueColumn[] = [
	{ name: 'measure_id', type: 'VARCHAR', notNull: true, key: true },
	{ name: 'area_code', type: 'VARCHAR', notNull: true, key: true },
	{ name: 'period_start', type: 'DATE', notNull: true, key: true },
	{ name: 'period_end', type: 'DATE', notNull: true },
	{ name: 'period_kind', type: 'VARCHAR', notNull: true, key: true, check: `period_kind IN ('month', 'quarter', 'year')` },
	{ name: 'period_label', type: 'VARCHAR', notNull: true, comment: `as formatPeriod writes it: 'Apr 2017', '2016/17 Q3', '2016/17', 'AY 2017/18'` },
	{ name: 'value', type: 'DOUBLE', change: 'value' },
	{ name: 'marker', type: 'VARCHAR', change: 'value', comment: `e.g. 'c', '[c]', '..'; NULL when there is a value` },
	{ name: 'numerator', type: 'DOUBLE', change: 'numerator and denominator' },
	{ name: 'denominator', type: 'DOUBLE', change: 'numerator and denominator' },
	{ name: 'target', type: 'DOUBLE', change: 'target', comment: 'the target in force for this period, if any' },
	{ name: 'note', type: 'VARCHAR', change: 'note', comment: 'story behind the curve for this period' },
	{ name: 'source', type: 'VARCHAR', notNull: true, byImport: true },
	{ name: 'import_id', type: 'INTEGER', notNull: true, byImport: true }
];

/** The columns a file's rows give (not source and import_id), in the table's order. */
export const FILE_VALUE_COLUMNS = VALUE_COLUMNS.filter((c) => !c.byImport);

export const VALUE_KEY = VALUE_COLUMNS.filter((c) => c.key).map((c) => c.name);

/** The table's column definitions, for CREATE TABLE. */
export const VALUE_COLUMNS_SQL = VALUE_COLUMNS.map((c) =>
	[c.name, c.type, c.notNull ? 'NOT NULL' : '', c.check ? `CHECK (${c.check})` : ''].filter(Boolean).join(' ') + (c.comment ? ` /* ${c.comment} */` : '')
).join(',\n\t');

/** Two rows of measure_values (by their aliases) have the same key. */
export const sameValueKey = (a: string, b: string) => VALUE_KEY.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');

/**
 * A row of values as every format writes it: the columns given, in the table's order, and a typed
 * NULL for each column not given. `given` maps a column to its SQL.
 */
export function valueRowSql(given: Partial<Record<string, string>>): string {
	const unknown = Object.keys(given).filter((k) => !FILE_VALUE_COLUMNS.some((c) => c.name === k));
	if (unknown.length) throw new Error(`measure_values has no column ${unknown.join(', ')}`);
	return FILE_VALUE_COLUMNS.map((c) => `${given[c.name] ?? `CAST(NULL AS ${c.type})`} AS ${c.name}`).join(', ');
}

/** The words for what differs between an incoming row `i` and a stored row `o`, comma-separated ('' when nothing). */
export function changedFieldsSql(i: string, o: string): string {
	const words = [...new Set(FILE_VALUE_COLUMNS.flatMap((c) => (c.change ? [c.change] : [])))];
	return `concat_ws(', ', ${words
		.map((w) => `CASE WHEN ${FILE_VALUE_COLUMNS.filter((c) => c.change === w).map((c) => `${i}.${c.name} IS DISTINCT FROM ${o}.${c.name}`).join(' OR ')} THEN '${w}' END`)
		.join(', ')})`;
}
