/** readHere's work in a worker of this origin, one per file: cancelling a read ends its worker. */
import type { ReadBytes } from './read-bytes';
import type { ReadReply } from './read-worker';

export const readInWorker: ReadBytes = (source, progress, signal) =>
	new Promise((resolve, reject) => {
		signal?.throwIfAborted();
		const worker = new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });
		const stop = () => {
			worker.terminate();
			reject(signal?.reason ?? new DOMException('The read was cancelled.', 'AbortError'));
		};
		signal?.addEventListener('abort', stop, { once: true });
		const finish = () => {
			signal?.removeEventListener('abort', stop);
			worker.terminate();
		};
		worker.onmessage = (event: MessageEvent<ReadReply>) => {
			const reply = event.data;
			if (reply.kind === 'progress') return progress?.(reply.fraction);
			finish();
			if (reply.kind === 'read') resolve({ checksum: reply.checksum, decoded: reply.decoded });
			else reject(new Error(reply.message));
		};
		worker.onerror = (event) => {
			finish();
			reject(new Error(event.message || 'The file could not be read.'));
		};
		// Bytes are transferred, not copied: the caller gave them up (see ReadBytes). A Blob is a
		// handle: the worker reads the file itself.
		worker.postMessage({ source }, source instanceof Blob ? [] : [source.buffer as ArrayBuffer]);
	});
