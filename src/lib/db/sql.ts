/** SQL literal helpers: every value that reaches SQL text from a file or a user goes through one of these. */

export function str(value: string | null | undefined): string {
	if (value === null || value === undefined) return 'NULL';
	return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A number as SQL that reads back as the very same number. A decimal literal would not: DuckDB
 * reads `-0.9514285714285793` as a DECIMAL, whose cast to DOUBLE can land one unit in the last
 * place away. Text cast to DOUBLE is read exactly (JavaScript writes the shortest exact text).
 */
export function num(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return 'NULL';
	return Number.isSafeInteger(value) ? String(value) : `CAST('${String(value)}' AS DOUBLE)`;
}

export function ident(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** `VALUES (...), (...)` rows for small lookup tables built in TypeScript (periods, agencies). */
export function valuesList(rows: readonly (readonly string[])[]): string {
	return rows.map((cells) => `(${cells.join(', ')})`).join(',\n');
}
