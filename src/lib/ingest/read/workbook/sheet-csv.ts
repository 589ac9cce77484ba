/**
 * A worksheet as CSV text, read from its row 1 and column A, so that the CSV's row numbers are
 * the sheet's row numbers and its columns are the sheet's columns: every problem found in the
 * CSV is then at the same place in the sheet. Empty rows are written as blank lines, which the
 * CSV reader skips while keeping the rows' numbers, as it does with blank rows in a CSV file.
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { cellText, type DateCodes } from './cell-text';

export interface SheetCsv {
	/** UTF-8 text with RFC 4180 quoting and LF line breaks. */
	text: string;
	/** Rows (numbered as in the sheet) hidden in the workbook that hold something. */
	hiddenRows: number[];
	/** Merged ranges whose top-left value was written in every cell, as Excel shows them. */
	merged: string[];
}

/** Quoted when it holds a quote, a line break or any of the delimiters the CSV reader sniffs. */
function field(text: string): string {
	return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** "A1", "D14": a cell's address from its 0-based row and column. */
export function address(row: number, column: number): string {
	let letters = '';
	for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return `${letters}${row + 1}`;
}

/** The last row and column of a "B3:F20" range, 0-based; null for an empty sheet. */
function lastCell(ref: string | undefined): { row: number; column: number } | null {
	const end = ref?.split(':').pop();
	const m = end ? /^([A-Z]+)(\d+)$/.exec(end) : null;
	if (!m) return null;
	const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
	return { row: Number(m[2]) - 1, column };
}

export function sheetToCsv(sheet: WorkSheet, codes: DateCodes, date1904 = false): SheetCsv {
	const end = lastCell(sheet['!ref']);
	if (!end) return { text: '', hiddenRows: [], merged: [] };
	// A dense sheet (SheetJS's `dense` option) keeps rows of cells: read without building each address.
	const dense = sheet['!data'] as CellObject[][] | undefined;
	const at = dense ? (r: number, c: number) => dense[r]?.[c] : (r: number, c: number) => sheet[address(r, c)] as CellObject | undefined;
	const rows: string[][] = [];
	for (let r = 0; r <= end.row; r++) {
		const row: string[] = [];
		for (let c = 0; c <= end.column; c++) row.push(cellText(at(r, c), codes, date1904));
		rows.push(row);
	}
	// A merged range shows its top-left value across every cell: a header over several columns, a measure's name down several rows.
	const merged: string[] = [];
	for (const range of sheet['!merges'] ?? []) {
		const value = rows[range.s.r]?.[range.s.c] ?? '';
		if (value === '') continue;
		merged.push(`${address(range.s.r, range.s.c)}:${address(range.e.r, range.e.c)}`);
		for (let r = range.s.r; r <= Math.min(range.e.r, end.row); r++) {
			for (let c = range.s.c; c <= Math.min(range.e.c, end.column); c++) rows[r]![c] = value;
		}
	}
	const blank = (row: string[]) => row.every((text) => text === '');
	const hiddenRows = (sheet['!rows'] ?? []).flatMap((info, r) => (info?.hidden && rows[r] && !blank(rows[r]) ? [r + 1] : []));
	const text = rows.map((row) => (blank(row) ? '' : row.map(field).join(','))).join('\n');
	return { text: text === '' ? '' : `${text}\n`, hiddenRows, merged };
}
