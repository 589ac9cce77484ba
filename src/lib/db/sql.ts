/** SQL literal helpers: every value that reaches SQL text from a file or a user goes through one of these. */

export function str(value: string | null | undefined): string {
	if (value === null || value === undefined) return 'NULL';
	return `'${value.replaceAll("'", "''")}'`;
}

export function num(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return 'NULL';
	return String(value);
}

export function ident(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** `VALUES (...), (...)` rows for small lookup tables built in TypeScript (periods, agencies). */
export function valuesList(rows: readonly (readonly string[])[]): string {
	return rows.map((cells) => `(${cells.join(', ')})`).join(',\n');
}
