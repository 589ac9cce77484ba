import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { importFile } from '../../src/lib/ingest/import-file';
import { loadHome, type HomeData } from '../../src/lib/state/home';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
let home: HomeData;
beforeAll(async () => {
	db = await sampleDatabase();
	home = await loadHome(db);
});

describe('the home page queries, on the shipped data', () => {
	test('reviews in date order, the seed’s first and the sample’s after', () => {
		expect(home.reviews.map((r) => `${r.label} ${r.source}`)).toEqual([
			'Dec 2016 seed',
			'Jul 2017 sample',
			'Dec 2017 sample',
			'Jul 2018 sample',
			'Dec 2018 sample'
		]);
	});

	test('every item of every priority is counted at every review, rated or not', () => {
		for (const priority of home.priorities) {
			for (const review of home.reviews) {
				const total = home.ragCounts
					.filter((c) => c.priority === priority.priority && new Date(c.review).toISOString().startsWith(review.date))
					.reduce((sum, c) => sum + c.items, 0);
				expect(total, `${priority.name} at ${review.label}`).toBe(priority.items);
			}
		}
		expect(home.priorities.reduce((sum, p) => sum + p.items, 0)).toBe(38);
	});

	test('Dec 2016 for risk management: 8 green, 3 amber, 1 red (the seed)', () => {
		const dec2016 = home.ragCounts.filter((c) => c.priority === 5 && new Date(c.review).toISOString().startsWith('2016-12'));
		expect(Object.fromEntries(dec2016.map((c) => [c.rag ?? 'none', c.items]))).toEqual({ G: 8, A: 3, R: 1 });
	});

	test('population indicators carry rates per 10,000 from the nearest mid-year estimate', () => {
		const cse = home.indicators.find((i) => i.measure.measure_id === 'dfe-cse')!;
		const nel2025 = cse.rows.find((r) => r.area_code === 'E06000012' && r.period_label === '2024/25')!;
		// 2024/25 (Apr 2024 – Mar 2025) takes the mid-2024 estimate: 33,522 children.
		expect(nel2025).toMatchObject({ value: 80, population: 33522, population_year: 2024 });
		expect(nel2025.rate).toBe(23.9); // 80 / 33,522 × 10,000 = 23.86
		const suppressed = cse.rows.filter((r) => r.marker !== null);
		for (const row of suppressed) expect(row.rate).toBeNull();
	});

	test('local measures have their quarterly values, gaps kept', () => {
		const local = home.measures.filter((m) => m.quadrant !== 'population');
		expect(local.length).toBe(29);
		for (const m of local) expect(home.values.get(m.measure_id)?.length, m.name).toBe(20);
	});

	test('a local measure’s values from another area stay off the home page’s charts', async () => {
		const other = await sampleDatabase();
		const file = ['measure_id,measure,area_code,period,value', 'M19,Return interviews offered within 72 hours (%),E12000003,2016/17 Q1,71'];
		const { importId } = await importFile(other, { name: 'region.csv', bytes: new TextEncoder().encode(file.join('\n') + '\n') });
		expect(importId).not.toBeNull();
		const m19 = (await loadHome(other)).values.get('M19')!;
		expect(m19).toEqual(home.values.get('M19'));
		expect(new Set(m19.map((v) => v.area_code))).toEqual(new Set(['E06000012']));
	});
});

