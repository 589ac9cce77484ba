/**
 * One quote-aware pass over a CSV's text, tokenising as DuckDB's strict reader does, to learn
 * what DuckDB would not tell us: which records are blank (its reader skips them, which would
 * shift every later row number), how many cells the widest record has, whether a quote is left
 * open (DuckDB then silently drops the rest of the file) and which line breaks are used
 * (DuckDB refuses a mix). When DuckDB needs different text, `rewritten` has it.
 */

import { splitRecord } from './headers';

export type LineBreak = 'CRLF' | 'LF' | 'CR' | 'mixed' | 'none';

export interface RecordScan {
	/** The header record, as text (it may hold quoted line breaks). */
	headerText: string;
	/** Blank records before the header: Excel shows them as rows above it. */
	leadingBlank: number;
	/** Records after the header, blank ones included. */
	records: number;
	/** Blank records after the header (trailing ones included). */
	blankRecords: number;
	/** Cells in the widest record, header included. */
	maxCells: number;
	/** Characters in the longest record. */
	longestRecord: number;
	lineBreak: LineBreak;
	/** The first place where the text is not CSV DuckDB can read, by spreadsheet row. */
	broken: { row: number; cell: number; message: string } | null;
	/** The first NUL character: binary data, which no CSV holds (and which would cut short any SQL text it reached). */
	nul: { row: number; cell: number } | null;
	/** The text DuckDB should read, when it differs from the decoded text. */
	rewritten: string | null;
	/** The longest cell at each position (header included), in characters as written, quotes and all. */
	longestCells: number[];
	/**
	 * At each position (header included): true when every cell that is not empty starts and ends
	 * with a printable ASCII character (33–126; a quoted cell's quotes aside). Such cells need no
	 * trimming, which SQL would otherwise test cell by cell (formats/context.ts: trimmed).
	 */
	plainEnds: boolean[];
	/**
	 * At each position: true when every cell below the first record is blank or a plain number
	 * (digits, with a decimal part or not: check/cell-lookups.ts PLAIN_NUMBER), which DuckDB reads
	 * itself: the lookup of such a column need not list its texts (check/lookup.ts).
	 */
	plainNumbers: boolean[];
	/** At each position: some cell (below the header or not) starts with "#" (after its quote), as Excel's error texts do. */
	hashStarts: boolean[];
	/**
	 * Records after the header that may have no cell with anything but spaces in it (blank ones
	 * included): none has a cell that starts with a printable ASCII character. DuckDB reads them as
	 * rows, which staging must then leave out (stage.ts); most files have none.
	 */
	maybeEmpty: number;
	/** The first record longer than MAX_RECORD_CHARS, by spreadsheet row, with its length and its longest cell. */
	tooLong: { row: number; length: number; cell: number; cellLength: number } | null;
	/** Where each marked character (see scanRecords) is: its row, its cell's position and the cell's text. */
	marks: { row: number; cell: number; text: string }[];
}

/**
 * The longest record (row) read: a million characters. A row of the widest file (1,000 columns)
 * or of a plan with many reviews of long notes is far shorter; a longer one is a file whose line
 * breaks were lost, or a quote left open, and DuckDB runs out of memory on a line of 50 MB.
 */
export const MAX_RECORD_CHARS = 1_000_000;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** Where each record ends and how, found by the same state machine DuckDB's strict reader uses. */
interface Walk {
	/** [start, end) of each record's text, without its line break. */
	starts: number[];
	ends: number[];
	cells: number[];
	breaks: { lf: number; crlf: number; cr: number };
	broken: { record: number; cell: number; message: string } | null;
	nul: { record: number; cell: number } | null;
	longestCells: number[];
	plainEnds: boolean[];
	plainNumbers: boolean[];
	hashStarts: boolean[];
	/** Records (by index) none of whose cells surely holds text: each has no cell that starts with a printable ASCII character. */
	maybeEmpty: number[];
	tooLong: { record: number; length: number; cell: number; cellLength: number } | null;
	marks: { record: number; cell: number }[];
}

const printable = (c: number) => c >= 33 && c <= 126;
const PLAIN = 0;
const NOT = 1;
const HASH = 35;

/** `flags` with room for position `k`, the flags kept. */
function grow(flags: Uint8Array<ArrayBuffer>, k: number): Uint8Array<ArrayBuffer> {
	const grown = new Uint8Array(flags.length * 2 + k);
	grown.set(flags);
	return grown;
}
const DIGIT_0 = 48;
const DOT = 46;

/** `text[from, to)` is blank or matches PLAIN_NUMBER (check/cell-lookups.ts): 1–15 digits, then a dot and 1–15 digits or not. */
function plainNumber(text: string, from: number, to: number): boolean {
	let digits = 0;
	let dot = -1;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c >= DIGIT_0 && c <= DIGIT_0 + 9) digits++;
		else if (c === DOT && dot < 0) dot = i;
		else return false;
	}
	if (to === from) return true;
	const before = (dot < 0 ? to : dot) - from;
	const after = dot < 0 ? -1 : to - dot - 1;
	return before >= 1 && before <= 15 && (dot < 0 || (after >= 1 && after <= 15)) && digits === before + Math.max(after, 0);
}

/** Told how far the scan has gone, as a fraction, every few million characters. */
export type ScanProgress = (fraction: number) => void;

const PROGRESS_EVERY = 4_000_000;

function walk(text: string, delimiter: number, progress?: ScanProgress, marked: readonly number[] = []): Walk {
	const starts: number[] = [0];
	const ends: number[] = [];
	const cells: number[] = [];
	const breaks = { lf: 0, crlf: 0, cr: 0 };
	let broken: Walk['broken'] = null;
	let nul: Walk['nul'] = null;
	// closed: just after a closing quote (a second quote there is an escaped one); after: spaces follow it.
	let state: 'start' | 'plain' | 'quoted' | 'closed' | 'after' = 'start';
	let count = 1;
	let quoteCell = 0;
	const longestCells: number[] = [];
	// Per column, PLAIN (0) until a cell says otherwise, then NOT (for hashStarts: a cell starts with #):
	// typed arrays kept the added tests from slowing the scan.
	let plainEnds = new Uint8Array(64);
	let plainNumbers = new Uint8Array(64);
	let hashStarts = new Uint8Array(64);
	const maybeEmpty: number[] = [];
	let filled = false;
	let tooLong: Walk['tooLong'] = null;
	const marks: Walk['marks'] = [];
	let nextMark = marked[0] ?? -1;
	let cellStart = 0;
	// The longest cell of the record being read, and its position.
	let recordLongest = -1;
	let recordLongestCell = 0;
	const endCell = (at: number) => {
		const k = count - 1;
		const length = at - cellStart;
		if (!(length <= (longestCells[k] ?? -1))) longestCells[k] = length;
		if (k >= plainEnds.length) {
			plainEnds = grow(plainEnds, k);
			plainNumbers = grow(plainNumbers, k);
			hashStarts = grow(hashStarts, k);
		}
		if (length > 0) {
			const first = text.charCodeAt(cellStart);
			const quoted = first === QUOTE;
			// A quoted cell's text is between its quotes ("" is an empty cell).
			const inner = quoted ? (length > 2 ? text.charCodeAt(cellStart + 1) : 0) : first;
			if (!filled) filled = printable(inner);
			if (inner === HASH) hashStarts[k] = NOT;
			if (plainEnds[k] !== NOT) {
				// A cell with anything after its closing quote (spaces) counts as not plain, which is only ever slower.
				const last = text.charCodeAt(at - 1);
				const plain = quoted
					? length >= 2 && last === QUOTE && (length === 2 || (printable(inner) && printable(text.charCodeAt(at - 2))))
					: printable(first) && printable(last);
				plainEnds[k] = plain ? PLAIN : NOT;
			}
			// The first record is the header (or a blank line above it).
			if (cells.length > 0 && plainNumbers[k] !== NOT && (quoted || !plainNumber(text, cellStart, at))) plainNumbers[k] = NOT;
		}
		if (length > recordLongest) {
			recordLongest = length;
			recordLongestCell = count - 1;
		}
	};
	const endRecord = (at: number, width: number) => {
		endCell(at);
		cellStart = at + width;
		const length = at - starts[starts.length - 1]!;
		if (!tooLong && length > MAX_RECORD_CHARS) tooLong = { record: cells.length, length, cell: recordLongestCell, cellLength: recordLongest };
		recordLongest = -1;
		if (!filled) maybeEmpty.push(cells.length);
		filled = false;
		ends.push(at);
		cells.push(count);
		starts.push(at + width);
		count = 1;
		state = 'start';
	};
	let nextReport = PROGRESS_EVERY;
	for (let i = 0; i < text.length; i++) {
		if (i >= nextReport) {
			progress?.(i / text.length);
			nextReport += PROGRESS_EVERY;
		}
		const c = text.charCodeAt(i);
		if (c === 0 && !nul) nul = { record: cells.length, cell: count - 1 };
		if (i === nextMark) {
			marks.push({ record: cells.length, cell: count - 1 });
			nextMark = marked[marks.length] ?? -1;
		}
		if (state === 'quoted') {
			if (c === QUOTE) state = 'closed';
			continue;
		}
		if (c === LF || c === CR) {
			const width = c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
			if (width === 2) breaks.crlf++;
			else if (c === LF) breaks.lf++;
			else breaks.cr++;
			endRecord(i, width);
			i += width - 1;
		} else if (c === delimiter) {
			endCell(i);
			cellStart = i + 1;
			count++;
			state = 'start';
		} else if (state === 'closed' || state === 'after') {
			const space = c === SPACE || (c === TAB && delimiter !== TAB);
			if (c === QUOTE && state === 'closed') state = 'quoted'; // "" inside quotes is one quote
			else if (space) state = 'after';
			else if (!broken) broken = { record: cells.length, cell: count - 1, message: 'a quoted cell has more text after its closing quote' };
		} else if (state === 'start') {
			if (c === QUOTE) {
				state = 'quoted';
				quoteCell = count - 1;
			}
			else if (c !== SPACE && !(c === TAB && delimiter !== TAB)) state = 'plain';
		}
		// In a plain cell a quote is just a character, as DuckDB reads it.
	}
	if (state === 'quoted' && !broken) {
		broken = { record: cells.length, cell: quoteCell, message: 'a quote opens a cell here and is never closed, so the rest of the file would be read as one cell' };
	}
	if (starts[starts.length - 1]! < text.length || ends.length === 0) {
		endRecord(text.length, 0);
	}
	starts.pop();
	const columns = (flags: Uint8Array) => Array.from({ length: longestCells.length }, (_, k) => flags[k] === PLAIN);
	return { starts, ends, cells, breaks, broken, nul, longestCells, plainEnds: columns(plainEnds), plainNumbers: columns(plainNumbers),
		hashStarts: columns(hashStarts).map((none) => !none), maybeEmpty, tooLong, marks };
}

function lineBreakOf(b: Walk['breaks']): LineBreak {
	const kinds = [b.lf && 'LF', b.crlf && 'CRLF', b.cr && 'CR'].filter(Boolean) as LineBreak[];
	return kinds.length === 0 ? 'none' : kinds.length > 1 ? 'mixed' : kinds[0]!;
}

/** Scans `text`; blank records become `""` (one empty cell, which DuckDB keeps) so that DuckDB counts them. */
export function scanRecords(text: string, delimiter: string, progress?: ScanProgress, marked: readonly number[] = []): RecordScan {
	const w = walk(text, delimiter.charCodeAt(0), progress, marked);
	const isBlank = (k: number) => w.ends[k] === w.starts[k];
	let leadingBlank = 0;
	while (leadingBlank < w.ends.length - 1 && isBlank(leadingBlank)) leadingBlank++;
	let blankRecords = 0;
	let innerBlank = 0;
	let maxCells = 0;
	let longestRecord = 0;
	for (let k = leadingBlank; k < w.ends.length; k++) {
		if (k > leadingBlank && isBlank(k)) blankRecords++;
		else innerBlank = blankRecords; // blanks before a filled record shift its number; trailing ones shift nothing
		maxCells = Math.max(maxCells, w.cells[k]!);
		longestRecord = Math.max(longestRecord, w.ends[k]! - w.starts[k]!);
	}
	const lineBreak = lineBreakOf(w.breaks);
	const needsRewrite = leadingBlank > 0 || innerBlank > 0 || lineBreak === 'mixed';
	let rewritten: string | null = null;
	if (needsRewrite) {
		const parts: string[] = [];
		for (let k = leadingBlank; k < w.ends.length; k++) parts.push(isBlank(k) ? '""' : text.slice(w.starts[k], w.ends[k]));
		rewritten = parts.join('\n') + '\n';
	}
	// Records count from 0, spreadsheet rows from 1; Excel shows the blank rows above the header too.
	const broken = w.broken && { row: w.broken.record + 1, cell: w.broken.cell, message: w.broken.message };
	const nul = w.nul && { row: w.nul.record + 1, cell: w.nul.cell };
	const marks = w.marks.map((m) => ({ row: m.record + 1, cell: m.cell, text: splitRecord(text.slice(w.starts[m.record], w.ends[m.record]), delimiter)[m.cell] ?? '' }));
	return {
		headerText: text.slice(w.starts[leadingBlank], w.ends[leadingBlank]),
		leadingBlank,
		records: w.ends.length - leadingBlank - 1,
		blankRecords,
		maxCells,
		longestRecord,
		lineBreak,
		broken,
		nul,
		rewritten,
		longestCells: w.longestCells,
		plainEnds: w.plainEnds,
		plainNumbers: w.plainNumbers,
		hashStarts: w.hashStarts,
		maybeEmpty: w.maybeEmpty.filter((k) => k > leadingBlank).length,
		tooLong: w.tooLong && { row: w.tooLong.record + 1, length: w.tooLong.length, cell: w.tooLong.cell, cellLength: w.tooLong.cellLength },
		marks
	};
}
