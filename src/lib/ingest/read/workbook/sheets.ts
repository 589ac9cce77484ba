/**
 * What the page and the report know of a workbook: its sheets and the one read. Plain data, free
 * of SheetJS, so that the page's code need not load it.
 */

export interface WorkbookSheet {
	name: string;
	/** Hidden in the workbook (Excel's Hide, or "very hidden"): listed, but not read unless chosen. */
	hidden: boolean;
}

export interface SheetChoice {
	sheets: WorkbookSheet[];
	/** The sheet read. */
	sheet: string;
}

/** Zip (.xlsx, .ods) and OLE (.xls) files start with these bytes; no CSV text does. */
export function isWorkbook(head: Uint8Array): boolean {
	const starts = (...prefix: number[]) => prefix.every((b, i) => head[i] === b);
	return starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0);
}

/** How a request for a sheet the workbook lacks is refused (it crosses from the worker as a message). */
export const NO_SUCH_SHEET = 'The workbook has no sheet named';

/** The workbook extensions the Import page's file picker offers. */
export const WORKBOOK_EXTENSIONS = ['.xlsx', '.ods', '.xls'] as const;
