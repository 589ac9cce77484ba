// The report card works out every measure's row once per data version and period range, and
// answers each other filter with the ids DuckDB selects: what it draws must be what asking
// DuckDB for the filtered measures and their values would give, however the filters were reached.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { filteredMeasures, filteredValues } from '../../src/lib/db/queries/explorer';
import { importFile } from '../../src/lib/ingest/import-file';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { NO_FILTERS, type Filters } from '../../src/lib/state/filters';
import { loadReportCard, type ReportCardData } from '../../src/lib/state/report-card';
import { sampleDatabase } from '../helpers/workspace';

const FILTERS: Filters[] = [
	NO_FILTERS,
	{ ...NO_FILTERS, priorities: [5] },
	{ ...NO_FILTERS, priorities: [1, 2, 3] },
	{ ...NO_FILTERS, quadrants: ['better_off', 'population'] },
	{ ...NO_FILTERS, agencies: ['humberside-police', 'young-and-safe'] },
	{ ...NO_FILTERS, search: 'return' },
	{ ...NO_FILTERS, priorities: [5], from: '2016/17 Q1', to: '2017/18 Q4' },
	{ ...NO_FILTERS, from: '2017/18 Q1' },
	{ ...NO_FILTERS, priorities: [5], to: '2016/17 Q4' },
	{ ...NO_FILTERS, priorities: [4] }
];

/** The card's measures and values, as DuckDB selects them for these filters. */
async function expectAsSelected(db: Database, card: ReportCardData, filters: Filters) {
	const [measures, values] = await Promise.all([filteredMeasures(db, filters), filteredValues(db, filters)]);
	const what = JSON.stringify(filters);
	expect(card.entries.map((e) => e.measure), what).toEqual(measures);
	for (const e of card.entries) expect(e.values, `${what} ${e.measure.measure_id}`).toEqual(values.filter((v) => v.measure_id === e.measure.measure_id));
}

const m19 = (period: string, value: string) =>
	new TextEncoder().encode(`measure_id,measure,period,value\nM19,Return interviews offered within 72 hours (%),${period},${value}\n`);

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

describe('the report card, asked once per data version', () => {
	test('each filter in turn draws what DuckDB selects, and the same as asked afresh', async () => {
		for (const filters of FILTERS) {
			const card = await loadReportCard(db, filters, 1);
			expect(card.entries.length, JSON.stringify(filters)).toBeGreaterThan(0);
			await expectAsSelected(db, card, filters);
			expect(card).toEqual(await loadReportCard(db, filters));
		}
	});

	test('a filter that leaves the period range alone draws the very entries drawn before', async () => {
		const all = await loadReportCard(db, NO_FILTERS, 1);
		const five = await loadReportCard(db, { ...NO_FILTERS, priorities: [5] }, 1);
		for (const e of five.entries) expect(all.entries).toContain(e);
	});

	test('a new version of the data is drawn: an import, then its undo', async () => {
		const before = await loadReportCard(db, { ...NO_FILTERS, priorities: [5] }, 2);
		const { importId } = await importFile(db, { name: 'm19.csv', bytes: m19('2019/20 Q1', '97') });
		expect(importId).not.toBeNull();
		const after = await loadReportCard(db, { ...NO_FILTERS, priorities: [5] }, 3);
		await expectAsSelected(db, after, { ...NO_FILTERS, priorities: [5] });
		expect(after.entries.find((e) => e.measure.measure_id === 'M19')!.row.latest?.value).toBe(97);
		await undoImport(db, importId!);
		const undone = await loadReportCard(db, { ...NO_FILTERS, priorities: [5] }, 4);
		expect(undone).toEqual(before);
	});
});
