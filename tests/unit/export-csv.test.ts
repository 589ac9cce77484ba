import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { BOM, csvField, isPlainNumber, neutraliseFormula, toCsv } from '../../src/lib/export/csv';

const columns = [
	{ key: 'period', label: 'Year (April to March)' },
	{ key: 'count', label: 'Assessments', numeric: true },
	{ key: 'rate', label: 'Rate per 10,000' }
];

/** The records of a CSV file, read back by an RFC 4180 parser. */
const parse = (text: string) => Papa.parse<string[]>(text.slice(BOM.length), { newline: '\r\n', skipEmptyLines: true }).data;

describe('toCsv', () => {
	test('starts with the byte order mark, then the column labels as the header, records ending CRLF', () => {
		const csv = toCsv(columns, [{ period: '2024/25', count: '80', rate: '23.9' }]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toBe('\uFEFFYear (April to March),Assessments,"Rate per 10,000"\r\n2024/25,80,23.9\r\n');
	});

	test('writes the cells in column order, whatever the order of the row’s keys, and only the columns', () => {
		const csv = toCsv(columns, [{ rate: '1', extra: 'not drawn', count: 2, period: 'p' }]);
		expect(parse(csv)[1]).toEqual(['p', '2', '1']);
	});

	test('quotes commas, quotes and line breaks (RFC 4180), and reads back to the same cells', () => {
		const rows = [{ period: 'a, b', count: 'say "hi"', rate: 'line one\nline two\r\nthree' }];
		const csv = toCsv(columns, rows);
		expect(csv).toContain('"a, b","say ""hi""","line one\nline two\r\nthree"\r\n');
		expect(parse(csv)).toEqual([columns.map((c) => c.label), ['a, b', 'say "hi"', 'line one\nline two\r\nthree']]);
	});

	test('keeps "£", en dashes and curly quotes as they are', () => {
		const csv = toCsv([{ key: 'a', label: 'Cost (£)' }, { key: 'b', label: 'Children aged 0–17' }], [{ a: '£1,250', b: 'Young people’s voice' }]);
		expect(parse(csv)).toEqual([['Cost (£)', 'Children aged 0–17'], ['£1,250', 'Young people’s voice']]);
		expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});

	test('writes a missing value as an empty cell and a missing-value marker as it was published', () => {
		const rows = [
			{ period: 'p1', count: null, rate: undefined },
			{ period: 'p2', count: 'c', rate: '[x]' },
			{ period: 'p3', count: '..', rate: ':' },
			{ period: 'p4', count: '-', rate: 'low' },
			{ period: 'p5', count: '*', rate: '~' }
		];
		expect(parse(toCsv(columns, rows)).slice(1)).toEqual([
			['p1', '', ''],
			['p2', 'c', '[x]'],
			['p3', '..', ':'],
			['p4', '-', 'low'],
			['p5', '*', '~']
		]);
	});

	test('neutralises cells a spreadsheet would run as a formula with a leading apostrophe', () => {
		const attacks = ['=1+2', '=HYPERLINK("http://evil.example","click")', '+cmd|\' /C calc\'!A0', '-2+3', '-A1', '@SUM(A1:A2)', '\tTAB', '\r=1'];
		const csv = toCsv([{ key: 'v', label: 'Value' }], attacks.map((v) => ({ v })));
		expect(parse(csv).slice(1).map((r) => r[0])).toEqual(attacks.map((a) => `'${a}`));
		// The header too.
		expect(toCsv([{ key: 'v', label: '=cmd()' }], [])).toBe(`${BOM}'=cmd()\r\n`);
	});

	test('leaves negative and signed numbers as numbers', () => {
		const values = ['-3', '-1.5', '+2', '-0.25', '-.5', '-1,234', '-1,234.5', '-12.5%', '-1e3', '3', '87.5%', '33,522'];
		const csv = toCsv([{ key: 'v', label: 'Value' }], values.map((v) => ({ v })));
		expect(parse(csv).slice(1).map((r) => r[0])).toEqual(values);
		expect(toCsv([{ key: 'v', label: 'V' }], [{ v: -3 }, { v: -1.5 }, { v: 0 }])).toBe(`${BOM}V\r\n-3\r\n-1.5\r\n0\r\n`);
	});

	test('an empty table is the header alone', () => {
		expect(toCsv(columns, [])).toBe(`${BOM}Year (April to March),Assessments,"Rate per 10,000"\r\n`);
	});
});

describe('the cell rules', () => {
	test('isPlainNumber', () => {
		for (const yes of ['0', '-3', '+3', '-1.5', '1,234', '-1,234,567.89', '12%', '1e-3']) expect(isPlainNumber(yes), yes).toBe(true);
		for (const no of ['', '-', '+', '.', '-1+2', '-1,23', '1,2345', '--1', '-A1', '- 1', '=1', '1 2']) expect(isPlainNumber(no), no).toBe(false);
	});

	test('neutraliseFormula touches only what starts with = + - @ tab or CR', () => {
		expect(neutraliseFormula('Total = 3')).toBe('Total = 3');
		expect(neutraliseFormula('a@b.example')).toBe('a@b.example');
		expect(neutraliseFormula(' =1')).toBe(' =1');
		expect(neutraliseFormula('-')).toBe('-');
		expect(neutraliseFormula('-x')).toBe("'-x");
	});

	test('csvField quotes after neutralising', () => {
		expect(csvField('=1,2')).toBe(`"'=1,2"`);
		expect(csvField('"=1"')).toBe('"""=1"""');
		expect(csvField(null)).toBe('');
		expect(csvField(-4)).toBe('-4');
	});
});
