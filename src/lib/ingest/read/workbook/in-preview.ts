/**
 * What a preview does for a workbook: reads the chosen sheet to CSV text (then read as any CSV
 * file is), and, once it is checked, tells where each problem is in the sheet and how the sheet
 * was read.
 */
import type { ImportOutcome } from '../../import-file';
import { splitRecord } from '../headers';
import { fileProblem, type Problem } from '../../check/problems';
import { hiddenRowsWarning, locateInSheet, sheetName } from './locate';
import type { ReadWorkbook } from './read-here';
import { NO_SUCH_SHEET } from './sheets';
import type { WorkbookRead } from './workbook';

/**
 * The largest workbook read: 20 MB, about 270,000 rows of long-form measures. SheetJS holds the
 * whole workbook as objects, about 25 MB of memory per MB of .xlsx (measured: a 7.4 MB workbook of
 * 100,000 rows took 187 MB), so a larger one could crash the tab; as CSV it may be 150 MB.
 */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

/**
 * The sheet read, or the problem that stopped it. The reader is the caller's: SheetJS is bundled
 * only where it is read (the page's worker, Node's readWorkbookHere), never in the page's own code.
 */
export async function openSheet(file: string, source: Uint8Array | Blob, sheet: string | undefined, read: ReadWorkbook | undefined, signal?: AbortSignal): Promise<WorkbookRead | Problem> {
	const size = source instanceof Blob ? source.size : source.length;
	if (size > MAX_WORKBOOK_BYTES) {
		return fileProblem(file, `The workbook is ${(size / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB: the app reads workbooks of up to ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB.`,
			'Save the sheet as “CSV UTF-8 (Comma delimited)” (File → Save As) and import that file: CSV files of up to 150 MB are read.');
	}
	if (!read) return fileProblem(file, 'This file is a workbook (.xlsx, .ods or .xls) or another zip file; only CSV files are read here.', 'Import it on the Import page, or save the sheet as “CSV UTF-8 (Comma delimited)” and import that file.');
	try {
		return await read(source, sheet, signal);
	} catch (error) {
		if (signal?.aborted) throw error;
		const why = error instanceof Error ? error.message : String(error);
		if (why.startsWith(NO_SUCH_SHEET)) return fileProblem(file, why, 'Choose one of its sheets by its name as Excel shows it on the sheet’s tab.');
		return fileProblem(file, `This file is a workbook (.xlsx, .ods or .xls) or another zip file, but it could not be read as a workbook: ${why}`,
			'Open it in Excel or LibreOffice and save it again as an Excel workbook (.xlsx), or save the sheet as “CSV UTF-8 (Comma delimited)” and import that file.');
	}
}

/** Warnings a sheet earns before its rows are checked. */
export function sheetWarnings(file: string, book: WorkbookRead): Problem[] {
	const hidden = hiddenRowsWarning(file, book.sheet, book.hiddenRows);
	return hidden ? [hidden] : [];
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function sheetSentences(book: WorkbookRead): string[] {
	const hidden = book.sheets.filter((s) => s.hidden).length;
	const sentences = [
		`Read from the sheet ${sheetName(book.sheet)} of a workbook of ${plural(book.sheets.length, 'sheet')}${hidden ? ` (${hidden} hidden)` : ''}; rows and columns are numbered as in the workbook.`
	];
	if (book.merged.length) {
		const shown = book.merged.slice(0, 5).join(', ');
		sentences.push(`Merged cells ${shown}${book.merged.length > 5 ? ` and ${book.merged.length - 5} more` : ''} were read as Excel shows them: the top-left value in every cell.`);
	}
	return sentences;
}

/**
 * Once the sheet is checked: each problem gets its cell ('Q3 2017'!D14), and the reading says
 * which sheet was read, in place of the CSV text's encoding and delimiter (the app wrote that text).
 */
export function describeSheet(outcome: ImportOutcome, book: WorkbookRead, header: { line: string; delimiter: string } | null): void {
	locateInSheet(outcome.problems, book.sheet, header ? splitRecord(header.line, header.delimiter) : []);
	if (outcome.reading) outcome.reading.sentences = [...sheetSentences(book), ...outcome.reading.sentences.slice(1)];
}
