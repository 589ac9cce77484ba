/**
 * One workbook cell as the text a CSV exported from it would hold, for the readers of CSV
 * files: a number with all its digits (not Excel's display rounding), a percentage as "45%", a
 * date as ISO text the period reader accepts, an error as Excel shows it ("#DIV/0!").
 * A formula's cached value is what the cell holds.
 */
import type { CellObject } from '@e965/xlsx';

/** What reading a cell needs of SheetJS's number-format library (passed in, so this file stays pure). */
export interface DateCodes {
	isDate(format: string): boolean;
	/** A serial day number to its calendar day; null when out of Excel's range. */
	dateOf(serial: number, date1904: boolean): { y: number; m: number; d: number } | null;
}

/** Excel's error values, as it shows them: the error check (error-cells.ts) finds them in CSV files too. */
export const EXCEL_ERRORS = ['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'] as const;

/** The error codes SheetJS keeps in `v` for an error cell, to Excel's text. */
const ERROR_CODES: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' };

/** A number format's pattern without its quoted text, escaped characters and [colour] or [$-locale] parts. */
function pattern(format: string): string {
	return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/_./g, '').replace(/\[[^\]]*\]/g, '');
}

/** A format that shows a month and year but no day ("mmm yyyy", "mmm-yy"): the cell means a month. */
export function showsNoDay(format: string): boolean {
	return !/d/i.test(pattern(format));
}

/** A format that shows a percentage: the cell's 0.45 is shown as 45%. */
export function showsPercent(format: string): boolean {
	return pattern(format).includes('%');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The shortest decimal that reads back as the same double: every digit Excel keeps, no display rounding. */
export function numberText(value: number): string {
	return Object.is(value, -0) ? '0' : String(value);
}

/** A number times 100, as text, by moving its decimal point: 0.45 → "45", never 45.00000000000001. */
export function timesHundred(text: string): string {
	const exp = /^(-?)([\d.]+)e([+-]\d+)$/i.exec(text);
	if (exp) return `${exp[1]}${exp[2]}e${Number(exp[3]) + 2}`;
	const negative = text.startsWith('-');
	const [whole = '', fraction = ''] = (negative ? text.slice(1) : text).split('.');
	const digits = `${whole}${fraction.padEnd(2, '0')}`;
	const point = whole.length + 2;
	const shifted = `${digits.slice(0, point).replace(/^0+(?=\d)/, '')}${point < digits.length ? `.${digits.slice(point)}` : ''}`;
	return `${negative && /[1-9]/.test(shifted) ? '-' : ''}${shifted}`;
}

export function cellText(cell: CellObject | undefined, codes: DateCodes, date1904: boolean): string {
	if (!cell) return '';
	switch (cell.t) {
		case 's':
			return String(cell.v ?? '');
		case 'b':
			return cell.v ? 'TRUE' : 'FALSE';
		case 'e':
			return cell.w ?? ERROR_CODES[Number(cell.v)] ?? '#VALUE!';
		case 'd': {
			const date = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
			if (Number.isNaN(date.getTime())) return cell.w ?? '';
			const iso = `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
			return cell.z && showsNoDay(String(cell.z)) ? iso : `${iso}-${pad(date.getDate())}`;
		}
		case 'n': {
			const value = Number(cell.v);
			const format = cell.z === undefined ? '' : String(cell.z);
			if (format && codes.isDate(format)) {
				// A time or a duration ("hh:mm", "[h]:mm") is no day: it is written as Excel shows it.
				if (!/[dy]/i.test(pattern(format))) return cell.w ?? numberText(value);
				const day = codes.dateOf(value, date1904);
				if (day) return showsNoDay(format) ? `${day.y}-${pad(day.m)}` : `${day.y}-${pad(day.m)}-${pad(day.d)}`;
			}
			const text = numberText(value);
			return format && showsPercent(format) ? `${timesHundred(text)}%` : text;
		}
		default:
			// 'z': a cell with a format but nothing in it.
			return '';
	}
}
