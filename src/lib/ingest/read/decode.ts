/** Bytes from a file to text DuckDB can read: the encodings and Excel habits analysts' files come in. */
import { scanRecords, type RecordScan, type ScanProgress } from './records';
import { decodeMixed, decodeWindows1252, mostlyUtf8, utf8Evidence, type StrayByte } from './stray-bytes';

export type Encoding = 'UTF-8' | 'Windows-1252' | 'UTF-16';
export type Delimiter = ',' | ';' | '\t';

export interface DecodedCsv {
	/** UTF-8 bytes without BOM or `sep=` line, ready for DuckDB's reader. */
	bytes: Uint8Array;
	/** True when `bytes` were made here; false when they are the caller's own. */
	reencoded: boolean;
	encoding: Encoding;
	/** The file started with a byte-order mark (Excel's "CSV UTF-8" writes one). */
	bom: boolean;
	/** The file started with Excel's `sep=;` line, which Excel hides. */
	sepLine: boolean;
	delimiter: Delimiter;
	/** The header record's text (a quoted header cell may hold a line break). */
	headerLine: string;
	/** Spreadsheet row of the header: 1 unless blank rows sit above it. */
	headerRow: number;
	scan: RecordScan;
	/** Bytes of a UTF-8 file that are not UTF-8, read as Windows-1252 characters, each with its row and cell. */
	strays: (StrayByte & { row: number; cell: number; text: string })[];
}

const BOM = [0xef, 0xbb, 0xbf];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

export interface DecodedText {
	text: string;
	encoding: Encoding;
	bom: boolean;
	/** In a UTF-8 file, the bytes that are not UTF-8 (read as Windows-1252 characters). */
	strays: StrayByte[];
}

/**
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252 (Excel's default "CSV" on Windows),
 * unless the evidence says UTF-8 with a few stray bytes (see stray-bytes.ts).
 * UTF-16 with its BOM is Excel's "Unicode Text".
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
		return { text: new TextDecoder(label).decode(bytes.subarray(2)), encoding: 'UTF-16', bom: true, strays: [] };
	}
	const utf16 = utf16WithoutBom(bytes);
	if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: 'UTF-16', bom: false, strays: [] };
	const bom = startsWith(bytes, BOM);
	const body = bom ? bytes.subarray(3) : bytes;
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'UTF-8', bom, strays: [] };
	} catch {
		// Counted only here: a valid UTF-8 file (nearly every file) never pays for the second pass.
		if (bom || mostlyUtf8(utf8Evidence(body))) return { ...decodeMixed(body, bom ? 3 : 0), encoding: 'UTF-8', bom };
		return { text: decodeWindows1252(body), encoding: 'Windows-1252', bom, strays: [] };
	}
}

/**
 * UTF-16 text written without its byte-order mark: a CSV's characters are almost all below 256,
 * so nearly every other byte is zero. Such a file is not UTF-8 with NUL characters in it.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const n = Math.min(bytes.length, 1024) & ~1;
	if (n < 8) return null;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZero++;
		if (bytes[i + 1] === 0) oddZero++;
	}
	const pairs = n / 2;
	if (oddZero > 0.9 * pairs && evenZero < 0.1 * pairs) return 'utf-16le';
	if (evenZero > 0.9 * pairs && oddZero < 0.1 * pairs) return 'utf-16be';
	return null;
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
	const end = text.search(/\r\n|\r|\n/);
	return end < 0 ? text : text.slice(0, end);
}

/** Decodes a CSV file and strips what DuckDB should not see: the BOM and Excel's `sep=` line. */
export function decodeCsv(bytes: Uint8Array, progress?: ScanProgress): DecodedCsv {
	const { text: decoded, encoding, bom, strays: found } = decodeText(bytes);
	let text = decoded;
	let delimiter: Delimiter | undefined;
	const sep = /^sep=(.)\s*$/i.exec(firstLine(text));
	if (sep) {
		const ch = sep[1] === '\\' ? '\t' : sep[1];
		if (ch === ',' || ch === ';' || ch === '\t') delimiter = ch;
		text = text.slice(firstLine(text).length).replace(/^\r\n|^\r|^\n/, '');
	}
	delimiter ??= sniffDelimiter(firstLine(text.replace(/^[\r\n]+/, '')));
	// A stray byte in Excel's `sep=` line, which is dropped, matters to no row.
	const cut = decoded.length - text.length;
	const strays = found.filter((s) => s.at >= cut);
	const scan = scanRecords(text, delimiter, progress, strays.map((s) => s.at - cut));
	const reencode = scan.rewritten !== null || encoding !== 'UTF-8' || sep !== null || bom || strays.length > 0;
	const out = reencode ? new TextEncoder().encode(scan.rewritten ?? text) : bytes;
	// The text now lives in `bytes`; a second copy would only travel (from a worker) and take memory.
	scan.rewritten = null;
	return {
		bytes: out,
		reencoded: reencode,
		encoding,
		bom,
		sepLine: sep !== null,
		delimiter,
		headerLine: scan.headerText,
		headerRow: scan.leadingBlank + 1,
		scan,
		strays: strays.map((s, i) => ({ ...s, ...scan.marks[i]! }))
	};
}
