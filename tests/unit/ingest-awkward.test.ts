/** Awkward files a probe found (issue 16): stray bytes, enormous rows and cells, numbers a double cannot keep. */
import { describe, expect, test } from 'vitest';
import { decodeCsv, decodeText } from '../../src/lib/ingest/read/decode';
import { splitRecord } from '../../src/lib/ingest/read/headers';
import { problemTotals, type Problem } from '../../src/lib/ingest/check/problems';
import { MAX_RECORD_CHARS, scanRecords } from '../../src/lib/ingest/read/records';
import { decodeWindows1252, mostlyUtf8, utf8Evidence } from '../../src/lib/ingest/read/stray-bytes';
import { parseValue } from '../../src/lib/oba/values';

const utf8 = (text: string) => [...new TextEncoder().encode(text)];
const bytes = (...parts: (string | number)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? utf8(p) : [p])));

describe('a UTF-8 file with a stray Windows-1252 byte', () => {
	test('the evidence: whole UTF-8 characters of two bytes or more, and bytes that are none', () => {
		// é (2 bytes) and – (3 bytes) are UTF-8; 0xE9 alone is Windows-1252's é.
		expect(utf8Evidence(bytes('Café – ', 0xe9, '\n'))).toEqual({ multiByte: 2, invalid: 1 });
		expect(utf8Evidence(bytes('£5,Caf', 0xe9))).toEqual({ multiByte: 1, invalid: 1 });
		expect(utf8Evidence(bytes(0xa3, '5,Caf', 0xe9))).toEqual({ multiByte: 0, invalid: 2 });
		// Overlong forms and surrogates are not UTF-8, as TextDecoder says.
		expect(utf8Evidence(new Uint8Array([0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0xed, 0xa0, 0x80]))).toEqual({ multiByte: 0, invalid: 8 });
		expect(mostlyUtf8({ multiByte: 2, invalid: 1 })).toBe(true);
		expect(mostlyUtf8({ multiByte: 1, invalid: 1 })).toBe(true);
		expect(mostlyUtf8({ multiByte: 1, invalid: 2 })).toBe(false);
		expect(mostlyUtf8({ multiByte: 0, invalid: 1 })).toBe(false);
	});

	test('keeps the UTF-8 text and reads only the stray bytes as Windows-1252', () => {
		const decoded = decodeText(bytes('a,b\nCafé – ok,1\nCaf', 0xe9, ',2\nOct', 0x96, 'Nov,3\n'));
		expect(decoded).toEqual({
			text: 'a,b\nCafé – ok,1\nCafé,2\nOct–Nov,3\n', encoding: 'UTF-8', bom: false,
			strays: [{ offset: 22, byte: 0xe9, char: 'é', at: 19 }, { offset: 29, byte: 0x96, char: '–', at: 26 }]
		});
	});

	test('locates each stray byte by row, cell and the cell as read, below blank rows and a sep= line', () => {
		const decoded = decodeCsv(bytes(0xef, 0xbb, 0xbf, 'sep=;\n\nmeasure;notes\nCafé;ok\nTea;Oct', 0x96, 'Nov\n'));
		expect(decoded.encoding).toBe('UTF-8');
		expect(decoded.reencoded).toBe(true);
		expect(decoded.strays).toEqual([{ offset: 40, byte: 0x96, char: '–', at: 36, row: 4, cell: 1, text: 'Oct–Nov' }]);
		expect(new TextDecoder().decode(decoded.bytes)).toBe('measure;notes\nCafé;ok\nTea;Oct–Nov\n');
	});

	test('a genuine Windows-1252 file (no UTF-8 characters of two bytes or more) stays Windows-1252', () => {
		expect(decodeText(bytes(0xa3, '5,Caf', 0xe9, ',Oct', 0x96, 'Nov,', 0x80, '1'))).toEqual({ text: '£5,Café,Oct–Nov,€1', encoding: 'Windows-1252', bom: false, strays: [] });
		// One UTF-8 £ against three stray bytes: the evidence says Windows-1252, as before.
		expect(decodeText(bytes('£5,Caf', 0xe9, ',Oct', 0x96, 'Nov,', 0x80, '1'))).toEqual({ text: 'Â£5,Café,Oct–Nov,€1', encoding: 'Windows-1252', bom: false, strays: [] });
	});

	test('Windows-1252 reads 0x80–0x9F as the WHATWG standard says, under Node as in a browser', () => {
		expect(decodeWindows1252(new Uint8Array([0x80, 0x85, 0x91, 0x92, 0x96, 0x97, 0x9f, 0x81, 0xa3, 0xe9]))).toBe('€…‘’–—Ÿ\u0081£é');
	});
});

describe('rows and cells too long', () => {
	test('the scan knows each column’s longest cell and the first row over the limit, with its longest cell', () => {
		const long = 'x'.repeat(MAX_RECORD_CHARS);
		const scan = scanRecords(`a,b,c\n1,22,333\n4,${long},6\n7,8,9\n`, ',');
		expect(scan.longestCells).toEqual([1, MAX_RECORD_CHARS, 3]);
		expect(scan.tooLong).toEqual({ row: 3, length: MAX_RECORD_CHARS + 4, cell: 1, cellLength: MAX_RECORD_CHARS });
		expect(scanRecords(`a\n${'y'.repeat(MAX_RECORD_CHARS)}\n`, ',').tooLong).toBeNull();
	});

	test('splitting a record keeps quotes as before, and is quick on a 50 MB one', () => {
		expect(splitRecord(' a ,"b,c","say ""hi""",d"e', ',')).toEqual(['a', 'b,c', 'say "hi"', 'de']);
		expect(splitRecord('x'.repeat(50 * 1024 * 1024), ',')[0]).toHaveLength(50 * 1024 * 1024);
	});
});

describe('numbers a double cannot keep', () => {
	test('1e-400 would be stored as 0: refused', () => {
		expect(parseValue('1e-400')).toEqual({ kind: 'invalid', message: '"1e-400" is too close to zero to be kept (the smallest is about 5e-324): it would be stored as 0; write 0 if it is zero' });
		expect(parseValue('0.0e-400')).toEqual({ kind: 'number', value: 0, percent: false });
		expect(parseValue('1e-320')).toEqual({ kind: 'number', value: 1e-320, percent: false });
	});

	test('2^53 + 1 would be rounded: refused; whole numbers a double keeps exactly are read', () => {
		expect(parseValue('9007199254740993')).toEqual({
			kind: 'invalid',
			message: '"9007199254740993" has more digits than can be kept exactly (whole numbers up to 9,007,199,254,740,991 are): it would be stored as 9,007,199,254,740,992'
		});
		expect(parseValue('9,007,199,254,740,993').kind).toBe('invalid');
		expect(parseValue('9007199254740992')).toEqual({ kind: 'number', value: 9007199254740992, percent: false });
		expect(parseValue('9007199254740991.5').kind).toBe('invalid');
		expect(parseValue('900719925474099.5')).toEqual({ kind: 'number', value: 900719925474099.5, percent: false });
		expect(parseValue('1.5e20')).toEqual({ kind: 'number', value: 1.5e20, percent: false });
	});
});

describe('counting problems', () => {
	test('an entry that stands for many rows counts as many', () => {
		const p = (severity: Problem['severity'], count?: number): Problem =>
			({ severity, file: 'f.csv', row: null, column: null, value: null, message: '', fix: '', ...(count ? { count } : {}) });
		expect(problemTotals([p('error'), p('error', 1_799_000), p('warning'), p('warning', 3)])).toEqual({ errors: 1_799_001, warnings: 4 });
	});
});
