/// <reference lib="webworker" />
/** The worker of readWorkbookInWorker: parses a workbook off the page's thread (SheetJS is bundled only here). */
import { readWorkbook, type WorkbookRead } from './workbook';

export type WorkbookReply = { kind: 'read'; read: WorkbookRead } | { kind: 'failed'; message: string };

onmessage = async (event: MessageEvent<{ source: Uint8Array | Blob; sheet: string | undefined }>) => {
	try {
		const { source, sheet } = event.data;
		const read = readWorkbook(source instanceof Blob ? new Uint8Array(await source.arrayBuffer()) : source, sheet);
		postMessage({ kind: 'read', read } satisfies WorkbookReply, [read.csv.buffer as ArrayBuffer]);
	} catch (error) {
		postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkbookReply);
	}
};
