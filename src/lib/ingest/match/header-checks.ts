/** Problems with a staged file's columns that every format shares: repeated, unknown and headerless columns. */
import type { Check } from '../check/checks';
import type { ColumnMatch } from './columns';
import type { FormatSpec } from '../formats';
import { columnLetter, headerProblem, type Problem } from '../check/problems';
import { cell, type StagedFile } from '../stage/stage';

/** Two headers naming one column: the app cannot tell which the analyst meant. */
export function repeatedColumns(file: StagedFile, match: ColumnMatch): Problem[] {
	return match.repeated.map(([name, first, again]) =>
		headerProblem(file.name, file.headerRow, file.headers[again] ?? null,
			`Column ${columnLetter(again)} is headed "${file.headers[again]}" and column ${columnLetter(first)} "${file.headers[first]}": both mean ${name.replaceAll('_', ' ')}.`,
			'Delete or rename one of the two columns.'));
}

/** Headers the format does not read: said, so that a typing slip in a header is not silently lost. */
export function ignoredColumns(file: StagedFile, match: ColumnMatch, spec: FormatSpec, exclude: ReadonlySet<number> = new Set()): Problem[] {
	const known = spec.columns.map((c) => c.name).join(', ');
	return match.unmatched
		.filter((index) => !exclude.has(index))
		.map((index) =>
			headerProblem(file.name, file.headerRow, file.headers[index] ?? null,
				`This column is not one that files of ${spec.title.toLowerCase()} have, so it will not be imported.`,
				`If it should be, rename it to one of: ${known}. Otherwise ignore this warning.`, 'warning'));
}

/** Cells in columns with no header: past the end of the header (often a stray comma in a row) or under a blank header. */
export function strayCells(file: StagedFile): Check | null {
	const positions = Array.from({ length: file.width }, (_, i) => i).filter((i) => (file.headers[i] ?? '') === '');
	if (positions.length === 0) return null;
	const letters = positions.map((i) => `'${columnLetter(i)}'`).join(', ');
	return {
		column: null,
		columnPerRow: true,
		sql: `SELECT "row", col, value,
				CASE WHEN col >= ${file.headers.length}
					THEN 'This row has more cells than the header (' || ${file.headers.length} || '): column ' || letter || ' has no header, so the app cannot tell what it is.'
					ELSE 'Column ' || letter || ' has no header, so the app cannot tell what this cell is.' END AS message
			FROM (SELECT s."row", unnest([${positions.join(', ')}]) AS col, unnest([${letters}]) AS letter,
				unnest([${positions.map((i) => `s.${cell(i)}`).join(', ')}]) AS value FROM ${file.table} s)
			WHERE nullif(trim(value), '') IS NOT NULL`,
		fix: 'Give the column a header, or delete the cell. A comma inside a value shifts the row’s cells to the right: put such a value in double quotes.'
	};
}
