/** Bytes from a file to text DuckDB can read: the encodings and Excel habits analysts' files come in. */

export type Encoding = 'UTF-8' | 'Windows-1252';
export type Delimiter = ',' | ';' | '\t';

export interface DecodedCsv {
	/** UTF-8 bytes without BOM or `sep=` line, ready for DuckDB's reader. */
	bytes: Uint8Array;
	encoding: Encoding;
	delimiter: Delimiter;
	/** The first line of text, for reading the header. */
	headerLine: string;
}

const BOM = [0xef, 0xbb, 0xbf];

function hasBom(bytes: Uint8Array): boolean {
	return BOM.every((b, i) => bytes[i] === b);
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (Excel's default "CSV" on Windows). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
	const body = hasBom(bytes) ? bytes.subarray(3) : bytes;
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'UTF-8' };
	} catch {
		return { text: new TextDecoder('windows-1252').decode(body), encoding: 'Windows-1252' };
	}
}

/** The delimiter used most often outside quotes on the header line. */
export function sniffDelimiter(line: string): Delimiter {
	const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
	let quoted = false;
	for (const ch of line) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
	}
	const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0]!;
	return best[1] > 0 ? best[0] : ',';
}

function firstLine(text: string): string {
	const end = text.search(/\r?\n/);
	return end < 0 ? text : text.slice(0, end);
}

/** Decodes a CSV file and strips what DuckDB should not see: the BOM and Excel's `sep=` line. */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
	const { text: decoded, encoding } = decodeText(bytes);
	let text = decoded;
	let delimiter: Delimiter | undefined;
	const sep = /^sep=(.)\s*$/i.exec(firstLine(text));
	if (sep) {
		const ch = sep[1] === '\\' ? '\t' : sep[1];
		if (ch === ',' || ch === ';' || ch === '\t') delimiter = ch;
		text = text.slice(firstLine(text).length).replace(/^\r?\n/, '');
	}
	const headerLine = firstLine(text);
	const reencode = encoding !== 'UTF-8' || sep !== null || hasBom(bytes);
	return {
		bytes: reencode ? new TextEncoder().encode(text) : bytes,
		encoding,
		delimiter: delimiter ?? sniffDelimiter(headerLine),
		headerLine
	};
}
