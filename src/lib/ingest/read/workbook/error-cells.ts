/**
 * Cells showing one of Excel's errors (#DIV/0!, #N/A, ...): a formula with no value. A workbook's
 * error cells are written as Excel shows them (cell-text.ts), and a CSV saved from Excel holds the
 * same text, so one row check finds both, with the cell and what to do.
 */
import type { Check } from '../../check/checks';
import type { Problem } from '../../check/problems';
import { cell, type StagedFile } from '../../stage/stage';
import { EXCEL_ERRORS } from './cell-text';

const MEANINGS: Record<(typeof EXCEL_ERRORS)[number], string> = {
	'#DIV/0!': 'a division by zero or by an empty cell',
	'#N/A': 'a value not available to the formula, often a lookup that found nothing',
	'#VALUE!': 'a formula given the wrong kind of value, such as text where a number was expected',
	'#REF!': 'a formula referring to cells that were deleted',
	'#NAME?': 'a formula with a name or function Excel does not know',
	'#NUM!': 'a number too large, too small or impossible to work out',
	'#NULL!': 'a formula with two ranges that do not meet'
};

const SAYS = 'This cell shows Excel’s error';

const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * One check over every column with a header: no error text is a valid cell of any format. A column
 * whose every cell starts with a printable character and none with "#" (the scan of the text says,
 * read/records.ts) holds none: testing the cells of every column of a million rows took seconds.
 */
export function excelErrorChecks(file: StagedFile): Check[] {
	const { plainEnds, hashStarts } = file.decoded.scan;
	const columns = file.headers.flatMap((header, i) => (header === '' || (plainEnds[i] === true && hashStarts[i] === false) ? [] : [i]));
	if (columns.length === 0) return [];
	const errors = EXCEL_ERRORS.map(quoted).join(', ');
	const message = `CASE trim(value) ${EXCEL_ERRORS.map((e) => `WHEN ${quoted(e)} THEN ${quoted(`${SAYS} ${e}: ${MEANINGS[e]}. Its formula has no value to import.`)}`).join(' ')} END`;
	return [{
		column: null,
		columnPerRow: true,
		sql: `SELECT "row", col, value, ${message} AS message FROM (
				${columns.map((i) => `SELECT "row", ${i} AS col, ${cell(i)} AS value FROM ${file.table} WHERE trim(${cell(i)}) IN (${errors})`).join('\nUNION ALL ')})`,
		fix: 'Fix the formula in Excel or leave the cell blank; for a value that is not available, write a missing-value marker such as [x]. Then import the file again.'
	}];
}

/**
 * Without the other problems of a cell that shows an Excel error: "#DIV/0! is not a number" says
 * less than the error's own problem, which comes first.
 */
export function withoutEchoes(problems: Problem[]): Problem[] {
	const shown = new Set(problems.filter((p) => p.message.startsWith(SAYS)).map((p) => `${p.row}\u0000${p.column}`));
	if (shown.size === 0) return problems;
	return problems.filter((p) => p.message.startsWith(SAYS) || !shown.has(`${p.row}\u0000${p.column}`));
}
