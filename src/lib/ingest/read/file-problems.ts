/** Whole-file problems found before DuckDB reads anything: files that are not CSV text, or not readable as CSV. */
import type { DecodedCsv } from './decode';
import { splitRecord } from './headers';
import { clip, headerProblem, type Problem } from '../check/problems';
import { MAX_RECORD_CHARS } from './records';
import { hexByte } from './stray-bytes';

/** More header cells than any format has (a wide file of 25 years of quarters has about 110). */
export const MAX_HEADERS = 1000;

/** Stray bytes listed one by one; the rest are counted in one more warning. */
export const STRAY_BYTES_LISTED = 20;

const SAVE_AS_CSV = 'In Excel, choose File → Save As → “CSV UTF-8 (Comma delimited)”, and import that file.';

/** The file's first bytes and its size: all the whole-file checks need of the bytes themselves. */
export interface FileHead {
	head: Uint8Array;
	size: number;
}

/** What readingProblems needs of a file, taken before it goes to a worker (which takes the bytes). */
export async function fileHead(source: Uint8Array | Blob): Promise<FileHead> {
	if (source instanceof Blob) return { head: new Uint8Array(await source.slice(0, 8).arrayBuffer()), size: source.size };
	return { head: source.slice(0, 8), size: source.length };
}

function notText(bytes: Uint8Array): string | null {
	const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
	// A workbook (a zip, or an old .xls) never reaches here: the preview reads its sheet first (read/workbook/).
	if (starts(0x25, 0x50, 0x44, 0x46)) return 'This is a PDF, not a CSV file.';
	return null;
}

export function readingProblems(name: string, file: FileHead, decoded: DecodedCsv): Problem[] {
	const whole = (message: string, fix: string): Problem[] => [{ severity: 'error', file: name, row: null, column: null, value: null, message, fix }];
	const binary = notText(file.head);
	if (binary) return whole(binary, SAVE_AS_CSV);
	if (decoded.headerLine.trim() === '') {
		return whole(file.size === 0 ? 'The file is empty.' : 'The file has no header row: it holds only blank lines.',
			'Export the data again; the first row must name the columns, such as period, measure, value.');
	}
	const headers = splitRecord(decoded.headerLine, decoded.delimiter);
	const nul = decoded.scan.nul;
	if (nul) {
		return [{
			severity: 'error', file: name, row: nul.row, column: nul.row === decoded.headerRow ? null : headers[nul.cell] || null, value: null,
			message: `The file holds binary data from row ${nul.row} (a NUL character), which no CSV text file has.`,
			fix: `${SAVE_AS_CSV} If the file was saved as “Unicode Text”, save it as CSV UTF-8 instead.`
		}];
	}
	if (headers.length > MAX_HEADERS) {
		const lost = decoded.scan.records === 0 ? ' The whole file is one line: its line breaks may have been lost.' : '';
		return [headerProblem(name, decoded.headerRow, null,
			`The first row has ${headers.length.toLocaleString('en-GB')} cells, more than any header row (at most ${MAX_HEADERS}).${lost}`,
			'Check that the first row names the columns, one name per cell, and that each record is on its own line; then save the file as CSV again.')]
			.map((p) => ({ ...p, value: clip(decoded.headerLine) }));
	}
	const broken = decoded.scan.broken;
	if (broken) {
		return [{
			severity: 'error', file: name, row: broken.row, column: headers[broken.cell] || null, value: null,
			message: `The file cannot be read as CSV from row ${broken.row}: ${broken.message}.`,
			fix: 'Open the file in a text editor at that row: a cell that starts with " must end with " before the next comma, and a " inside it is written "".'
		}];
	}
	const long = decoded.scan.tooLong;
	if (long) {
		const lost = decoded.scan.records === 0 ? ' The whole file is one line: its line breaks may have been lost.' : '';
		const n = (x: number) => x.toLocaleString('en-GB');
		const header = long.row === decoded.headerRow ? null : headers[long.cell] || null;
		const most = header ? `, ${n(long.cellLength)} of them in column "${header}"` : '';
		return [{
			severity: 'error', file: name, row: long.row, column: header, value: null,
			message: `Row ${long.row} is ${n(long.length)} characters long${most}: the app reads rows of up to ${n(MAX_RECORD_CHARS)} characters.${lost}`,
			fix: 'Check that each record is on its own line, and that no cell holds more than Excel’s 32,767 characters; then save the file as CSV again.'
		}];
	}
	return strayBytes(name, decoded, headers);
}

/** A warning for each byte of a UTF-8 file that is not UTF-8: it was read as a Windows-1252 character. */
function strayBytes(name: string, decoded: DecodedCsv, headers: string[]): Problem[] {
	const fix = 'Check that the cell reads as you meant. To avoid this, save the file from Excel as “CSV UTF-8 (Comma delimited)” (File → Save As), or retype the character in an editor that saves UTF-8.';
	const listed = decoded.strays.slice(0, STRAY_BYTES_LISTED).map((s): Problem => ({
		severity: 'warning', file: name, row: s.row, column: s.row === decoded.headerRow ? null : headers[s.cell] || null, value: clip(s.text),
		message: `The byte ${hexByte(s.byte)} (at byte offset ${s.offset.toLocaleString('en-GB')} of the file) is not UTF-8, as the rest of the file is: it was read as the Windows-1252 character “${s.char}”.`,
		fix
	}));
	const more = decoded.strays.length - listed.length;
	if (more > 0) {
		listed.push({
			severity: 'warning', file: name, row: null, column: null, value: null, count: more,
			message: `${more.toLocaleString('en-GB')} more bytes are not UTF-8, and were read as Windows-1252 characters.`, fix
		});
	}
	return listed;
}
