/**
 * Arrow's two framings of the same messages (arrow.apache.org/docs/format/Columnar.html, "IPC
 * File Format"): DuckDB-WASM answers a query as a file (ARROW1, padding, the stream, a footer, its
 * length, ARROW1), and reads a table in only as a stream; a stream it cannot read whole it skips
 * without a word. The stream is the file's middle, end-of-stream marker included.
 */

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const END_OF_STREAM = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];

const startsWith = (bytes: Uint8Array, at: number, expected: readonly number[]) => expected.every((b, i) => bytes[at + i] === b);

/** The stream inside an Arrow IPC file, without copying; null when `file` is not a whole one. */
export function arrowStreamOf(file: Uint8Array): Uint8Array | null {
	const n = file.byteLength;
	if (n < 8 + END_OF_STREAM.length + 10 || !startsWith(file, 0, MAGIC) || !startsWith(file, n - MAGIC.length, MAGIC)) return null;
	const footer = new DataView(file.buffer, file.byteOffset, n).getInt32(n - 10, true);
	const end = n - 10 - footer;
	if (footer < 0 || end < 8 + END_OF_STREAM.length || !startsWith(file, end - END_OF_STREAM.length, END_OF_STREAM)) return null;
	return file.subarray(8, end);
}

/** True when `bytes` end as a whole Arrow IPC stream does: DuckDB reads nothing from one that does not. */
export function endsAsStream(bytes: Uint8Array): boolean {
	return bytes.byteLength >= END_OF_STREAM.length && startsWith(bytes, bytes.byteLength - END_OF_STREAM.length, END_OF_STREAM);
}
