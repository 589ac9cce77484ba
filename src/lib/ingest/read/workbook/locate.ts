/**
 * Where a problem is in a workbook, as Excel writes it: `'Q3 2017'!D14`. A sheet's CSV keeps the
 * sheet's rows and columns (sheet-csv.ts), so a problem's row and its column's position are the
 * cell's; this is the one place that turns them into Excel's reference.
 */
import { columnLetter, type Problem } from '../../check/problems';

/** A sheet's name as a reference writes it: quoted when Excel would ('Q3 2017', 'It''s'), bare otherwise (Measures). */
export function sheetName(name: string): string {
	const bare = /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name) && !/^(TRUE|FALSE)$/i.test(name);
	return bare ? name : `'${name.replaceAll("'", "''")}'`;
}

/** `'Q3 2017'!D14` for a cell (column by 0-based position), `'Q3 2017'!14:14` for a whole row. */
export function cellReference(sheet: string, row: number, column: number | null): string {
	return `${sheetName(sheet)}!${column === null ? `${row}:${row}` : `${columnLetter(column)}${row}`}`;
}

/**
 * Gives each problem of a sheet its cell: its row, and its column found by header (the first
 * column with that header). Problems of the whole file name the sheet.
 */
export function locateInSheet(problems: Problem[], sheet: string, headers: readonly string[]): void {
	for (const p of problems) {
		if (p.row === null) {
			p.cell = sheetName(sheet);
			continue;
		}
		const at = p.column === null ? -1 : headers.indexOf(p.column);
		p.cell = cellReference(sheet, p.row, at < 0 ? null : at);
	}
}

/** "14–16, 20": sorted row numbers as runs. */
export function rowRuns(rows: readonly number[]): string {
	const runs: string[] = [];
	for (let i = 0; i < rows.length; ) {
		let j = i;
		while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
		runs.push(i === j ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
		i = j + 1;
	}
	return runs.length > 1 ? `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}` : (runs[0] ?? '');
}

/** One warning naming the hidden rows that hold something: they are read, though Excel does not show them. */
export function hiddenRowsWarning(file: string, sheet: string, rows: readonly number[]): Problem | null {
	if (rows.length === 0) return null;
	const one = rows.length === 1;
	return {
		severity: 'warning', file, row: null, column: null, value: null,
		message: `${one ? 'Row' : 'Rows'} ${rowRuns(rows)} of ${sheetName(sheet)} ${one ? 'is' : 'are'} hidden in Excel; ${one ? 'it was' : 'they were'} read like the others.`,
		fix: `Unhide ${one ? 'it' : 'them'} in Excel (select the rows around, then Unhide) to check; delete ${one ? 'it' : 'them'} from the sheet if ${one ? 'it' : 'they'} should not be imported.`
	};
}
