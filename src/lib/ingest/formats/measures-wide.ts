/**
 * Quarterly measures, wide form (DOMAIN.md §4b): one row per measure, one column per period.
 * It is unpivoted in SQL into the long form's shape (one row per measure and period, each keeping
 * its spreadsheet row and the header of its cell) and handed to the long form's handler, so there
 * is one copy of the measure rules, checks and writer.
 */
import { parsePeriod, quarterMonths } from '../../oba/periods';
import { str } from '../../db/sql';
import type { FormatHandler } from './context';
import { importMeasuresLong } from './measures-long';
import { columnLetter, headerProblem, type Problem } from '../check/problems';
import { cell } from '../stage/stage';
import { type Format, measure, measureMeta, measureDetails } from './specs';

/** Header problems of the period columns: typing slips in a period, and one period in two columns. */
function periodHeaderProblems(name: string, row: number, headers: readonly string[], periods: readonly number[], bad: readonly [number, string][]): Problem[] {
	const problems = bad.map(([index, message]) =>
		headerProblem(name, row, headers[index] ?? null, `This header has a number but is not a period: ${message}`,
			'Head each period column with its period, such as 2016/17 Q3, or rename the column if it is not a period.'));
	const seen = new Map<string, number>();
	for (const index of periods) {
		const parsed = parsePeriod(headers[index] ?? '');
		if (!parsed.ok) continue;
		const key = `${parsed.period.kind} ${parsed.period.start}`;
		const first = seen.get(key);
		if (first === undefined) seen.set(key, index);
		else {
			problems.push(headerProblem(name, row, headers[index] ?? null,
				`Column ${columnLetter(index)} is the same period as column ${columnLetter(first)} ("${headers[first]}"): ${quarterMonths(parsed.period)}.`,
				'Keep one column per period: merge the two columns or correct one header.'));
		}
	}
	return problems;
}

export const importMeasuresWide: FormatHandler = async (ctx) => {
	const { file, match } = ctx;
	const headerProblems = periodHeaderProblems(file.name, file.headerRow, file.headers, match.periods, match.badPeriods);
	// The long rows: every cell of the wide table, plus the period's header and the cell, as two
	// more text columns; "col" is the cell's header position, for problems. A blank cell is no value.
	const [periodCell, valueCell] = [file.width, file.width + 1];
	const long = ctx.temp('long');
	const list = (items: readonly string[]) => `[${items.join(', ') || 'NULL'}]`;
	await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${long} AS
		SELECT * EXCLUDE (v, h), h AS ${cell(periodCell)}, v AS ${cell(valueCell)} FROM (
			SELECT s.*, unnest(${list(match.periods.map(String))}) AS col,
				unnest(${list(match.periods.map((i) => str(file.headers[i] ?? '')))}) AS h,
				unnest(${list(match.periods.map((i) => `s.${cell(i)}`))}) AS v
			FROM ${file.table} s)
		WHERE nullif(trim(v), '') IS NOT NULL`);
	const found = new Map(match.found).set('period', periodCell).set('value', valueCell);
	const prepared = await importMeasuresLong({
		...ctx,
		file: { ...file, table: long, width: file.width + 2 },
		match: { ...match, found },
		cellColumn: { period: 's.col', value: 's.col' }
	});
	return { ...prepared, problems: [...headerProblems, ...(prepared.problems ?? [])] };
};

/** The format of measures-wide (DOMAIN.md §4): its columns and help text, read by the reader, the templates and the formats page. */
export const measuresWide: Format = {
	id: 'measures-wide',
	warnsOtherColumns: true,
	periodHeaders: true,
	title: 'Measures, wide form',
	description:
		'One row per measure, one column per period headed by the period (2016/17 Q1, 2016/17 Q2 …, or months: Apr 2018, May 2018 …), as kept in Excel. A blank cell is no value for that period.',
	columns: [
		measure,
		...measureMeta.slice(0, 3),
		{ name: 'target', description: 'The target, the same for every period in the row.', example: '90' },
		...measureMeta.slice(3),
		...measureDetails
	],
	handler: () => importMeasuresWide
};
