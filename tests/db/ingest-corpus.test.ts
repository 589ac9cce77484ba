import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { importFile } from '../../src/lib/ingest/import-file';
import { dumpTables } from '../../src/lib/ingest/table-text';
import { corpus, corpusBytes, corpusFiles } from '../fixtures/ingest/corpus';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

describe('the ingest corpus', () => {
	test('has at least 40 files, every one described in the manifest', () => {
		expect(corpus.files.length).toBeGreaterThanOrEqual(40);
		expect(corpus.files.map((e) => e.file).sort()).toEqual(corpusFiles());
		expect(corpus.files.filter((e) => !e.imports).length).toBeGreaterThanOrEqual(20);
	});

	// One database with the sample loaded, as the page has it; the files are imported one after another.
	test.each(corpus.files)('$file: $about', async (entry) => {
		const before = await dumpTables(db);
		const outcome = await importFile(db, { name: entry.file, bytes: corpusBytes(entry.file), ...entry.request });

		expect(outcome.format).toBe(entry.format);
		expect(outcome.rowCount).toBe(entry.rows);
		expect(outcome.problems.map(({ severity, row, column, value }) => ({ severity, row, column, value }))).toEqual(
			entry.problems.map(({ severity, row, column, value }) => ({ severity, row, column, value }))
		);
		outcome.problems.forEach((problem, i) => {
			expect(problem.message).toContain(entry.problems[i]!.says);
			expect(problem.file).toBe(entry.file);
			expect(problem.fix.length).toBeGreaterThan(10);
		});

		if (entry.imports) {
			expect(outcome.importId).not.toBeNull();
		} else {
			expect(outcome.importId).toBeNull();
			// A refused file changes nothing: every table is as it was, cell for cell.
			expect(await dumpTables(db)).toEqual(before);
		}
		if (entry.stored) {
			const rows = await db.rows<Record<string, string | null>>(`SELECT COLUMNS(*)::VARCHAR FROM (${entry.stored.sql})`);
			expect(rows.map((r) => Object.values(r))).toEqual(entry.stored.rows);
		}
	});
});
