import type { Database, Session } from '../db/database';
import type { Problem } from './problems';
import type { StagedFile } from './stage';

/** A question asked of a staged file: SQL returning ("row", value, message) for every row it finds. */
export interface Check {
	/** The column reported, by position in the file's header; null for whole-row problems. */
	column: number | null;
	sql: string;
	fix: string;
	severity?: Problem['severity'];
}

/** At most this many rows of one check are listed; the rest are counted. */
export const LISTED_PER_CHECK = 1000;

/** Runs every check of a file in one query and turns what they find into located problems. */
export async function runChecks(db: Database | Session, file: StagedFile, checks: readonly Check[]): Promise<Problem[]> {
	if (checks.length === 0) return [];
	const union = checks
		.map((c, k) => `SELECT ${k} AS k, "row", CAST(value AS VARCHAR) AS value, CAST(message AS VARCHAR) AS message FROM (${c.sql})`)
		.join('\nUNION ALL\n');
	const found = await db.rows<{ k: number; row: number | null; value: string | null; message: string; total: number }>(`
		SELECT k, "row", value, message, total FROM (
			SELECT *, row_number() OVER (PARTITION BY k ORDER BY "row") AS n, count(*) OVER (PARTITION BY k) AS total
			FROM (${union}))
		WHERE n <= ${LISTED_PER_CHECK} ORDER BY k, "row"`);
	const problems: Problem[] = [];
	checks.forEach((check, k) => {
		const mine = found.filter((f) => f.k === k);
		const base = {
			severity: check.severity ?? 'error',
			file: file.name,
			column: check.column === null ? null : (file.headers[check.column] ?? null),
			fix: check.fix
		};
		for (const f of mine) problems.push({ ...base, row: f.row, value: f.value, message: f.message });
		const total = mine[0]?.total ?? 0;
		if (total > mine.length) {
			const more = (total - mine.length).toLocaleString('en-GB');
			problems.push({ ...base, row: null, value: null, message: `${more} more rows have this problem.` });
		}
	});
	return problems.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
}
