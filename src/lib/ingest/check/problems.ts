/** One thing wrong with a file, located as the analyst will find it in their spreadsheet. */
export interface Problem {
	severity: 'error' | 'warning';
	file: string;
	/** Row as a spreadsheet shows it: the header is row 1. Null for whole-file problems. */
	row: number | null;
	/** The column's header as written in the file. */
	column: string | null;
	/** The offending cell, as written (long cells are clipped). */
	value: string | null;
	/** What is wrong and what was expected. */
	message: string;
	/** How to fix it. */
	fix: string;
	/**
	 * How many cells this entry stands for, when more than one: the entry that counts the rows
	 * of a check beyond those listed (checks.ts). Absent means one.
	 */
	count?: number;
	/**
	 * In a workbook, where the problem is as Excel writes it: `'Q3 2017'!D14` for a cell,
	 * `'Q3 2017'!14:14` for a row, the sheet's name for the whole sheet (read/workbook/locate.ts).
	 */
	cell?: string;
}

/** Cells are shown in full up to this many characters; a pasted essay is clipped, with its length said. */
export const SHOWN_CHARACTERS = 200;

/** `length`: the cell's real length, when `text` is already a clipped copy of it. */
export function clip(text: string | null, length = text?.length ?? 0): string | null {
	if (text === null || length <= SHOWN_CHARACTERS) return text;
	return `${text.slice(0, SHOWN_CHARACTERS)}… (${length.toLocaleString('en-GB')} characters)`;
}

export function fileProblem(file: string, message: string, fix: string): Problem {
	return { severity: 'error', file, row: null, column: null, value: null, message, fix };
}

/** A problem with one header cell, reported on the header's row. */
export function headerProblem(
	file: string,
	row: number,
	header: string | null,
	message: string,
	fix: string,
	severity: Problem['severity'] = 'error'
): Problem {
	return { severity, file, row, column: header, value: clip(header), message, fix };
}

/** Errors and warnings in a list of problems, each counted as often as it stands for. */
export function problemTotals(problems: readonly Problem[]): { errors: number; warnings: number } {
	let errors = 0;
	let warnings = 0;
	for (const p of problems) {
		if (p.severity === 'error') errors += p.count ?? 1;
		else warnings += p.count ?? 1;
	}
	return { errors, warnings };
}

export function hasErrors(problems: readonly Problem[]): boolean {
	return problems.some((p) => p.severity === 'error');
}

/** "row 12, column 'period': ..." — the one-line form used by the command line and logs. */
export function describeProblem(p: Problem): string {
	const where = [p.file, p.cell ?? null, p.row === null ? null : `row ${p.row}`, p.column === null ? null : `column "${p.column}"`]
		.filter(Boolean)
		.join(', ');
	const value = p.value === null ? '' : ` (value "${p.value}")`;
	return `${p.severity === 'error' ? 'Error' : 'Warning'}: ${where}${value}: ${p.message} ${p.fix}`.trim();
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
	let n = index + 1;
	let letters = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		letters = String.fromCharCode(65 + r) + letters;
		n = Math.floor((n - 1) / 26);
	}
	return letters;
}
