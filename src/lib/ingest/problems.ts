/** One thing wrong with a file, located as the analyst will find it in their spreadsheet. */
export interface Problem {
	severity: 'error' | 'warning';
	file: string;
	/** Row as a spreadsheet shows it: the header is row 1. Null for whole-file problems. */
	row: number | null;
	/** The column's header as written in the file. */
	column: string | null;
	/** The offending cell, as written. */
	value: string | null;
	/** What is wrong and what was expected. */
	message: string;
	/** How to fix it. */
	fix: string;
}

export function fileProblem(file: string, message: string, fix: string): Problem {
	return { severity: 'error', file, row: null, column: null, value: null, message, fix };
}

export function hasErrors(problems: readonly Problem[]): boolean {
	return problems.some((p) => p.severity === 'error');
}

/** "row 12, column 'period': ..." — the one-line form used by the command line and logs. */
export function describeProblem(p: Problem): string {
	const where = [p.file, p.row === null ? null : `row ${p.row}`, p.column === null ? null : `column "${p.column}"`]
		.filter(Boolean)
		.join(', ');
	const value = p.value === null ? '' : ` (value "${p.value}")`;
	return `${p.severity === 'error' ? 'Error' : 'Warning'}: ${where}${value}: ${p.message} ${p.fix}`.trim();
}
