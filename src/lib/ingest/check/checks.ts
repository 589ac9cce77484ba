import type { Database, Session } from '../../db/database';
import { clip, SHOWN_CHARACTERS, type Problem } from './problems';
import type { StagedFile } from '../stage/stage';

/** A question asked of a staged file: SQL returning ("row", value, message) for every row it finds. */
export interface Check {
	/** The column reported, by position in the file's header; null for whole-row problems. */
	column: number | null;
	/**
	 * When the column differs from row to row (a wide file's period columns, stray cells past the
	 * header), the SQL also returns "col", the header position of each cell it finds.
	 */
	columnPerRow?: boolean;
	sql: string;
	fix: string;
	severity?: Problem['severity'];
}

/** At most this many rows of one check are listed; the rest are counted. */
export const LISTED_PER_CHECK = 1000;

function union(checks: readonly Check[]): string {
	return checks
		.map((c, k) => `SELECT ${k} AS k, "row", ${c.columnPerRow ? 'CAST(col AS INTEGER)' : 'CAST(NULL AS INTEGER)'} AS col,
			left(CAST(value AS VARCHAR), ${SHOWN_CHARACTERS + 1}) AS value, length(CAST(value AS VARCHAR)) AS chars,
			CAST(message AS VARCHAR) AS message FROM (${c.sql})`)
		.join('\nUNION ALL\n');
}

/** Runs every check of a file in one query and turns what they find into located problems. */
export async function runChecks(db: Database | Session, file: StagedFile, checks: readonly Check[]): Promise<Problem[]> {
	if (checks.length === 0) return [];
	const found = await db.rows<{ k: number; row: number | null; col: number | null; value: string | null; chars: number | null; message: string; total: number }>(`
		SELECT k, "row", col, value, chars, message, total FROM (
			SELECT *, row_number() OVER (PARTITION BY k ORDER BY "row", col) AS n, count(*) OVER (PARTITION BY k) AS total
			FROM (${union(checks)}))
		WHERE n <= ${LISTED_PER_CHECK} ORDER BY k, "row", col`);
	const problems: Problem[] = [];
	checks.forEach((check, k) => {
		const mine = found.filter((f) => f.k === k);
		const base = { severity: check.severity ?? 'error', file: file.name, fix: check.fix };
		const header = (index: number | null) => (index === null ? null : (file.headers[index] || null));
		for (const f of mine) {
			// The cell comes back clipped by SQL; clip() says how long it really was.
			const value = clip(f.value, f.chars ?? 0);
			problems.push({ ...base, column: header(check.columnPerRow ? f.col : check.column), row: f.row, value, message: f.message });
		}
		const total = mine[0]?.total ?? 0;
		if (total > mine.length) {
			const more = total - mine.length;
			problems.push({ ...base, column: header(check.column), row: null, value: null, count: more,
				message: `${more.toLocaleString('en-GB')} more ${more === 1 ? 'row has' : 'rows have'} this problem (${total.toLocaleString('en-GB')} in all; the first ${mine.length.toLocaleString('en-GB')} are listed).` });
		}
	});
	return problems.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
}

/** SQL listing every row (uncapped) that an error-severity check finds: the rows "valid rows only" skips. */
export function errorRowsSql(checks: readonly Check[]): string | null {
	const errors = checks.filter((c) => (c.severity ?? 'error') === 'error');
	return errors.length ? `SELECT DISTINCT "row" FROM (${union(errors)}) WHERE "row" IS NOT NULL` : null;
}
