/// <reference lib="webworker" />
/** The worker of readWorkbookInWorker: parses a workbook off the page's thread (SheetJS lives only here). */
import { readWorkbookHere } from './read-here';
import type { WorkbookRead } from './workbook';

export type WorkbookReply = { kind: 'read'; read: WorkbookRead } | { kind: 'failed'; message: string };

onmessage = async (event: MessageEvent<{ source: Uint8Array | Blob; sheet: string | undefined }>) => {
	try {
		const read = await readWorkbookHere(event.data.source, event.data.sheet);
		postMessage({ kind: 'read', read } satisfies WorkbookReply, [read.csv.buffer as ArrayBuffer]);
	} catch (error) {
		postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkbookReply);
	}
};
