import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeCsv } from '../../src/lib/ingest/read/decode';
import { scanRecords } from '../../src/lib/ingest/read/records';

describe('scanning records as DuckDB’s strict reader tokenises them', () => {
	test('counts records, blank ones included, and the widest', () => {
		const scan = scanRecords('a,b\n1,2\n\n3,4,5\n', ',');
		expect(scan).toMatchObject({ headerText: 'a,b', records: 3, blankRecords: 1, maxCells: 3, lineBreak: 'LF', broken: null });
	});

	test('keeps blank rows for DuckDB as rows of one empty cell, so later rows keep their numbers', () => {
		expect(scanRecords('a,b\n1,2\n\n\n3,4\n', ',').rewritten).toBe('a,b\n1,2\n""\n""\n3,4\n');
	});

	test('leaves text alone when nothing would shift: trailing blank lines shift nothing', () => {
		expect(scanRecords('a,b\r\n1,2\r\n\r\n\r\n', ',').rewritten).toBeNull();
		expect(scanRecords('a,b\r\n1,2\r\n', ',').lineBreak).toBe('CRLF');
	});

	test('a line break inside quotes is part of the cell, blank lines in it too', () => {
		const scan = scanRecords('a,b\n"x\n\ny",2\n3,4\n', ',');
		expect(scan).toMatchObject({ records: 2, blankRecords: 0, rewritten: null });
	});

	test('mixed line breaks, which DuckDB refuses, become LF outside quotes only', () => {
		const scan = scanRecords('a,b\r\n1,"x\r\ny"\n2,3\r4,5', ',');
		expect(scan.lineBreak).toBe('mixed');
		expect(scan.rewritten).toBe('a,b\n1,"x\r\ny"\n2,3\n4,5\n');
	});

	test('blank rows above the header are counted and dropped', () => {
		const scan = scanRecords('\n\na,b\n1,2\n', ',');
		expect(scan).toMatchObject({ leadingBlank: 2, headerText: 'a,b', records: 1, rewritten: 'a,b\n1,2\n' });
	});

	test('a quote left open is found on the row where it opened, with its cell', () => {
		expect(scanRecords('a,b\n1,2\n3,"4\n5,6\n', ',').broken).toEqual({ row: 3, cell: 1, message: expect.stringContaining('never closed') });
	});

	test('text after a closing quote is found; a quote inside a plain cell is just a character', () => {
		expect(scanRecords('a,b\n"x"y,2\n', ',').broken).toMatchObject({ row: 2, cell: 0 });
		expect(scanRecords('a,b\n5"6,2\n"x" ,3\n', ',').broken).toBeNull();
	});

	test('a doubled quote inside quotes is one quote, not a closing one', () => {
		expect(scanRecords('a,b\n"say ""hi"", then go",2\n', ',')).toMatchObject({ records: 1, maxCells: 2, broken: null });
	});

	test('an empty text is a blank header and no records', () => {
		expect(scanRecords('', ',')).toMatchObject({ headerText: '', records: 0, maxCells: 1 });
	});

	test('says which columns have only cells that start and end with a printable ASCII character, quotes aside', () => {
		// Column by column: plain; a quoted cell and an empty one; a trailing space; a non-breaking space inside quotes; é at the end; a space after a closing quote.
		const scan = scanRecords('id,name,unit,area,place,note\nA1,"B, c",x ,"\u00a0E1",Café,"n" \nA2,,y,E2,Leeds,m\n', ',');
		expect(scan.plainEnds).toEqual([true, true, false, false, false, false]);
		expect(scanRecords('a,b\n"x""",""\n', ',').plainEnds).toEqual([true, true]);
	});

	test('says which columns below the header hold only blanks and plain numbers, as DuckDB reads them itself', () => {
		// Column by column: whole numbers and a blank; decimals; a marker; a comma; a quoted number; sixteen digits; a dot with no digits after it.
		const scan = scanRecords('n,d,v,c,q,long,dot\n12,0.5,7,"1,2","3",1234567890123456,4.\n,10.25,c,5,6,1,5\n', ',');
		expect(scan.plainNumbers).toEqual([true, true, false, false, false, false, false]);
	});

	test('keeps the columns’ findings past the 64th column', () => {
		const header = Array.from({ length: 70 }, (_, i) => `h${i}`).join(',');
		const row = Array.from({ length: 70 }, (_, i) => (i === 68 ? ' x' : i === 69 ? 'y' : '1')).join(',');
		const scan = scanRecords(`${header}\n${row}\n`, ',');
		expect(scan.plainEnds.length).toBe(70);
		expect(scan.plainEnds.slice(66)).toEqual([true, true, false, true]);
		expect(scan.plainNumbers.slice(66)).toEqual([true, true, false, false]);
	});

	test('says which columns have a cell that starts with #, as Excel’s error texts do', () => {
		expect(scanRecords('a,b,c\n#N/A,"#REF!",x#\n', ',').hashStarts).toEqual([true, true, false]);
	});

	test('counts the records after the header that may hold nothing but spaces', () => {
		expect(scanRecords('a,b\n1,2\n3,4\n', ',').maybeEmpty).toBe(0);
		// A blank line, a row of empty cells, a row of spaces, a row of empty quotes, and a blank line at the end.
		expect(scanRecords('a,b\n1,2\n\n,\n  , \n"",""\n3,4\n\n', ',').maybeEmpty).toBe(5);
		// Blank lines above the header are not rows; a cell that starts with a space may still hold text, so it counts.
		expect(scanRecords('\n\na,b\n1,2\n , x\n', ',').maybeEmpty).toBe(1);
	});
});

describe('decoding the bytes analysts’ tools write', () => {
	const bytes = (text: string) => new TextEncoder().encode(text);

	test('Excel "Unicode Text" is UTF-16 with a byte-order mark', () => {
		const utf16 = new Uint8Array([0xff, 0xfe, ...[...'a\tb\r\n1\t2\r\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
		const decoded = decodeCsv(utf16);
		expect(decoded).toMatchObject({ encoding: 'UTF-16', bom: true, delimiter: '\t', headerLine: 'a\tb' });
		expect(new TextDecoder().decode(decoded.bytes)).toBe('a\tb\r\n1\t2\r\n');
	});

	test('UTF-16 without its byte-order mark is told from UTF-8 by its zero bytes', () => {
		const le = new Uint8Array([...'period,value\r\n'].flatMap((c) => [c.charCodeAt(0), 0]));
		const be = new Uint8Array([...'period,value\r\n'].flatMap((c) => [0, c.charCodeAt(0)]));
		expect(decodeCsv(le)).toMatchObject({ encoding: 'UTF-16', bom: false, headerLine: 'period,value' });
		expect(decodeCsv(be)).toMatchObject({ encoding: 'UTF-16', bom: false, headerLine: 'period,value' });
		expect(decodeCsv(bytes('period,value\n')).encoding).toBe('UTF-8');
	});

	test('the sep= line is read and hidden, as Excel does, with any line break', () => {
		expect(decodeCsv(bytes('sep=;\ra;b\r1;2\r'))).toMatchObject({ sepLine: true, delimiter: ';', headerLine: 'a;b', headerRow: 1 });
	});

	test('a header cell holding a line break stays one header', () => {
		expect(decodeCsv(bytes('"Progress\nDec 2016",b\n1,2\n')).headerLine).toBe('"Progress\nDec 2016",b');
	});

	test('blank rows above the header move it down', () => {
		expect(decodeCsv(bytes('\r\n\r\nperiod,value\r\n')).headerRow).toBe(3);
	});
});

describe('scanning any text', () => {
	const csvish = fc.string({ unit: fc.constantFrom('"', ',', ';', '\t', '\n', '\r', ' ', 'a', '1', '£'), maxLength: 60 });

	test('never throws, and what it hands DuckDB has the same records with no blank one and one kind of line break', () => {
		fc.assert(
			fc.property(csvish, fc.constantFrom(',', ';', '\t'), (text, delimiter) => {
				const scan = scanRecords(text, delimiter);
				if (scan.rewritten === null) return;
				const again = scanRecords(scan.rewritten, delimiter);
				expect(again.records).toBe(scan.records);
				expect(again.maxCells).toBe(scan.maxCells);
				expect(again.leadingBlank).toBe(0);
				expect(again.blankRecords).toBe(0);
				expect(['LF', 'none']).toContain(again.lineBreak);
				expect(again.broken === null).toBe(scan.broken === null);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('quotes after a quoted cell', () => {
	test('spaces may follow a closing quote, but not another quote', () => {
		expect(scanRecords('a,b\n"x" ,2\n', ',').broken).toBeNull();
		expect(scanRecords('a,b\n"x"\t"y",2\n', ',').broken).toMatchObject({ row: 2, cell: 0 });
	});
});
