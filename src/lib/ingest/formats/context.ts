import type { Database, Session } from '../../db/database';
import type { DataTable } from '../../db/schema';
import type { Previewed } from '../compare/changes';
import type { Check } from '../check/checks';
import type { ColumnMatch } from '../match/columns';
import type { FormatSpec } from './specs';
import type { Lookup, Lookups } from '../check/lookup';
import type { Problem } from '../check/problems';
import { cell, type StagedFile } from '../stage/stage';

export type DataSource = 'seed' | 'real' | 'sample' | 'imported';

/** What a format handler works with: the staged file and which of its columns are which. */
export interface FormatContext {
	db: Database;
	file: StagedFile;
	spec: FormatSpec;
	match: ColumnMatch;
	source: DataSource;
	lookups: Lookups;
	/**
	 * For canonical columns whose header differs by row (a wide file's period and value), SQL over
	 * the staged table `s` giving each row's header position, so problems name the right column.
	 */
	cellColumn?: Partial<Record<string, string>>;
	/** A name for a temporary table of this import, dropped with it. */
	temp(name: string): string;
}

/** A handler checks a staged file and, if it may be written, says how to write it. */
export interface Prepared {
	/** Problems found while preparing (headers, choices). */
	problems?: Problem[];
	/** Row checks, all run in one query. */
	checks: Check[];
	/** The file's periods, parsed (`table` is what the lookup joins to): the reading report says how they were read. */
	period?: { lookup: Lookup; table: string };
	/** The measures the file would write, shaped like the measures table: the preview shows what changes. */
	measures?: string;
	/**
	 * The rows the file would write, as SQL relations shaped like measure_values and reviews:
	 * the preview compares them with what is loaded.
	 */
	/**
	 * `rolledUp`: the values include quarters and years rolled up from months, marked `rolled_up`
	 * (monthly-rollup.ts). `validValues`: the values written when the rows `errorRows` (SQL of "row"s)
	 * are left out, where that is more than leaving out their own values (a quarter rolled up is made
	 * of the months that are left); else the preview leaves out the values of those rows. `removes`:
	 * the stored values the import removes (a measure's years of the kind it no longer has).
	 */
	incoming?: { values?: string; reviews?: string; rolledUp?: boolean; validValues?: (errorRows: string) => string; removes?: string };
	/**
	 * Writes the file's rows inside the import's transaction. `previewed`: what the preview made of
	 * them, when no row has been left out since; what the handler made of them is then still true too.
	 */
	write(session: Session, importId: number, previewed?: Previewed): Promise<void>;
	/** Every table write() may change: their changes are kept so the import can be undone (see history.ts). */
	writes: readonly DataTable[];
	/**
	 * Those of `writes` whose history write() records itself, by key, as it replaces rows: comparing
	 * whole copies of a table of a million values before and after would cost more than the write.
	 */
	recordsOwnHistory?: readonly DataTable[];
}

export type FormatHandler = (ctx: FormatContext) => Promise<Prepared>;

/**
 * The SQL for a canonical column's cell in the staged table `s`, trimmed, or NULL when the file
 * lacks it. When the scan of the text (read/records.ts) found no cell of the column that starts or
 * ends with anything but a printable ASCII character, trimming is only making blank cells NULL:
 * over a million rows the test of each cell's ends took longer than the rest of the row's parse.
 */
export function col(ctx: Pick<FormatContext, 'match'> & { file?: Pick<StagedFile, 'decoded'> }, name: string): string {
	const index = ctx.match.found.get(name);
	if (index === undefined) return 'CAST(NULL AS VARCHAR)';
	return ctx.file?.decoded.scan.plainEnds[index] === true ? `nullif(s.${cell(index)}, '')` : trimmed(`s.${cell(index)}`);
}

/**
 * Any white space at either end: a superset of what DuckDB's trim() removes (the Unicode space
 * separators, U+0020 and U+00A0 among them). Tested against the first and last characters with
 * right() instead, it took 2.4 times as long over a million cells: right() reads whole graphemes.
 */
const PADDED = `'^[\\s\\p{Z}\\x{85}]|[\\s\\p{Z}\\x{85}]$'`;

/** Starts and ends with a printable ASCII character (no space), as nearly every cell does. */
const plainEnds = (sql: string) => `ascii(${sql}) BETWEEN 33 AND 126 AND ascii(${sql}[-1]) BETWEEN 33 AND 126`;

/**
 * A cell without the spaces around it, or NULL when blank: nullif(trim(x), ''), but trimming
 * (which copies the text) only a cell that starts or ends with white space, as few do. Over a
 * million long cells the copies cost more than the rest of the reading, and the regular
 * expression a quarter of it: the test of the ends' characters answers for most cells first.
 */
export function trimmed(sql: string): string {
	return `CASE WHEN ${plainEnds(sql)} THEN ${sql} WHEN regexp_matches(${sql}, ${PADDED}) THEN nullif(trim(${sql}), '') ELSE nullif(${sql}, '') END`;
}

/** A canonical column's cell in the staged table `s` as written, untrimmed, or NULL when the file lacks the column. */
export function asWritten(ctx: Pick<FormatContext, 'match'>, name: string): string {
	const index = ctx.match.found.get(name);
	return index === undefined ? 'CAST(NULL AS VARCHAR)' : `s.${cell(index)}`;
}

export function columnIndex(ctx: Pick<FormatContext, 'match'>, name: string): number | null {
	return ctx.match.found.get(name) ?? null;
}

/** Rows where a column the format needs is blank. */
export function blankCells(ctx: FormatContext, name: string, fix: string): Check {
	return {
		column: columnIndex(ctx, name),
		sql: `SELECT s."row", NULL AS value, 'This cell is blank; it needs a ${name.replaceAll('_', ' ')}.' AS message
			FROM ${ctx.file.table} s WHERE ${col(ctx, name)} IS NULL`,
		fix
	};
}

/** Rows whose key repeats an earlier row's: a file says each thing once. */
export function duplicateKeys(ctx: FormatContext, keySql: string, column: string, what: string): Check {
	return {
		column: columnIndex(ctx, column),
		sql: `SELECT "row", key AS value, 'The same ${what} as row ' || first_row || '.' AS message
			FROM (SELECT s."row", ${keySql} AS key, min(s."row") OVER (PARTITION BY ${keySql}) AS first_row FROM ${ctx.file.table} s)
			WHERE "row" <> first_row AND key IS NOT NULL`,
		fix: `Keep one row for each ${what}, or delete the repeated row.`
	};
}
