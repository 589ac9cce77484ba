/**
 * Reading a workbook's sheet on this thread (Node: tests and the command-line validator), or in a
 * worker on the page (read-in-worker.ts). Never imported by the page's code: its bundle would
 * then carry SheetJS (about 360 kB), which only the worker needs.
 */
import { readWorkbook, type WorkbookRead } from './workbook';

/** Reads the sheet asked for (the first visible one when none is), from a file's bytes or the file itself. */
export type ReadWorkbook = (source: Uint8Array | Blob, sheet: string | undefined, signal?: AbortSignal) => Promise<WorkbookRead>;

export const readWorkbookHere: ReadWorkbook = async (source, sheet, signal) => {
	const bytes = source instanceof Blob ? new Uint8Array(await source.arrayBuffer()) : source;
	signal?.throwIfAborted();
	return readWorkbook(bytes, sheet);
};
