/**
 * The first step of an import: a file's bytes to its checksum and decoded text. On this thread
 * (Node: tests and the command-line validator), or in a worker (read-worker.ts) so that the page
 * never freezes on a large file: decoding and scanning 80 MB takes about a second.
 */
import { sha256 } from './checksum';
import { decodeCsv, type DecodedCsv } from './decode';

export interface ReadFile {
	decoded: DecodedCsv;
	/**
	 * SHA-256 of the bytes, worked out after decoding: on two cores, hashing beside the decoding
	 * and DuckDB's reading of the file slowed both, and nothing needs the checksum before the checks.
	 */
	checksum: Promise<string>;
}

/**
 * Reads a file's bytes, or a Blob of them; `progress` is told the fraction read. It may take the
 * bytes (a worker does): the caller keeps a copy of what it still needs.
 */
export type ReadBytes = (source: Uint8Array | Blob, progress?: (fraction: number) => void, signal?: AbortSignal) => Promise<ReadFile>;

export const readHere: ReadBytes = async (source, progress, signal) => {
	const bytes = source instanceof Blob ? new Uint8Array(await source.arrayBuffer()) : source;
	signal?.throwIfAborted();
	const decoded = decodeCsv(bytes, progress);
	// WebCrypto copies the bytes as it is called, so a caller may hand them on at once.
	const checksum = sha256(bytes);
	checksum.catch(() => undefined); // awaited, or not needed, by the caller
	return { decoded, checksum };
};
