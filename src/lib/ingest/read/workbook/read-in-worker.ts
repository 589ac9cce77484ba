/** readWorkbookHere's work in a worker of this origin, one per read: cancelling the read ends its worker. */
import type { ReadWorkbook } from './read-here';
import type { WorkbookReply } from './workbook-worker';

export const readWorkbookInWorker: ReadWorkbook = (source, sheet, signal) =>
	new Promise((resolve, reject) => {
		signal?.throwIfAborted();
		const worker = new Worker(new URL('./workbook-worker.ts', import.meta.url), { type: 'module' });
		const end = () => {
			signal?.removeEventListener('abort', stop);
			worker.terminate();
		};
		const stop = () => {
			end();
			reject(signal?.reason ?? new DOMException('The read was cancelled.', 'AbortError'));
		};
		signal?.addEventListener('abort', stop, { once: true });
		worker.onmessage = (event: MessageEvent<WorkbookReply>) => {
			end();
			if (event.data.kind === 'read') resolve(event.data.read);
			else reject(new Error(event.data.message));
		};
		worker.onerror = (event) => {
			end();
			reject(new Error(event.message || 'The workbook could not be read.'));
		};
		// A Blob is a handle: the worker reads the file itself. Bytes are copied: a re-check reads them again.
		worker.postMessage({ source, sheet });
	});
