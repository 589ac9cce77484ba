/**
 * Files too large to commit, made here: a 50 MB line, cells of megabytes, and a file whose every
 * row is bad. Each is refused with its row (and column), or counted honestly, before anything is written.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { previewImport, discardPreview } from '../../src/lib/ingest/preview';
import { problemTotals } from '../../src/lib/ingest/check/problems';
import { previewReport } from '../../src/lib/ingest/report-text';
import { databaseWithArea } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	// An area chosen, as the Settings page leaves it: measures without an area_code are its.
	db = await databaseWithArea();
});

const encode = (text: string) => new TextEncoder().encode(text);
const where = (p: { severity: string; row: number | null; column: string | null; value: string | null; message: string }) =>
	({ severity: p.severity, row: p.row, column: p.column, value: p.value, message: p.message });

describe('limits on a row and on a cell', () => {
	test('a 50 MB file on one line is refused before DuckDB reads it, with its row', async () => {
		const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x78); // "xxx…": no delimiter, no line break
		const preview = await previewImport(db, { name: 'one-line.csv', bytes });
		expect(preview.outcome.problems.map(where)).toEqual([{
			severity: 'error', row: 1, column: null, value: null,
			message: 'Row 1 is 52,428,800 characters long: the app reads rows of up to 1,000,000 characters. The whole file is one line: its line breaks may have been lost.'
		}]);
		expect(preview.outcome.format).toBeNull();
		expect(preview.outcome.rowCount).toBe(0);
	});

	test('a 5 MB measure name makes its row too long: refused with its row and column', async () => {
		const name = 'Sessions '.repeat(555_556).slice(0, 5_000_000);
		const bytes = encode(`period,measure,value\n2017/18 Q1,Sessions delivered,4\n2017/18 Q1,${name},4\n`);
		const preview = await previewImport(db, { name: 'long-name.csv', bytes });
		expect(preview.outcome.problems.map(where)).toEqual([{
			severity: 'error', row: 3, column: 'measure', value: null,
			message: 'Row 3 is 5,000,013 characters long, 5,000,000 of them in column "measure": the app reads rows of up to 1,000,000 characters.'
		}]);
	});

	test('a note of 40,000 characters, more than an Excel cell holds, is refused at its row and column', async () => {
		const note = 'a'.repeat(40_000);
		const bytes = encode(`measure_id,measure,quadrant,period,value,notes\nL1,Sessions delivered,How much did we do?,2017/18 Q1,4,${note}\nL1,Sessions delivered,,2017/18 Q2,5,Fine\n`);
		const preview = await previewImport(db, { name: 'long-note.csv', bytes });
		expect(preview.outcome.problems.map(where)).toEqual([{
			severity: 'error', row: 2, column: 'notes', value: `${'a'.repeat(200)}… (40,000 characters)`,
			message: 'This cell is 40,000 characters long; a cell of text (Excel’s own limit) may have at most 32,767.'
		}]);
		// The other row can still be imported alone.
		expect(preview).toMatchObject({ validRowsPossible: true, rowsWithErrors: 1 });
		await discardPreview(db, preview);
	});

	test('a note of 32,767 characters (a full Excel cell) is accepted', async () => {
		const bytes = encode(`measure_id,measure,quadrant,period,value,notes\nL2,Sessions delivered,How much did we do?,2017/18 Q1,4,${'b'.repeat(32_767)}\n`);
		const preview = await previewImport(db, { name: 'full-note.csv', bytes });
		expect(preview.outcome.problems).toEqual([]);
		expect(preview.ready).toBe(true);
		await discardPreview(db, preview);
	});
});

describe('a file whose every row is bad', () => {
	// 1.8 million rows as the probe had took too long for the suite on two shared cores; 5,000 rows show the cap as well.
	const ROWS = 5_000;

	test(`${ROWS.toLocaleString('en-GB')} bad rows are counted, not reported as "1,001 errors"`, async () => {
		const lines = ['measure_id,measure,quadrant,period,value'];
		for (let i = 0; i < ROWS; i++) lines.push(`B${i},Sessions delivered ${i},How much did we do?,2017/18 Q1,twelve`);
		const preview = await previewImport(db, { name: 'all-bad.csv', bytes: encode(lines.join('\n') + '\n') });
		const problems = preview.outcome.problems;
		// The first 1,000 rows are listed one by one; one more entry counts the rest.
		expect(problems).toHaveLength(1001);
		expect(where(problems[1000]!)).toEqual({
			severity: 'error', row: null, column: 'value', value: null,
			message: '4,000 more rows have this problem (5,000 in all; the first 1,000 are listed).'
		});
		expect(problems[1000]!.count).toBe(4000);
		expect(problemTotals(problems)).toEqual({ errors: 5000, warnings: 0 });
		expect(preview.rowsWithErrors).toBe(5000);
		expect(previewReport(preview).split('\n').at(-1)).toBe('  5,000 errors, 0 warnings. Not imported: correct the errors and check the file again.');
	});
});
