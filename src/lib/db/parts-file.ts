/**
 * Files of parts (a workspace file, the sample, recorded answers): a header line naming the format
 * and its version, a JSON index line, then the parts the index describes, end to end.
 */

/** The file: `header`, `index` as JSON, then `parts` in order. */
export function packParts(header: string, index: unknown, parts: readonly Uint8Array[]): Uint8Array {
	return joinBytes([new TextEncoder().encode(`${header}\n${JSON.stringify(index)}\n`), ...parts]);
}

/** The bytes of `pieces`, end to end, in one array. */
export function joinBytes(pieces: readonly Uint8Array[]): Uint8Array {
	const all = new Uint8Array(pieces.reduce((n, p) => n + p.byteLength, 0));
	let at = 0;
	for (const piece of pieces) {
		all.set(piece, at);
		at += piece.byteLength;
	}
	return all;
}

/**
 * The index of a file packParts wrote, and where its parts start; 'wrong' when the file does not
 * start with `header`, 'incomplete' when it has no index line.
 */
export function unpackIndex<T>(file: Uint8Array, header: string): { index: T; start: number } | 'wrong' | 'incomplete' {
	const decoder = new TextDecoder();
	const firstBreak = file.indexOf(10);
	if (firstBreak < 0 || decoder.decode(file.subarray(0, firstBreak)) !== header) return 'wrong';
	const secondBreak = file.indexOf(10, firstBreak + 1);
	if (secondBreak < 0) return 'incomplete';
	return { index: JSON.parse(decoder.decode(file.subarray(firstBreak + 1, secondBreak))) as T, start: secondBreak + 1 };
}
