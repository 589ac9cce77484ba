/**
 * A workbook (.xlsx, .ods, .xls) to the CSV text of one of its sheets, with SheetJS. It runs in a
 * worker on the page (workbook-worker.ts) and on the main thread in Node (tests, the validator):
 * nothing else imports SheetJS, so the page's own code never carries it.
 */
import { CFB, read, SSF, type WorkBook } from '@e965/xlsx';
import type { DateCodes } from './cell-text';
import { odsHidden } from './ods-hidden';
import { sheetToCsv } from './sheet-csv';
import { NO_SUCH_SHEET, type SheetChoice, type WorkbookSheet } from './sheets';

/** Whether a format is a date's, asked once per format: a sheet has a few formats and many cells. */
const dateFormats = new Map<string, boolean>();

const CODES: DateCodes = {
	isDate: (format) => dateFormats.get(format) ?? dateFormats.set(format, SSF.is_date(format) as boolean).get(format)!,
	dateOf: (serial, date1904) => SSF.parse_date_code(serial, { date1904 }) as { y: number; m: number; d: number } | null
};

/** One sheet read, and what the workbook holds. */
export interface WorkbookRead extends SheetChoice {
	/** The chosen sheet as CSV text, UTF-8. */
	csv: Uint8Array;
	hiddenRows: number[];
	merged: string[];
}

function sheetsOf(book: WorkBook): WorkbookSheet[] {
	const props = book.Workbook?.Sheets ?? [];
	return book.SheetNames.map((name, i) => ({ name, hidden: Boolean(props[i]?.Hidden) }));
}

/** The sheet asked for, or the first visible one. */
export function chooseSheet(sheets: readonly WorkbookSheet[], wanted?: string): string {
	if (wanted !== undefined) {
		if (!sheets.some((s) => s.name === wanted)) {
			throw new Error(`${NO_SUCH_SHEET} “${wanted}”; its sheets are ${sheets.map((s) => `“${s.name}”`).join(', ')}.`);
		}
		return wanted;
	}
	const first = sheets.find((s) => !s.hidden) ?? sheets[0];
	if (!first) throw new Error('The workbook has no sheets.');
	return first.name;
}

/** An .ods's hidden sheets and rows, put where SheetJS keeps an .xlsx's, for the rest to read alike. */
function markOdsHidden(book: WorkBook, bytes: Uint8Array): void {
	const entry = CFB.find(CFB.read(bytes, { type: 'array' }), 'content.xml') as { content: Uint8Array } | null;
	if (!entry) return;
	const hidden = odsHidden(new TextDecoder().decode(entry.content));
	book.Workbook = { ...book.Workbook, Sheets: book.SheetNames.map((name) => ({ name, Hidden: hidden.sheets.has(name) ? 1 : 0 })) };
	for (const [name, runs] of hidden.rows) {
		const sheet = book.Sheets[name];
		const last = Number(/\d+$/.exec(sheet?.['!ref'] ?? '')?.[0] ?? 0);
		if (!sheet || !runs.length) continue;
		const rows = (sheet['!rows'] ??= []);
		// Only rows within the sheet's cells: a sheet's last row is often "repeated" to Excel's last.
		for (const [first, end] of runs) for (let r = first; r <= Math.min(end, last); r++) rows[r - 1] = { ...rows[r - 1], hidden: true };
	}
}

export function readWorkbook(bytes: Uint8Array, wanted?: string): WorkbookRead {
	// cellStyles: hidden rows are kept only with the rows' styles; cellNF: each cell's number format (dates, %).
	// dense: rows of cells, read faster than a map of addresses.
	const book = read(bytes, { type: 'array', dense: true, cellNF: true, cellStyles: true, cellDates: false, cellHTML: false, cellFormula: false });
	if (book.bookType === 'ods') markOdsHidden(book, bytes);
	const sheets = sheetsOf(book);
	const sheet = chooseSheet(sheets, wanted);
	const { text, hiddenRows, merged } = sheetToCsv(book.Sheets[sheet]!, CODES, Boolean(book.Workbook?.WBProps?.date1904));
	return { sheets, sheet, csv: new TextEncoder().encode(text), hiddenRows, merged };
}
