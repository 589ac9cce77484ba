import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { toCsv } from '../../src/lib/export/csv';
import { FORMATS } from '../../src/lib/ingest/formats';
import { previewImport, discardPreview } from '../../src/lib/ingest/preview';
import { exampleTemplate, blankTemplate } from '../../src/lib/ingest/formats/templates';
import { POPULATION_INDICATORS } from '../../src/lib/ingest/areas/area-files';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

const csv = (t: { headers: string[]; rows: string[][] }) =>
	new TextEncoder().encode(toCsv(t.headers.map((h, i) => ({ key: String(i), label: h })), t.rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v])))));

describe('templates, made from the same column definitions the reader uses', () => {
	test.each(FORMATS.map((f) => [f.id, f] as const))('the %s example is read as that format, without an error', async (_id, spec) => {
		const example = exampleTemplate(spec);
		const preview = await previewImport(db, {
			name: example.name,
			bytes: csv(example),
			dfe: spec.id === 'dfe' ? { areas: ['E06000021'], indicators: [POPULATION_INDICATORS[0]!] } : undefined
		});
		expect(preview.outcome.format).toBe(spec.id);
		expect(preview.outcome.problems.filter((p) => p.severity === 'error')).toEqual([]);
		await discardPreview(db, preview);
	});

	test.each(FORMATS.map((f) => [f.id, f] as const))('the blank %s template names every column of the format', (_id, spec) => {
		const blank = blankTemplate(spec);
		for (const column of spec.columns) expect(blank.headers).toContain(column.name);
		expect(blank.rows).toEqual([]);
	});
});
