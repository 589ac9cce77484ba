/**
 * How a file was read, told back to the analyst: its encoding, delimiter and line breaks, which
 * format it was taken for, what each header was read as, how its periods were read (a file that
 * writes "2016 Q4" means a different quarter from one that writes "2016/17 Q4") and what it holds.
 */
import type { Session } from '../../db/database';
import { str } from '../../db/sql';
import { describeReading, type PeriodReading } from '../../oba/periods';
import type { ColumnMatch } from '../match/columns';
import type { Prepared } from '../formats/context';
import type { Delimiter, Encoding } from './decode';
import type { FormatSpec } from '../formats';
import type { LineBreak } from './records';
import type { Problem } from '../check/problems';
import type { StagedFile } from '../stage/stage';
import type { DecodedCsv } from './decode';

export interface PeriodReadingReport {
	reading: PeriodReading;
	/** describeReading's sentence, e.g. "Periods read as financial-year quarters (April to March): 2016/17 Q3 = Oct–Dec 2016". */
	description: string;
	/** Up to three cells as written that were read this way. */
	examples: string[];
	/** How many cells were read this way. */
	cells: number;
}

export interface FileReading {
	encoding: Encoding;
	/** The file began with a byte-order mark. */
	bom: boolean;
	delimiter: Delimiter;
	/** The file began with Excel's `sep=` line. */
	sepLine: boolean;
	lineBreaks: LineBreak;
	/** Spreadsheet row of the header: 1 unless blank rows sit above it. */
	headerRow: number;
	format: FormatSpec['id'] | null;
	formatTitle: string | null;
	/** Each header, and the column it was read as (null: not one of the format's named columns). */
	columns: { header: string; readAs: string | null }[];
	/** Data rows; blank rows are not counted but keep their numbers. */
	rows: number;
	blankRows: number;
	/** For files of measures: how many measures, periods and values they hold. */
	measures: number | null;
	periods: number | null;
	values: number | null;
	firstPeriod: string | null;
	lastPeriod: string | null;
	/** For monthly data: the quarters and years rolled up from its months, and how many of them are incomplete. */
	rolledUp: { quarters: number; years: number; incomplete: number } | null;
	/** For plans and reviews: how many (item, review) ratings the file gives. */
	ratings: number | null;
	periodReadings: PeriodReadingReport[];
	/** Imports of this very file (the same bytes) already loaded: a re-import. */
	seenBefore: { importId: number; file: string; importedAt: string }[];
	/** The same, as sentences to show or print. */
	sentences: string[];
}

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
const LINE_BREAK_NAMES: Record<LineBreak, string> = {
	CRLF: 'Windows line breaks (CRLF)',
	LF: 'Unix line breaks (LF)',
	CR: 'old Mac line breaks (CR)',
	mixed: 'mixed line breaks (read as one kind)',
	none: 'no line breaks'
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** What is known before any format is chosen: the bytes and the text. */
export function basicReading(decoded: DecodedCsv, rows = 0): FileReading {
	const reading: FileReading = {
		encoding: decoded.encoding,
		bom: decoded.bom,
		delimiter: decoded.delimiter,
		sepLine: decoded.sepLine,
		lineBreaks: decoded.scan.lineBreak,
		headerRow: decoded.headerRow,
		format: null,
		formatTitle: null,
		columns: [],
		rows,
		blankRows: decoded.scan.blankRecords,
		measures: null,
		periods: null,
		values: null,
		rolledUp: null,
		firstPeriod: null,
		lastPeriod: null,
		ratings: null,
		periodReadings: [],
		seenBefore: [],
		sentences: []
	};
	reading.sentences = readingSentences(reading);
	return reading;
}

function readAs(index: number, file: StagedFile, match: ColumnMatch): string | null {
	for (const [name, at] of match.found) if (at === index) return name;
	if (match.periods.includes(index)) return 'period';
	return null;
}

/** Everything the preview knows: the file, its format, what its rows hold, and whether it was loaded before. */
export async function fullReading(db: Session, file: StagedFile, spec: FormatSpec, match: ColumnMatch, prepared: Prepared, checksum: string): Promise<FileReading> {
	const reading = basicReading(file.decoded, file.rowCount);
	reading.seenBefore = await db.rows<{ importId: number; file: string; importedAt: string }>(`
		SELECT import_id AS "importId", file_name AS file, strftime(imported_at, '%d/%m/%Y %H:%M') AS "importedAt"
		FROM imports WHERE checksum = ${str(checksum)} ORDER BY import_id`);
	reading.format = spec.id;
	reading.formatTitle = spec.title;
	reading.columns = file.headers.map((header, index) => ({ header, readAs: readAs(index, file, match) }));
	if (prepared.period) {
		const { lookup, table } = prepared.period;
		const l = lookup.alias;
		const rows = await db.rows<{ reading: PeriodReading; text: string; cells: number }>(`
			SELECT ${l}.reading, ${l}.text, count(*) AS cells FROM ${table} s ${lookup.join}
			WHERE ${l}.ok GROUP BY ALL ORDER BY min(s."row")`);
		const byReading = new Map<PeriodReading, PeriodReadingReport>();
		for (const row of rows) {
			const report = byReading.get(row.reading) ?? { reading: row.reading, description: describeReading(row.reading), examples: [], cells: 0 };
			// A DfE period is read from two cells, joined with "|" for the parser.
			if (report.examples.length < 3) report.examples.push(row.text.replace('|', ' '));
			report.cells += row.cells;
			byReading.set(row.reading, report);
		}
		reading.periodReadings = [...byReading.values()];
	}
	if (prepared.incoming?.values) {
		const rolledUp = prepared.incoming.rolledUp === true;
		// The file's own values are counted as values; what was rolled up from its months is said apart.
		const given = rolledUp ? `SELECT * FROM (${prepared.incoming.values}) WHERE rolled_up IS NULL` : prepared.incoming.values;
		if (rolledUp) {
			const [made] = await db.rows<{ quarters: number; years: number; incomplete: number }>(`
				SELECT count(*) FILTER (period_kind = 'quarter') AS quarters, count(*) FILTER (period_kind = 'year') AS years,
					count(*) FILTER (marker = 'incomplete') AS incomplete FROM (${prepared.incoming.values}) WHERE rolled_up`);
			reading.rolledUp = made ?? null;
		}
		const [counts] = await db.rows<{ measures: number; periods: number; values: number; first: string | null; last: string | null }>(`
			SELECT count(DISTINCT measure_id) AS measures, count(DISTINCT (period_start, period_kind)) AS periods, CAST(coalesce(sum(n), 0) AS BIGINT) AS "values",
				arg_min(period_label, (period_start, period_end)) AS first, arg_max(period_label, (period_start, period_end)) AS last
			-- Grouped first: a few thousand measure-periods, not a million values, are then counted distinct.
			FROM (SELECT measure_id, period_start, period_kind, period_end, period_label, count(*) AS n FROM (${given}) GROUP BY ALL)`);
		Object.assign(reading, { measures: counts?.measures ?? 0, periods: counts?.periods ?? 0, values: counts?.values ?? 0, firstPeriod: counts?.first ?? null, lastPeriod: counts?.last ?? null });
	}
	if (prepared.incoming?.reviews) {
		const [counts] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM (${prepared.incoming.reviews}) WHERE rag IS NOT NULL OR progress IS NOT NULL`);
		reading.ratings = counts?.n ?? 0;
	}
	reading.sentences = readingSentences(reading);
	return reading;
}

export function readingSentences(r: FileReading): string[] {
	const sentences = [
		`Read as ${r.encoding} text${r.bom ? ' with a byte-order mark' : ''}, ${DELIMITER_NAMES[r.delimiter]}-separated, ${LINE_BREAK_NAMES[r.lineBreaks]}.`
	];
	if (r.sepLine) sentences.push(`Excel’s “sep=${r.delimiter === '\t' ? '\\t' : r.delimiter}” line was read and skipped, as Excel does.`);
	if (r.headerRow > 1) sentences.push(`The header is on row ${r.headerRow}, below ${plural(r.headerRow - 1, 'blank row')}.`);
	if (r.formatTitle) sentences.push(`Format: ${r.formatTitle}.`);
	const span = r.firstPeriod && r.lastPeriod ? (r.firstPeriod === r.lastPeriod ? ` (${r.firstPeriod})` : ` (${r.firstPeriod} to ${r.lastPeriod})`) : '';
	const holds = [plural(r.rows, 'row')];
	if (r.measures !== null) holds.push(plural(r.measures, 'measure'), `${plural(r.periods ?? 0, 'period')}${span}`, plural(r.values ?? 0, 'value'));
	if (r.ratings !== null) holds.push(plural(r.ratings, 'RAG rating or progress note', 'RAG ratings or progress notes'));
	sentences.push(`The file holds ${holds.join(', ')}.`);
	if (r.rolledUp) {
		const { quarters, years, incomplete } = r.rolledUp;
		sentences.push(`From its months, ${plural(quarters, 'quarter')} and ${plural(years, 'year')} were rolled up by each measure’s rule (its rollup column, else sum for counts and £, ratio for % and rates, mean for days)` +
			(incomplete ? `; ${plural(incomplete, 'of them has', 'of them have')} a month missing, so no value, marked incomplete.` : '.'));
	}
	if (r.blankRows > 0) sentences.push(`${plural(r.blankRows, 'blank row')} ${r.blankRows === 1 ? 'was' : 'were'} skipped; rows keep the numbers a spreadsheet shows.`);
	for (const seen of r.seenBefore) {
		sentences.push(`This very file was imported before, as import ${seen.importId} (${seen.file}, ${seen.importedAt}): importing it again changes only what differs from what is loaded now.`);
	}
	for (const p of r.periodReadings) {
		sentences.push(`${p.description} (${plural(p.cells, 'cell')}, such as ${p.examples.map((e) => `“${e}”`).join(', ')}).`);
	}
	return sentences;
}

/**
 * Readings worth a warning: quarters written both ways in one file (2016 Q4 and 2016/17 Q4 are
 * different quarters), and bare years in a local file, read as DfE reporting years.
 */
export function readingWarnings(file: string, r: FileReading): Problem[] {
	const kinds = new Set(r.periodReadings.map((p) => p.reading));
	const warn = (message: string, fix: string): Problem => ({ severity: 'warning', file, row: null, column: null, value: null, message, fix });
	const warnings: Problem[] = [];
	if (kinds.has('financial-year quarter') && kinds.has('calendar quarter')) {
		const example = (reading: PeriodReading) => r.periodReadings.find((p) => p.reading === reading)?.examples[0] ?? '';
		warnings.push(warn(
			`This file writes quarters two ways: financial-year quarters such as “${example('financial-year quarter')}” (April to March) and calendar quarters such as “${example('calendar quarter')}” (January to December). Each was read as written, so “2016 Q4” is Oct–Dec 2016, the same quarter as “2016/17 Q3”.`,
			'Check that each period means what you intended; writing every period as a financial-year quarter (2016/17 Q3) avoids the doubt.'));
	}
	if (kinds.has('reporting year') && r.format !== 'dfe') {
		const example = r.periodReadings.find((p) => p.reading === 'reporting year')?.examples[0] ?? '';
		warnings.push(warn(
			`A period written as a bare year, such as “${example}”, was read as a DfE reporting year: the year to 31 March, so 2019 is 2018/19.`,
			'If you meant another year, write it as a financial year such as 2018/19.'));
	}
	return warnings;
}
