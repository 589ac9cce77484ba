import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { cellText, showsNoDay, timesHundred, type DateCodes } from '../../src/lib/ingest/read/workbook/cell-text';
import { cellReference, hiddenRowsWarning, locateInSheet, rowRuns, sheetName } from '../../src/lib/ingest/read/workbook/locate';
import { odsHidden } from '../../src/lib/ingest/read/workbook/ods-hidden';
import { sheetToCsv } from '../../src/lib/ingest/read/workbook/sheet-csv';
import { isWorkbook } from '../../src/lib/ingest/read/workbook/sheets';
import { chooseSheet, readWorkbook } from '../../src/lib/ingest/read/workbook/workbook';
import type { Problem } from '../../src/lib/ingest/check/problems';
import { CORPUS_DIR } from '../fixtures/ingest/corpus';
import { join } from 'node:path';

const CODES: DateCodes = { isDate: (f) => XLSX.SSF.is_date(f), dateOf: (v, date1904) => XLSX.SSF.parse_date_code(v, { date1904 }) };
const text = (cell: XLSX.CellObject, date1904 = false) => cellText(cell, CODES, date1904);

describe('a workbook cell as CSV text', () => {
	test('numbers keep every digit Excel stores, not its display rounding', () => {
		expect(text({ t: 'n', v: 0.1 + 0.2, z: '0.0', w: '0.3' })).toBe('0.30000000000000004');
		expect(text({ t: 'n', v: 1234567.891, z: '#,##0', w: '1,234,568' })).toBe('1234567.891');
		expect(text({ t: 'n', v: -0 })).toBe('0');
		expect(text({ t: 'n', v: 1e-7 })).toBe('1e-7');
	});

	test('a % format writes the percentage, by moving the decimal point', () => {
		expect(text({ t: 'n', v: 0.45, z: '0%' })).toBe('45%');
		expect(text({ t: 'n', v: 0.475, z: '0%', w: '48%' })).toBe('47.5%');
		expect(text({ t: 'n', v: 0.07, z: '0.0%' })).toBe('7%');
		expect(text({ t: 'n', v: 1, z: '0%' })).toBe('100%');
		expect(text({ t: 'n', v: -0.0125, z: '0.00%' })).toBe('-1.25%');
		expect(text({ t: 'n', v: 0.57, z: '0%' })).toBe('57%'); // 0.57 * 100 is 56.99999999999999
		expect(timesHundred('1.5e-7')).toBe('1.5e-5');
		expect(timesHundred('0.001')).toBe('0.1');
		expect(timesHundred('12')).toBe('1200');
	});

	test('a date format writes an ISO date; a format with no day writes the month', () => {
		// 42916 is 30 June 2017 in Excel's 1900 date system; 41454 the same day in the 1904 system.
		expect(text({ t: 'n', v: 42916, z: 'dd/mm/yyyy' })).toBe('2017-06-30');
		expect(text({ t: 'n', v: 42916.75, z: 'd-mmm-yy h:mm' })).toBe('2017-06-30');
		expect(text({ t: 'n', v: 42916, z: 'mmm yyyy' })).toBe('2017-06');
		expect(text({ t: 'n', v: 42916, z: 'mmm-yy' })).toBe('2017-06');
		expect(text({ t: 'n', v: 42916, z: '[$-809]mmmm yyyy' })).toBe('2017-06');
		expect(text({ t: 'n', v: 41454, z: 'dd/mm/yyyy' }, true)).toBe('2017-06-30');
		// A time is no day: it is written as Excel shows it.
		expect(text({ t: 'n', v: 0.5, z: 'hh:mm', w: '12:00' })).toBe('12:00');
		// A quoted "d" is text, not a day.
		expect(showsNoDay('mmm yyyy "to date"')).toBe(true);
		expect(showsNoDay('d mmm yyyy')).toBe(false);
	});

	test('text stays as written (a date typed as text too); errors, booleans and empty cells', () => {
		expect(text({ t: 's', v: '31/12/2016' })).toBe('31/12/2016');
		expect(text({ t: 's', v: ' 7 ' })).toBe(' 7 ');
		expect(text({ t: 'e', v: 0x07, w: '#DIV/0!' })).toBe('#DIV/0!');
		expect(text({ t: 'e', v: 0x2a })).toBe('#N/A');
		expect(text({ t: 'b', v: true })).toBe('TRUE');
		expect(text({ t: 'z' })).toBe('');
		expect(cellText(undefined, CODES, false)).toBe('');
	});
});

describe('a sheet as CSV text', () => {
	test('from A1, blank rows as blank lines, merged ranges filled, RFC 4180 quoting, hidden rows listed', () => {
		const ws = XLSX.utils.aoa_to_sheet([
			[],
			['measure', 'period', 'notes', 'value'],
			['Return interviews', 'Q1', 'said "no", then yes', 0.45],
			[null, 'Q2', 'two\nlines', 0.5],
			[],
			['Sessions', 'Q1', 'a;b', 12]
		]);
		ws.D3!.z = '0%';
		ws.D4!.z = '0%';
		ws['!merges'] = [XLSX.utils.decode_range('A3:A4')];
		ws['!rows'] = [];
		ws['!rows'][3] = { hidden: true };
		ws['!rows'][4] = { hidden: true }; // blank: nothing to warn about
		const csv = sheetToCsv(ws, CODES);
		expect(csv.text).toBe([
			'',
			'measure,period,notes,value',
			'Return interviews,Q1,"said ""no"", then yes",45%',
			'Return interviews,Q2,"two\nlines",50%',
			'',
			'Sessions,Q1,"a;b",12',
			''
		].join('\n'));
		expect(csv.hiddenRows).toEqual([4]);
		expect(csv.merged).toEqual(['A3:A4']);
	});

	test('a sheet whose cells start at C3 is still written from A1, so columns keep their letters', () => {
		const ws: XLSX.WorkSheet = { '!ref': 'C3:D3', C3: { t: 's', v: 'period' }, D3: { t: 's', v: 'value' } };
		expect(sheetToCsv(ws, CODES).text).toBe('\n\n,,period,value\n');
		expect(sheetToCsv({}, CODES)).toEqual({ text: '', hiddenRows: [], merged: [] });
	});
});

describe('the workbook', () => {
	test('the first visible sheet is read unless another is asked for', () => {
		const sheets = [{ name: 'Notes', hidden: true }, { name: 'Q3 2017', hidden: false }, { name: 'Q4', hidden: false }];
		expect(chooseSheet(sheets)).toBe('Q3 2017');
		expect(chooseSheet(sheets, 'Notes')).toBe('Notes');
		expect(() => chooseSheet(sheets, 'Q1')).toThrow('The workbook has no sheet named “Q1”; its sheets are “Notes”, “Q3 2017”, “Q4”.');
	});

	test('the three corpus workbooks read to the same CSV text', () => {
		const read = (file: string, sheet?: string) => readWorkbook(new Uint8Array(readFileSync(join(CORPUS_DIR, file))), sheet);
		const xlsx = read('ok-workbook-long.xlsx');
		expect(xlsx.sheets).toEqual([{ name: 'Notes', hidden: true }, { name: 'Q3 2017', hidden: false }]);
		expect(xlsx.hiddenRows).toEqual([8]);
		expect(new TextDecoder().decode(xlsx.csv)).toBe([
			'',
			'',
			'measure_id,measure,quadrant,period,value,unit',
			'W01,Return interviews within 72 hours (%),How well did we do it?,2017-06-30,45%,%',
			'W01,Return interviews within 72 hours (%),How well did we do it?,2017-09-30,50%,%',
			'W01,Return interviews within 72 hours (%),How well did we do it?,2017-12-31,47.5%,%',
			'W02,Sessions delivered,How much did we do?,2017-06-30,12,count',
			'W02,Sessions delivered,How much did we do?,2017-09-30,15,count',
			''
		].join('\n'));
		const ods = read('ok-workbook-long.ods');
		expect(ods.sheets).toEqual(xlsx.sheets);
		expect(ods.hiddenRows).toEqual([8]);
		expect(ods.csv).toEqual(xlsx.csv);
		expect(read('ok-workbook-long.xls').csv).toEqual(xlsx.csv);
		expect(new TextDecoder().decode(read('ok-workbook-long.xlsx', 'Notes').csv)).toBe('Notes for the board: these are Q3 2017 figures.\nNot data: this sheet is hidden.\n');
	});

	test('zip and OLE files are workbooks; text is not', () => {
		expect(isWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe(true);
		expect(isWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toBe(true);
		expect(isWorkbook(new TextEncoder().encode('PK,period'))).toBe(false);
	});

	test('an .ods marks hidden sheets by table style and hidden rows by visibility, repeated rows counted', () => {
		const xml = `<office:automatic-styles><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>
			<table:table table:name="Notes" table:style-name="ta2"><table:table-row><table:table-cell/></table:table-row></table:table>
			<table:table table:name="It&apos;s Q3" table:style-name="ta1"><table:table-rows><table:table-row table:number-rows-repeated="3"/>
			<table:table-row table:visibility="collapse" table:number-rows-repeated="2"><table:table-cell/></table:table-row><table:table-row table:visibility="filter"/></table:table-rows></table:table>`;
		const hidden = odsHidden(xml);
		expect([...hidden.sheets]).toEqual(['Notes']);
		expect(hidden.rows.get("It's Q3")).toEqual([[4, 5], [6, 6]]);
	});
});

describe('where a problem is in a workbook', () => {
	test('sheet names are quoted as Excel quotes them', () => {
		expect(sheetName('Measures')).toBe('Measures');
		expect(sheetName('Q3 2017')).toBe("'Q3 2017'");
		expect(sheetName("Barnardo's")).toBe("'Barnardo''s'");
		expect(sheetName('2017')).toBe("'2017'");
		expect(sheetName('Q3')).toBe("'Q3'"); // also a cell's address
		expect(sheetName('Q3_2017')).toBe('Q3_2017');
		expect(cellReference('Q3 2017', 14, 3)).toBe("'Q3 2017'!D14");
		expect(cellReference('Data', 14, 27)).toBe('Data!AB14');
		expect(cellReference('Data', 9, null)).toBe('Data!9:9');
	});

	test('each problem gets its cell from its row and its column’s position', () => {
		const base = { severity: 'error' as const, file: 'f.xlsx', value: null, message: '', fix: '' };
		const problems: Problem[] = [
			{ ...base, row: 14, column: 'value' },
			{ ...base, row: 3, column: 'period' },
			{ ...base, row: 9, column: null },
			{ ...base, row: null, column: null }
		];
		locateInSheet(problems, 'Q3 2017', ['measure', 'period', 'quadrant', 'value']);
		expect(problems.map((p) => p.cell)).toEqual(["'Q3 2017'!D14", "'Q3 2017'!B3", "'Q3 2017'!9:9", "'Q3 2017'"]);
	});

	test('hidden rows are named in one warning, as runs', () => {
		expect(rowRuns([14, 15, 16, 20, 22, 23])).toBe('14–16, 20 and 22–23');
		expect(hiddenRowsWarning('f.xlsx', 'Q3 2017', [14, 15, 16])?.message).toBe("Rows 14–16 of 'Q3 2017' are hidden in Excel; they were read like the others.");
		expect(hiddenRowsWarning('f.xlsx', 'Data', [8])?.message).toBe('Row 8 of Data is hidden in Excel; it was read like the others.');
		expect(hiddenRowsWarning('f.xlsx', 'Data', [])).toBeNull();
	});
});
