// A workbook's sheet through the preview and the import: the sheet chosen, problems located by
// cell, the check of a commit run again on the same sheet, and no workbook read without a reader.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { tablesDigest } from '../helpers/tables-digest';
import type { Database } from '../../src/lib/db/database';
import { commitImport } from '../../src/lib/ingest/commit/commit';
import { importFile } from '../../src/lib/ingest/import-file';
import { discardPreview, previewImport } from '../../src/lib/ingest/preview';
import { MAX_WORKBOOK_BYTES } from '../../src/lib/ingest/read/workbook/in-preview';
import { readWorkbookHere } from '../../src/lib/ingest/read/workbook/read-here';
import { readWorkbook } from '../../src/lib/ingest/read/workbook/workbook';
import { previewReport } from '../../src/lib/ingest/report-text';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { corpusBytes } from '../fixtures/ingest/corpus';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

const options = { readWorkbook: readWorkbookHere };

describe('a workbook in the preview', () => {
	test('the text report locates each problem by its cell and lists the sheets', async () => {
		const preview = await previewImport(db, { name: 'bad-workbook-errors.xlsx', bytes: corpusBytes('bad-workbook-errors.xlsx') }, options);
		await discardPreview(db, preview);
		const report = previewReport(preview);
		expect(report).toContain(`  ERROR   'Q3 2017'!D14, row 14, column "value", value "twelve"\n          "twelve" is not a number;`);
		expect(report).toContain(`  ERROR   'Q3 2017'!D15, row 15, column "value", value "#DIV/0!"\n          This cell shows Excel’s error #DIV/0!: a division by zero or by an empty cell. Its formula has no value to import.\n          Fix: Fix the formula in Excel or leave the cell blank;`);
		expect(report).toContain('  Sheets: “Q3 2017” (read).');
		expect(preview.workbook).toEqual({ sheets: [{ name: 'Q3 2017', hidden: false }], sheet: 'Q3 2017' });
	});

	test('a hidden sheet is read when chosen; a sheet the workbook lacks is refused with its sheets named', async () => {
		const bytes = corpusBytes('ok-workbook-long.xlsx');
		const notes = await previewImport(db, { name: 'ok-workbook-long.xlsx', bytes, sheet: 'Notes' }, options);
		expect(notes.workbook?.sheet).toBe('Notes');
		expect(notes.outcome.problems.map((p) => [p.cell, p.message])).toEqual([
			['Notes!1:1', 'The headers (Notes for the board: these are Q3 2017 figures.) match none of the file formats.']
		]);
		const missing = await previewImport(db, { name: 'ok-workbook-long.xlsx', bytes, sheet: 'Q4 2017' }, options);
		expect(missing.outcome.problems.map((p) => p.message)).toEqual(['The workbook has no sheet named “Q4 2017”; its sheets are “Notes”, “Q3 2017”.']);
		expect(missing.workbook).toBeNull();
	});

	test('without a workbook reader (only the Import page and Node pass one) a workbook is refused, not read as text', async () => {
		const preview = await previewImport(db, { name: 'ok-workbook-long.xlsx', bytes: corpusBytes('ok-workbook-long.xlsx') });
		expect(preview.outcome.problems.map((p) => p.message)).toEqual(['This file is a workbook (.xlsx, .ods or .xls) or another zip file; only CSV files are read here.']);
	});

	test('a workbook over 20 MB is refused before SheetJS reads it', async () => {
		const bytes = new Uint8Array(MAX_WORKBOOK_BYTES + 1);
		bytes.set([0x50, 0x4b, 0x03, 0x04]);
		const preview = await previewImport(db, { name: 'big.xlsx', bytes }, options);
		expect(preview.outcome.problems.map((p) => p.message)).toEqual(['The workbook is 20 MB: the app reads workbooks of up to 20 MB.']);
	});

	test('the checksum is of the sheet as read: each sheet of a workbook is its own import', async () => {
		const bytes = corpusBytes('ok-workbook-long.xlsx');
		const preview = await previewImport(db, { name: 'ok-workbook-long.xlsx', bytes }, options);
		await discardPreview(db, preview);
		expect(preview.checksum).toBe(createHash('sha256').update(readWorkbook(bytes).csv).digest('hex'));
	});

	test('a commit after another import checks the same sheet again, and writes it', async () => {
		const before = await tablesDigest(db);
		const preview = await previewImport(db, { name: 'ok-workbook-long.ods', bytes: corpusBytes('ok-workbook-long.ods'), sheet: 'Q3 2017' }, options);
		expect(preview.ready).toBe(true);
		const other = await importFile(db, { name: 'ok-leading-blank-rows.csv', bytes: corpusBytes('ok-leading-blank-rows.csv') });
		expect(other.importId).not.toBeNull();
		const outcome = await commitImport(db, preview);
		expect(outcome.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(outcome.rowsWritten).toBe(5);
		const rows = await db.rows<{ v: string }>(`SELECT measure_id || ' ' || period_label || ' ' || value AS v FROM measure_values WHERE measure_id IN ('W01', 'W02') ORDER BY measure_id, period_start`);
		expect(rows.map((r) => r.v)).toEqual(['W01 2017/18 Q1 45.0', 'W01 2017/18 Q2 50.0', 'W01 2017/18 Q3 47.5', 'W02 2017/18 Q1 12.0', 'W02 2017/18 Q2 15.0']);
		expect(await undoImport(db, outcome.importId!)).toMatchObject({ undone: true });
		expect(await undoImport(db, other.importId!)).toMatchObject({ undone: true });
		expect(await tablesDigest(db)).toEqual(before);
	});
});
