import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { tablesDigest } from '../helpers/tables-digest';
import type { Database } from '../../src/lib/db/database';
import { importFile } from '../../src/lib/ingest/import-file';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
let sample: Awaited<ReturnType<typeof tablesDigest>>;
beforeAll(async () => {
	db = await sampleDatabase();
	sample = await tablesDigest(db);
});

// Each run goes through the real engine: a modest number of runs, with a fixed seed so a failure replays.
const RUNS = { numRuns: 30, seed: 20161231 };

/** Cells as analysts' files hold them: good and bad values, quotes, delimiters and line breaks inside. */
const cellText = fc.oneof(
	fc.constantFrom('2016/17 Q3', 'Q5 2016', '31/02/2017', '1,234', '1,23', '45%', '[c]', '..', 'x', '', ' ', 'twelve', 'How much did we do?',
		'Young & Safe', 'Humberside Police', 'Ministry of Magic', '5', 'Risk management', '£1,200', '<img src=x onerror=alert(1)>', 'Red', 'Purple', 'Dec 2016'),
	fc.string({ maxLength: 12 }),
	fc.string({ unit: fc.constantFrom('"', ',', ';', '\t', '\n', '\r', ' ', 'a', '£', '\u00e9'), maxLength: 8 })
);
const header = fc.shuffledSubarray(['period', 'measure', 'value', 'measure_id', 'quadrant', 'priority', 'agency', 'numerator', 'denominator',
	'item_id', 'review', 'rag', '2016/17 Q1', '2016/17 Q2', 'Notes', ''], { minLength: 1 });
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
const delimiter = fc.constantFrom(',', ';', '\t');

/** A CSV written by hand or by a careless tool: quoting sometimes, ragged rows, blank lines, a BOM, a sep= line. */
const awkwardCsv = fc
	.record({ header, rows: fc.array(fc.array(cellText, { maxLength: 8 }), { maxLength: 8 }), lineBreak, delimiter, quoteAll: fc.boolean(),
		bom: fc.boolean(), sepLine: fc.boolean(), windows1252: fc.boolean() })
	.map(({ header, rows, lineBreak, delimiter, quoteAll, bom, sepLine, windows1252 }) => {
		const quote = (cell: string) => (quoteAll || /[",;\t\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
		const lines = [...(sepLine ? [`sep=${delimiter}`] : []), header.map(quote).join(delimiter), ...rows.map((r) => r.map(quote).join(delimiter))];
		const text = lines.join(lineBreak) + lineBreak;
		const bytes = windows1252 ? Uint8Array.from([...text].map((c) => (c === '£' ? 0xa3 : c.charCodeAt(0) & 0xff))) : new TextEncoder().encode(text);
		return bom && !windows1252 ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
	});

async function neverThrows(bytes: Uint8Array): Promise<void> {
	const outcome = await importFile(db, { name: 'random.csv', bytes });
	expect(Array.isArray(outcome.problems)).toBe(true);
	for (const p of outcome.problems) {
		expect(p.file).toBe('random.csv');
		expect(p.message.length).toBeGreaterThan(0);
		expect(p.fix.length).toBeGreaterThan(0);
		if (p.row !== null) expect(p.row).toBeGreaterThanOrEqual(1);
	}
	if (outcome.importId !== null) expect((await undoImport(db, outcome.importId)).undone).toBe(true);
	// Refused, or imported and undone: the data is the sample, cell for cell.
	expect(await tablesDigest(db)).toEqual(sample);
}

describe('reading any bytes', () => {
	test('arbitrary bytes: importFile resolves with problems, never rejects, and changes nothing it cannot undo', { timeout: 600_000 }, async () => {
		await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), neverThrows), RUNS);
	});

	test('awkward CSV text: the same', { timeout: 600_000 }, async () => {
		await fc.assert(fc.asyncProperty(awkwardCsv, neverThrows), RUNS);
	});
});
