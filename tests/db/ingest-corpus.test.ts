import { beforeAll, describe, expect, test } from 'vitest';
import { tablesDigest } from '../helpers/tables-digest';
import type { Database } from '../../src/lib/db/database';
import { commitImport } from '../../src/lib/ingest/commit/commit';
import { discardPreview, previewImport } from '../../src/lib/ingest/preview';
import type { FileReading } from '../../src/lib/ingest/read/reading';
import { readWorkbookHere } from '../../src/lib/ingest/read/workbook/read-here';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { corpus, corpusBytes, corpusFiles, type CorpusEntry } from '../fixtures/ingest/corpus';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

/** The reading, in the manifest's terms. */
function asRead(r: FileReading): CorpusEntry['read'] {
	return {
		encoding: r.encoding, bom: r.bom, delimiter: r.delimiter, sepLine: r.sepLine, lineBreaks: r.lineBreaks, headerRow: r.headerRow,
		...(r.periodReadings.length ? { periods: r.periodReadings.map((p) => p.reading) } : {}),
		...(r.measures !== null ? { measures: r.measures, values: r.values ?? 0 } : {}),
		...(r.rolledUp ? { rolledUp: r.rolledUp } : {}),
		...(r.ratings !== null ? { ratings: r.ratings } : {})
	};
}

describe('the ingest corpus', () => {
	test('has at least 40 files, every one described in the manifest', () => {
		expect(corpus.files.length).toBeGreaterThanOrEqual(40);
		expect(corpus.files.map((e) => e.file).sort()).toEqual(corpusFiles());
		expect(corpus.files.filter((e) => !e.imports).length).toBeGreaterThanOrEqual(20);
	});

	// One database with the sample loaded, as the page has it; each file is imported, checked and undone.
	test.each(corpus.files)('$file: $about', async (entry) => {
		const before = await tablesDigest(db);
		const preview = await previewImport(db, { name: entry.file, bytes: corpusBytes(entry.file), ...entry.request }, { readWorkbook: readWorkbookHere });
		// A preview writes nothing.
		expect(await tablesDigest(db)).toEqual(before);
		const outcome = preview.ready ? await commitImport(db, preview) : preview.outcome;
		if (!preview.ready) await discardPreview(db, preview);

		expect(outcome.format).toBe(entry.format);
		expect(outcome.rowCount).toBe(entry.rows);
		expect(outcome.problems.map(({ severity, row, column, value }) => ({ severity, row, column, value }))).toEqual(
			entry.problems.map(({ severity, row, column, value }) => ({ severity, row, column, value }))
		);
		outcome.problems.forEach((problem, i) => {
			expect(problem.message).toContain(entry.problems[i]!.says);
			// A workbook's problems name their cell; a CSV file's never do.
			expect(problem.cell).toBe(entry.problems[i]!.cell);
			expect(problem.file).toBe(entry.file);
			expect(problem.fix.length).toBeGreaterThan(10);
		});
		expect(outcome.reading && asRead(outcome.reading)).toEqual(entry.read ?? null);
		expect(preview.changes.map((c) => [c.key, c.added, c.changed, c.unchanged, c.removed])).toEqual(entry.changes ?? []);
		expect(preview.validRowsPossible ? preview.rowsWithErrors : undefined).toBe(entry.rowsWithErrors);

		if (entry.stored) {
			const rows = await db.rows<Record<string, string | null>>(`SELECT COLUMNS(*)::VARCHAR FROM (${entry.stored.sql})`);
			expect(rows.map((r) => Object.values(r))).toEqual(entry.stored.rows);
		}
		if (entry.imports) {
			// Every import can be undone, and undoing it puts every table back as it was, cell for cell.
			expect(outcome.importId).not.toBeNull();
			const undo = await undoImport(db, outcome.importId!);
			expect(undo).toMatchObject({ undone: true, blockedBy: [] });
		} else {
			// A refused file changes nothing.
			expect(outcome.importId).toBeNull();
		}
		expect(await tablesDigest(db)).toEqual(before);
	});
});
