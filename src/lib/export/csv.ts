// The CSV of a chart: exactly the columns and rows its data table shows.
//
// - Header: the column labels. Records end with CRLF and fields are quoted when they hold a
//   comma, a quote, CR or LF, with quotes doubled (RFC 4180).
// - The text starts with a byte order mark (U+FEFF), so Excel reads it as UTF-8 and "£", "–"
//   and "’" come out right.
// - Missing-value markers ("c", "x", "..", "-", …) are written as they were published.
// - Formula injection: a spreadsheet runs a cell beginning with =, +, -, @, tab or CR as a
//   formula. Such a cell gets a leading apostrophe ("=1+2" → "'=1+2"), the OWASP advice, which
//   Excel and LibreOffice show as text. Numbers ("-3", "-1.5", "+2", "-1,234", "-12.5%") and
//   the markers are left alone: they are data, and cannot run anything.

import { parseMarker } from '../oba/missing';

export interface CsvColumn {
	key: string;
	label: string;
}
export type CsvRow = Record<string, string | number | null | undefined>;

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/;

/** Is the text a number as a table shows it (sign, thousands commas, decimals, exponent, %)? */
export function isPlainNumber(text: string): boolean {
	return /\d/.test(text) && PLAIN_NUMBER.test(text);
}

/** The cell with a leading apostrophe if a spreadsheet would run it as a formula. */
export function neutraliseFormula(text: string): string {
	if (!FORMULA_START.test(text) || isPlainNumber(text) || parseMarker(text)?.marker === text) return text;
	return `'${text}`;
}

/** One CSV field: neutralised, then quoted if it must be (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, header of column labels, one record per row, CRLF after each. */
export function toCsv(columns: readonly CsvColumn[], rows: readonly CsvRow[]): string {
	const records = [columns.map((c) => csvField(c.label)), ...rows.map((row) => columns.map((c) => csvField(row[c.key])))];
	return BOM + records.map((fields) => fields.join(',') + '\r\n').join('');
}
