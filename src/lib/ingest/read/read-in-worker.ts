/** readHere's work in a worker of this origin, one per file: cancelling a read ends its worker. */
import type { ReadBytes } from './read-bytes';
import type { ReadReply } from './read-worker';

const newWorker = () => new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });

/** A worker started ahead of the next file: starting one (loading its code) took 130–160 ms. */
let spare: Worker | null = null;

/** Starts a reading worker for the next file, if none is waiting: call it when the page is idle. */
export function readerAhead(): void {
	if (spare) return;
	const worker = (spare = newWorker());
	// A worker that could not start is dropped, so the next file starts its own and hears why.
	worker.addEventListener('error', () => {
		if (spare === worker) spare = null;
		worker.terminate();
	}, { once: true });
}

export const readInWorker: ReadBytes = (source, progress, signal) =>
	new Promise((resolve, reject) => {
		signal?.throwIfAborted();
		const worker = spare ?? newWorker();
		spare = null;
		// The file decoded comes first, its checksum after: each settles its own promise.
		let settleChecksum: { resolve: (checksum: string) => void; reject: (error: unknown) => void } | null = null;
		const checksum = new Promise<string>((resolve, reject) => (settleChecksum = { resolve, reject }));
		checksum.catch(() => undefined); // awaited, or not needed, by the caller
		const fail = (error: unknown) => {
			signal?.removeEventListener('abort', stop);
			worker.terminate();
			reject(error);
			settleChecksum?.reject(error);
		};
		const stop = () => fail(signal?.reason ?? new DOMException('The read was cancelled.', 'AbortError'));
		signal?.addEventListener('abort', stop, { once: true });
		worker.onmessage = (event: MessageEvent<ReadReply>) => {
			const reply = event.data;
			if (reply.kind === 'progress') progress?.(reply.fraction);
			else if (reply.kind === 'read') resolve({ decoded: reply.decoded, checksum });
			else if (reply.kind === 'checksum') {
				signal?.removeEventListener('abort', stop);
				worker.terminate();
				settleChecksum?.resolve(reply.checksum);
			} else fail(new Error(reply.message));
		};
		worker.onerror = (event) => fail(new Error(event.message || 'The file could not be read.'));
		// Bytes are transferred, not copied: the caller gave them up (see ReadBytes). A Blob is a
		// handle: the worker reads the file itself.
		worker.postMessage({ source }, source instanceof Blob ? [] : [source.buffer as ArrayBuffer]);
	});
