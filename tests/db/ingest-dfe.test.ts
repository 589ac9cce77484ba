import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { describeDfeFile } from '../../src/lib/ingest/formats/dfe-describe';
import { importFile } from '../../src/lib/ingest/import-file';
import { discardPreview, previewImport } from '../../src/lib/ingest/preview';
import { stageCsv } from '../../src/lib/ingest/stage/stage';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { corpusBytes } from '../fixtures/ingest/corpus';
import { DATA_DIR, sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

const C3 = 'dfe/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv';

describe('what a DfE file offers, for the user to choose', () => {
	test('the published C3 file: its areas with the populations loaded, its filter and its indicator columns', async () => {
		const staged = await stageCsv(db, 'c3.csv', new Uint8Array(readFileSync(join(DATA_DIR, C3))));
		const described = await describeDfeFile(db, staged);
		const years = Array.from({ length: 13 }, (_, i) => 2012 + i);
		// The published file: England, 11 regions (Inner and Outer London among them) and 161 authorities, old and new.
		expect(described.areas).toHaveLength(173);
		expect(described.areas.filter((a) => ['E92000001', 'E12000003', 'E06000012'].includes(a.code))).toEqual([
			{ code: 'E92000001', name: 'England', level: 'National', rows: 8, populationYears: years },
			{ code: 'E12000003', name: 'Yorkshire and The Humber', level: 'Regional', rows: 8, populationYears: years },
			{ code: 'E06000012', name: 'North East Lincolnshire', level: 'Local authority', rows: 8, populationYears: years }
		]);
		expect(described.filters).toEqual([{ column: 'category', values: [{ value: 'Factors identified at the end of assessment', rows: 1312 }] }]);
		expect(described.indicators.map((i) => i.column)).toEqual(expect.arrayContaining(['Child_sexual_exploitation', 'Going_missing', 'Child_criminal_exploitation']));
		expect(described.indicators.map((i) => i.column)).not.toContain('old_la_code');
		expect(described.periods).toEqual(['2017/18', '2018/19', '2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25']);
		// The latest year as a count and a rate per 10,000 children (mid-2024 estimate, 33,522 children in NEL).
		const cse = described.indicators.find((i) => i.column === 'Child_sexual_exploitation')!;
		expect(cse.latest.find((l) => l.areaCode === 'E06000012')).toEqual({
			areaCode: 'E06000012', period: '2024/25', value: 80, marker: null, population: 33522, populationYear: 2024, rate: 23.9
		});
	});

	test('a filter with several values is listed; a suppressed latest figure has no rate', async () => {
		const preview = await previewImport(db, { name: 'two.csv', bytes: corpusBytes('bad-dfe-two-categories.csv') });
		expect(preview.ready).toBe(false);
		expect(preview.outcome.problems.map((p) => p.message)).toEqual(['Choose the areas and the indicators to take from this DfE file.']);
		const dfe = preview.dfe!;
		expect(dfe.filters).toEqual([{ column: 'population_type', values: [{ value: 'All children', rows: 4 }, { value: 'Looked after children', rows: 4 }] }]);
		expect(dfe.indicators.map((i) => [i.column, i.numbers, i.gaps])).toEqual([['Child_sexual_exploitation', 7, 1], ['Going_missing', 7, 1]]);
		// The 2025 reporting year is 2024/25, with the mid-2024 estimate; its first NEL row is suppressed.
		const missing = dfe.indicators.find((i) => i.column === 'Going_missing')!.latest.find((l) => l.areaCode === 'E06000012');
		expect(missing).toEqual({ areaCode: 'E06000012', period: '2024/25', value: null, marker: 'c', population: 33522, populationYear: 2024, rate: null });
		await discardPreview(db, preview);
	});

	test('choosing a filter value, the areas and an indicator imports just those', async () => {
		const dfe = {
			areas: ['E06000012', 'E92000001'],
			indicators: [{ column: 'Child_sexual_exploitation', measureId: 'dfe-cse-all', name: 'CSE, all children' }],
			filters: { population_type: 'All children' }
		};
		const outcome = await importFile(db, { name: 'two.csv', bytes: corpusBytes('bad-dfe-two-categories.csv'), dfe });
		expect(outcome.problems).toEqual([]);
		expect(outcome.rowsWritten).toBe(4);
		expect(await db.rows(`SELECT area_code, period_label, value, marker FROM measure_values WHERE measure_id = 'dfe-cse-all' ORDER BY ALL`)).toEqual([
			{ area_code: 'E06000012', period_label: '2023/24', value: 95, marker: null },
			{ area_code: 'E06000012', period_label: '2024/25', value: 80, marker: null },
			{ area_code: 'E92000001', period_label: '2023/24', value: 14100, marker: null },
			{ area_code: 'E92000001', period_label: '2024/25', value: 13800, marker: null }
		]);
		expect((await undoImport(db, outcome.importId!)).undone).toBe(true);
	});

	test('a filter or indicator the file does not have is said so', async () => {
		const dfe = { areas: ['E06000012'], indicators: [{ column: 'Trafficking', measureId: 'x', name: 'x' }], filters: { category: 'x' } };
		const preview = await previewImport(db, { name: 'two.csv', bytes: corpusBytes('bad-dfe-two-categories.csv'), dfe });
		expect(preview.outcome.problems.map((p) => p.message)).toEqual(
			expect.arrayContaining(['The file has no column "Trafficking".', 'The file has no filter column "category".'])
		);
		await discardPreview(db, preview);
	});
});
