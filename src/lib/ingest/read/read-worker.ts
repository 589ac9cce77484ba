/// <reference lib="webworker" />
/** The worker of readInWorker: decodes and scans a file off the page's thread. */
import { readHere } from './read-bytes';

export type ReadReply =
	| { kind: 'progress'; fraction: number }
	| { kind: 'read'; decoded: import('./decode').DecodedCsv }
	| { kind: 'checksum'; checksum: string }
	| { kind: 'failed'; message: string };

const reply = (message: ReadReply, transfer: Transferable[] = []) => postMessage(message, transfer);

onmessage = async (event: MessageEvent<{ source: Uint8Array | Blob }>) => {
	try {
		const { checksum, decoded } = await readHere(event.data.source, (fraction) => reply({ kind: 'progress', fraction }));
		// The decoded file goes first: DuckDB may go on with it while the bytes are hashed.
		reply({ kind: 'read', decoded }, [decoded.bytes.buffer as ArrayBuffer]);
		reply({ kind: 'checksum', checksum: await checksum });
	} catch (error) {
		reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
};
