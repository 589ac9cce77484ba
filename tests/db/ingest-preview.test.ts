import { beforeAll, describe, expect, test } from 'vitest';
import { tablesDigest } from '../helpers/tables-digest';
import type { Database } from '../../src/lib/db/database';
import type { Engine } from '../../src/lib/db/engine';
import { DERIVED_TABLES } from '../../src/lib/db/open';
import { createNodeEngine } from '../../src/lib/db/node-engine';
import { str } from '../../src/lib/db/sql';
import { commitImport } from '../../src/lib/ingest/commit/commit';
import { importFile } from '../../src/lib/ingest/import-file';
import { discardPreview, previewImport } from '../../src/lib/ingest/preview';
import { previewReport } from '../../src/lib/ingest/report-text';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { corpus, corpusBytes } from '../fixtures/ingest/corpus';
import { databaseWithArea, sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');
// The imports' own: home_values and measure_series are the database's, kept for as long as it is open.
const temporaryTables = async () =>
	(await db.rows<{ n: number }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE temporary AND table_name NOT IN (${DERIVED_TABLES.map(str).join(', ')})`))[0]!.n;

describe('previewing an import', () => {
	test('says what would change, value by value, and writes nothing', async () => {
		const before = await tablesDigest(db);
		const preview = await previewImport(db, {
			name: 'm19.csv',
			bytes: csv(['measure_id,measure,quadrant,period,value', 'M19,Return interviews offered within 72 hours (%),How much did we do?,2018/19 Q4,91.5', 'M19,Return interviews offered within 72 hours (%),,2019/20 Q1,93'])
		});
		expect(preview.ready).toBe(true);
		expect(await tablesDigest(db)).toEqual(before);
		const [m19] = preview.changes;
		expect(m19).toMatchObject({ kind: 'measure', key: 'M19', isNew: false, added: 1, changed: 1, unchanged: 0, removed: 0 });
		// The sample has 2018/19 Q4 as 80% of 100 return interviews.
		expect(m19!.changes).toEqual([{ row: 2, what: '2018/19 Q4', before: '80', after: '91.5', fields: ['value', 'numerator and denominator'] }]);
		expect(m19!.details).toEqual([{ field: 'quadrant', before: 'how_well', after: 'how_much' }]);
		await discardPreview(db, preview);
	});

	test('a discarded preview leaves no temporary table behind, and cannot be committed', async () => {
		const tables = await temporaryTables();
		const preview = await previewImport(db, { name: 'ok.csv', bytes: corpusBytes('ok-crlf.csv') });
		expect(await temporaryTables()).toBeGreaterThan(tables);
		await discardPreview(db, preview);
		expect(await temporaryTables()).toBe(tables);
		const outcome = await commitImport(db, preview);
		expect(outcome.importId).toBeNull();
		expect(outcome.problems.at(-1)!.message).toMatch(/already imported or cancelled/);
	});

	test('a preview checked before other data was loaded is checked again, and written if it changes the same', async () => {
		const a = await previewImport(db, { name: 'a.csv', bytes: corpusBytes('ok-excel-sep-line.csv') });
		const b = await previewImport(db, { name: 'b.csv', bytes: corpusBytes('ok-cr-only-mac.csv') });
		expect((await commitImport(db, a)).importId).not.toBeNull();
		expect((await commitImport(db, b)).importId).not.toBeNull();
	});

	test('files imported at the same time are each written', async () => {
		const outcomes = await Promise.all(['ok-crlf.csv', 'ok-tabs.txt', 'ok-semicolons.csv'].map((f) => importFile(db, { name: f, bytes: corpusBytes(f) })));
		expect(outcomes.map((o) => o.importId !== null)).toEqual([true, true, true]);
		for (const o of outcomes.reverse()) expect((await undoImport(db, o.importId!)).undone).toBe(true);
	});

	test('…and refused, writing nothing, if it would now change something else', async () => {
		const stale = await previewImport(db, { name: 'stale.csv', bytes: corpusBytes('ok-semicolons.csv') });
		expect(stale.changes.map((c) => [c.key, c.added, c.changed])).toEqual([['T03', 3, 0]]);
		expect((await importFile(db, { name: 'between.csv', bytes: corpusBytes('ok-semicolons.csv') })).importId).not.toBeNull();
		const before = await tablesDigest(db);
		const outcome = await commitImport(db, stale);
		expect(outcome.importId).toBeNull();
		expect(outcome.problems.at(-1)!.message).toMatch(/changed after this file was checked/);
		expect(await tablesDigest(db)).toEqual(before);
		expect(await temporaryTables()).toBe(0);
	});
});

describe('importing only the valid rows', () => {
	test('writes the rows without errors and says how many it left out', async () => {
		const preview = await previewImport(db, { name: 'text.csv', bytes: corpusBytes('bad-text-in-value.csv') });
		expect(preview).toMatchObject({ ready: false, validRowsPossible: true, rowsWithErrors: 3 });
		expect(preview.changes.map((c) => [c.key, c.added])).toEqual([['B04', 1]]);
		const refused = await commitImport(db, await previewImport(db, { name: 'text.csv', bytes: corpusBytes('bad-text-in-value.csv') }));
		expect(refused.importId).toBeNull();

		const outcome = await commitImport(db, preview, { validRowsOnly: true });
		expect(outcome).toMatchObject({ rowsWritten: 1, rowsSkipped: 3 });
		expect(outcome.importId).not.toBeNull();
		expect(await db.rows(`SELECT period_label, value FROM measure_values WHERE measure_id = 'B04'`)).toEqual([{ period_label: '2017/18 Q4', value: 7 }]);
		const [log] = await db.rows<{ row_count: number; rows_skipped: number }>(`SELECT row_count, rows_skipped FROM imports WHERE import_id = ${outcome.importId}`);
		expect(log).toEqual({ row_count: 4, rows_skipped: 3 });
	});

	test('a row left out can leave others without what they need; they are left out too', async () => {
		// The quadrant is given on the first row only, and that row's value is bad.
		const preview = await previewImport(db, {
			name: 'cascade.csv',
			bytes: csv(['measure_id,measure,quadrant,period,value', 'C01,Cascade,How much did we do?,2017/18 Q1,bad', 'C01,Cascade,,2017/18 Q2,4', 'C02,Other,How much did we do?,2017/18 Q1,5'])
		});
		expect(preview.rowsWithErrors).toBe(1);
		const outcome = await commitImport(db, preview, { validRowsOnly: true });
		expect(outcome).toMatchObject({ rowsWritten: 1, rowsSkipped: 2 });
		expect(await db.rows(`SELECT measure_id FROM measures WHERE measure_id IN ('C01', 'C02')`)).toEqual([{ measure_id: 'C02' }]);
	});

	test('is not offered when the fault is in the file, not in rows', async () => {
		const preview = await previewImport(db, { name: 'wide.csv', bytes: corpusBytes('bad-wide-bad-cells.csv') });
		expect(preview.validRowsPossible).toBe(false);
		const before = await tablesDigest(db);
		expect((await commitImport(db, preview, { validRowsOnly: true })).importId).toBeNull();
		expect(await tablesDigest(db)).toEqual(before);
	});
});

describe('the report as text (what npm run validate prints)', () => {
	test('names file, row, column, value, message and fix, and tells errors from warnings', async () => {
		const bad = await previewImport(db, { name: 'bad.csv', bytes: corpusBytes('bad-blank-line-then-error.csv') });
		const good = await previewImport(db, { name: 'good.csv', bytes: corpusBytes('ok-numerator-denominator.csv') });
		for (const p of [bad, good]) await discardPreview(db, p);
		expect(previewReport(bad)).toContain('  ERROR   row 6, column "value", value "five"\n          "five" is not a number;');
		expect(previewReport(bad)).toContain('  1 error, 0 warnings. Not imported as it is: 1 row has errors; “import valid rows only” would write the other 2 rows.');
		expect(previewReport(good)).toContain('  Warning row 4, column "value", value "90"\n          The value differs from numerator ÷ denominator (45 ÷ 60 = 75%).\n          Fix: Check the value');
		expect(previewReport(good)).toContain('  T22 Children missing who had a return interview (%) (new measure): 3 new values');
		expect(previewReport(good)).toContain('  0 errors, 1 warning. Ready to import.');
	});
});

describe('the reading report', () => {
	test('says how the bytes, the delimiter and the periods were read', async () => {
		const preview = await previewImport(db, { name: 'excel.csv', bytes: corpusBytes('ok-wide-excel-like.csv') });
		await discardPreview(db, preview);
		const reading = preview.outcome.reading!;
		expect(reading).toMatchObject({ encoding: 'Windows-1252', delimiter: ';', lineBreaks: 'CRLF', format: 'measures-wide', measures: 2, periods: 4, values: 8, firstPeriod: '2017/18 Q1', lastPeriod: '2017/18 Q4' });
		expect(reading.columns.slice(0, 5)).toEqual([
			{ header: 'Measure', readAs: 'measure' },
			{ header: 'Measure ID', readAs: 'measure_id' },
			{ header: 'OBA Quadrant', readAs: 'quadrant' },
			{ header: 'Target', readAs: 'target' },
			{ header: 'Q1 2017/18', readAs: 'period' }
		]);
		expect(reading.sentences).toEqual([
			'Read as Windows-1252 text, semicolon-separated, Windows line breaks (CRLF).',
			'Format: Measures, wide form.',
			'The file holds 2 rows, 2 measures, 4 periods (2017/18 Q1 to 2017/18 Q4), 8 values.',
			'Periods read as financial-year quarters (April to March): 2016/17 Q3 = Oct–Dec 2016 (6 cells, such as “Q1 2017/18”, “Q2 2017/18”, “Q3 17/18”).',
			'Periods read as month ranges: Oct–Dec 2016 = 2016/17 Q3 (2 cells, such as “Jan-Mar 2018”).'
		]);
	});

	test('says when the very same file was imported before', async () => {
		const first = await importFile(db, { name: 'first.csv', bytes: corpusBytes('ok-period-dates.csv') });
		const again = await previewImport(db, { name: 'again.csv', bytes: corpusBytes('ok-period-dates.csv') });
		await discardPreview(db, again);
		expect(again.outcome.reading!.seenBefore).toEqual([{ importId: first.importId, file: 'first.csv', importedAt: expect.stringMatching(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/) }]);
		expect(again.outcome.reading!.sentences).toContainEqual(expect.stringMatching(new RegExp(`^This very file was imported before, as import ${first.importId} \\(first.csv, `)));
		expect(again.changes.map((c) => [c.key, c.added, c.changed, c.unchanged])).toEqual([['T14', 0, 0, 3]]);
		expect((await undoImport(db, first.importId!)).undone).toBe(true);
	});

	test('is there for a file that cannot be read as a format, as far as it goes', async () => {
		const preview = await previewImport(db, { name: 'x.csv', bytes: corpusBytes('bad-unknown-headers.csv') });
		expect(preview.outcome.reading).toMatchObject({ encoding: 'UTF-8', delimiter: ',', format: null, rows: 1 });
	});
});

describe('in the browser, DuckDB’s worker takes the bytes it is given', () => {
	test('a file is checked, checked again and written though each buffer handed over is gone', async () => {
		// The real engine, handing each file over as the browser's worker does: the buffer is transferred.
		const inner = await createNodeEngine();
		const engine: Engine = {
			...inner,
			registerFile: (name, bytes) => {
				if (bytes instanceof Blob) return inner.registerFile(name, bytes);
				const copy = bytes.slice();
				structuredClone(bytes.buffer, { transfer: [bytes.buffer as ArrayBuffer] });
				return inner.registerFile(name, copy);
			}
		};
		const browserLike = await databaseWithArea(engine);
		const bytes = corpusBytes('ok-crlf.csv');
		const preview = await previewImport(browserLike, { name: 'ok.csv', bytes });
		expect(bytes.byteLength).toBe(corpusBytes('ok-crlf.csv').byteLength);
		await importFile(browserLike, { name: 'other.csv', bytes: corpusBytes('ok-tabs.txt') });
		// The log moved on, so the commit checks the file again, from the same bytes.
		expect((await commitImport(browserLike, preview)).importId).not.toBeNull();
	});
});

describe('a File the user chose (a Blob) is read as its bytes are', () => {
	const asFile = (name: string) => new Blob([corpusBytes(name).slice()]);

	// A File is staged by DuckDB on a guess from its first lines while the whole is read
	// (stageOnGuess): for every file of the corpus, the guess kept or not, the outcome is the same.
	test('every file of the corpus: the same report, changes and rows to write', async () => {
		for (const entry of corpus.files) {
			const request = { name: entry.file, ...entry.request };
			const fromBytes = await previewImport(db, { ...request, bytes: corpusBytes(entry.file) });
			const { id: _a, ...want } = fromBytes;
			await discardPreview(db, fromBytes);
			const fromFile = await previewImport(db, { ...request, bytes: asFile(entry.file) });
			const { id: _b, ...got } = fromFile;
			await discardPreview(db, fromFile);
			expect(got, entry.file).toEqual(want);
		}
		expect(await temporaryTables()).toBe(0);
		// Two previews of each of 72 files, 0.6–1 s each on two shared cores: more than the db project's 60 s.
	}, 180_000);

	test('a File is checked again from the File when the data moved on, and a file too large is refused by its size', async () => {
		const preview = await previewImport(db, { name: 'ok.csv', bytes: asFile('ok-crlf.csv') });
		await importFile(db, { name: 'other.csv', bytes: corpusBytes('ok-tabs.txt') });
		expect((await commitImport(db, preview)).importId).not.toBeNull();
		const huge = await previewImport(db, { name: 'huge.csv', bytes: asFile('ok-crlf.csv') }, { maxBytes: 100 });
		expect(huge.outcome.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^The file is 0 MB/)]);
	});

	test('a File cancelled while DuckDB reads it on a guess leaves nothing behind, and the cancel does not wait for that read', async () => {
		const before = await tablesDigest(db);
		const stop = new AbortController();
		const preview = previewImport(db, { name: 'ok.csv', bytes: asFile('ok-crlf.csv') }, { signal: stop.signal });
		stop.abort(new DOMException('Cancelled.', 'AbortError'));
		await expect(preview).rejects.toThrow('Cancelled.');
		expect(await temporaryTables()).toBe(0);
		expect(await tablesDigest(db)).toEqual(before);
	});

	test('a guess from the first lines that the whole file does not bear out is not used', async () => {
		// Past the guess's first 256 KB: a row wider than the header, a Windows-1252 pound sign, a line too long for the default.
		const filler = Array.from({ length: 6000 }, (_, i) => `M19,Return interviews offered within 72 hours (%),2010/11 Q${(i % 4) + 1},${i}`);
		const header = 'measure_id,measure,period,value';
		const encoded = (what: string, lines: string[]) => {
			const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
			return what === 'pound' ? new Uint8Array([...bytes, ...new TextEncoder().encode('M19,Cost '), 0xa3, ...new TextEncoder().encode('5,2030/31 Q2,5\n')]) : bytes;
		};
		const cases = {
			wider: [header, ...filler, 'M19,Return interviews,2030/31 Q1,5,stray'],
			pound: [header, ...filler],
			long: [header, ...filler, `M19,${'x'.repeat(700_000)},2030/31 Q1,5`]
		};
		// The real engine, counting DuckDB's reads of a file: one when the guess holds, two when it does not.
		const inner = await createNodeEngine();
		let reads = 0;
		const counting = await databaseWithArea({ ...inner, query: (sql) => ((reads += /read_csv\(/.test(sql) ? 1 : 0), inner.query(sql)) });
		await importFile(counting, { name: 'ok.csv', bytes: corpusBytes('ok-crlf.csv') });
		reads = 0;
		await discardPreview(counting, await previewImport(counting, { name: 'clean.csv', bytes: new Blob([new TextEncoder().encode([header, ...filler].join('\n') + '\n')]) }));
		expect(reads).toBe(1);
		for (const [what, lines] of Object.entries(cases)) {
			reads = 0;
			await discardPreview(counting, await previewImport(counting, { name: `${what}.csv`, bytes: new Blob([encoded(what, lines).slice()]) }));
			expect(reads, what).toBe(2);
		}
		for (const [what, lines] of Object.entries(cases)) {
			const bytes = encoded(what, lines);
			const fromBytes = await previewImport(db, { name: `${what}.csv`, bytes });
			const fromFile = await previewImport(db, { name: `${what}.csv`, bytes: new Blob([bytes.slice()]) });
			const { id: _a, ...want } = fromBytes;
			const { id: _b, ...got } = fromFile;
			expect(got, what).toEqual(want);
			expect(got.outcome.rowCount, what).toBe(lines.length - (what === 'pound' ? 0 : 1));
			await discardPreview(db, fromBytes);
			await discardPreview(db, fromFile);
		}
	});
});

describe('a file too large to read', () => {
	test('is refused before it is read, saying how large it is and how to split it', async () => {
		const before = await tablesDigest(db);
		const preview = await previewImport(db, { name: 'huge.csv', bytes: corpusBytes('ok-crlf.csv') }, { maxBytes: 100 });
		expect(preview.ready).toBe(false);
		expect(preview.checksum).toBeNull();
		expect(preview.outcome.problems).toEqual([expect.objectContaining({
			severity: 'error', row: null, message: expect.stringMatching(/^The file is 0 MB: the app reads files of up to 0 MB\.$/), fix: expect.stringMatching(/one per financial year/)
		})]);
		expect(await tablesDigest(db)).toEqual(before);
	});
});
