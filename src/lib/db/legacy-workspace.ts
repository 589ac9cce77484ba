/**
 * Workspace files of the first format (JSON, November 2026): every table as rows of text cells,
 * exactly as DuckDB wrote each value as text. Read as a workspace of schema version 1, whose
 * tables they hold; the loader migrates them like any other (see migrations.ts).
 */
import { WorkspaceRefusal, type TablePart, type WorkspaceSource } from './workspace-format';

export const LEGACY_FORMAT = 'oba-dashboard-workspace';

type Cell = string | null;

/** Null is an empty field; every text, the empty one too, is quoted: as DuckDB's writer does. */
const csvCell = (cell: Cell) => (cell === null ? '' : `"${cell.replaceAll('"', '""')}"`);

/** Whether the bytes look like a JSON workspace file (its first character, past white space, is a brace). */
export function isLegacyWorkspace(bytes: Uint8Array): boolean {
	for (const byte of bytes.subarray(0, 64)) {
		if (byte === 0x7b) return true;
		if (![0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].includes(byte)) return false;
	}
	return false;
}

export function legacySource(bytes: Uint8Array): WorkspaceSource {
	let doc: { format?: unknown; version?: unknown; exportedAt?: unknown; tables?: unknown };
	try {
		doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as typeof doc;
	} catch {
		throw new WorkspaceRefusal('The file is not a workspace file: it starts like JSON but is not JSON text (cut off, or changed by hand?).');
	}
	if (typeof doc !== 'object' || doc === null || doc.format !== LEGACY_FORMAT) throw new WorkspaceRefusal('The file is not a workspace saved by this dashboard.');
	if (doc.version !== 1) {
		throw new WorkspaceRefusal(typeof doc.version === 'number'
			? `The workspace file is of version ${doc.version}, which this dashboard does not know: it was saved by a newer version of the dashboard. Open it there.`
			: `The file gives its version as ${JSON.stringify(doc.version)}, which is not a version number: it was changed by hand or by another program.`);
	}
	if (typeof doc.tables !== 'object' || doc.tables === null) throw new WorkspaceRefusal('The workspace file has no tables.');
	const encoder = new TextEncoder();
	const tables: TablePart[] = [];
	const parts: Uint8Array[] = [];
	for (const [table, content] of Object.entries(doc.tables as Record<string, { columns?: unknown; rows?: unknown }>)) {
		const columns = content?.columns;
		const rows = content?.rows;
		const width = Array.isArray(columns) ? columns.length : -1;
		const fits = Array.isArray(columns) && columns.every((c) => Array.isArray(c) && c.length === 2 && c.every((x) => typeof x === 'string')) &&
			Array.isArray(rows) && rows.every((r) => Array.isArray(r) && r.length === width && r.every((c) => c === null || typeof c === 'string'));
		if (!fits) throw new WorkspaceRefusal(`The workspace file’s table "${table}" is damaged: its rows are not lists of ${Math.max(width, 0)} text cells.`);
		const csv = encoder.encode((rows as Cell[][]).map((row) => `${row.map(csvCell).join(',')}\n`).join(''));
		tables.push({ table, columns: columns as [string, string][], rows: rows.length, bytes: csv.byteLength });
		parts.push(csv);
	}
	const savedAt = typeof doc.exportedAt === 'string' ? doc.exportedAt : '';
	return { index: { schemaVersion: 1, savedAt, about: '', tables }, part: async (i) => parts[i]! };
}
