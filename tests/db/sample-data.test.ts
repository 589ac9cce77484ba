import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { DATA_DIR, sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

/** RAG words per priority, counted from the seed text itself: each underlined heading starts a priority. */
function seedRagCounts(): Map<string, number> {
	const seed = readFileSync(join(DATA_DIR, 'source/nel-lscb-cse-action-plan-2016-2018.txt'), 'utf8');
	const sections = seed.split('<u>').slice(1);
	const counts = new Map<string, number>();
	sections.forEach((section, index) => {
		for (const word of section.match(/\b(GREEN|AMBER|RED)\b/g) ?? []) {
			const key = `${index + 1} ${word[0]}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
	});
	return counts;
}

describe('the shipped action plan is the seed, faithfully', () => {
	test('six priorities, in the plan’s order', async () => {
		const rows = await db.rows<{ priority: number; name: string }>('SELECT priority, name FROM priorities ORDER BY priority');
		expect(rows.map((r) => r.priority)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	test('every RAG word in the seed is one rated item at the Dec 2016 review, per priority', async () => {
		const expected = seedRagCounts();
		expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(38);
		const rows = await db.rows<{ key: string; n: number }>(`
			SELECT a.priority || ' ' || r.rag AS key, count(*) AS n
			FROM reviews r JOIN items i USING (item_id) JOIN actions a USING (action_id)
			WHERE r.review = DATE '2016-12-01' GROUP BY ALL`);
		expect(new Map(rows.map((r) => [r.key, r.n]))).toEqual(expected);
		const [sources] = await db.rows<{ s: string }>(`SELECT string_agg(DISTINCT source) AS s FROM reviews WHERE review = DATE '2016-12-01'`);
		expect(sources!.s).toBe('seed');
	});

	test('every lead agency resolves to the canonical list', async () => {
		const [unled] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM items WHERE item_id NOT IN (SELECT item_id FROM item_leads)`);
		expect(unled!.n).toBe(0);
		const [ys] = await db.rows<{ n: number }>(`
			SELECT count(DISTINCT a.agency_id) AS n FROM agency_aliases a
			WHERE a.alias_key IN (agency_key('Y&S'), agency_key('Young and Safe'), agency_key('Young & Safe vulnerability team'))`);
		expect(ys!.n).toBe(1);
	});

	test('later reviews are sample data and say so', async () => {
		const rows = await db.rows<{ review: Date; source: string; n: number }>(
			`SELECT review, source, count(*) AS n FROM reviews WHERE review > DATE '2016-12-01' GROUP BY ALL ORDER BY review`
		);
		expect(rows.map((r) => r.source)).toEqual(['sample', 'sample', 'sample', 'sample']);
		expect(rows.map((r) => r.n)).toEqual([38, 38, 38, 38]);
	});
});

describe('the sample measures', () => {
	test('cover all six priorities and all three quadrants, 2014/15 Q1 to 2018/19 Q4', async () => {
		const [m] = await db.rows<{ measures: number; priorities: number; quadrants: number; first: string; last: string }>(`
			SELECT count(DISTINCT measure_id) AS measures, count(DISTINCT priority) AS priorities, count(DISTINCT quadrant) AS quadrants,
				(SELECT min(period_label) FROM measure_values WHERE source = 'sample') AS first,
				(SELECT max(period_label) FROM measure_values WHERE source = 'sample') AS last
			FROM measures WHERE source = 'sample'`);
		expect(m).toEqual({ measures: 29, priorities: 6, quadrants: 3, first: '2014/15 Q1', last: '2018/19 Q4' });
	});

	test('missing values are gaps with their marker, never zeros', async () => {
		const rows = await db.rows<{ marker: string; n: number }>(`
			SELECT marker, count(*) AS n FROM measure_values WHERE source = 'sample' AND marker IS NOT NULL GROUP BY ALL ORDER BY marker`);
		expect(rows).toEqual([
			{ marker: '..', n: 1 },
			{ marker: '[c]', n: 1 },
			{ marker: 'c', n: 1 },
			{ marker: 'x', n: 4 },
			{ marker: 'z', n: 1 }
		]);
		const [withValue] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM measure_values WHERE marker IS NOT NULL AND value IS NOT NULL`);
		expect(withValue!.n).toBe(0);
	});
});

describe('the real DfE indicators', () => {
	const published = Papa.parse<Record<string, string>>(
		readFileSync(join(DATA_DIR, 'dfe/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv'), 'utf8'),
		{ header: true, skipEmptyLines: true }
	).data;

	test.each([
		['dfe-cse', 'Child_sexual_exploitation'],
		['dfe-missing', 'Going_missing'],
		['dfe-cce', 'Child_criminal_exploitation']
	])('%s for North East Lincolnshire equals the published figures, markers kept', async (measure, column) => {
		const expected = published
			.filter((r) => r.new_la_code === 'E06000012')
			.map((r) => ({ label: `${Number(r.time_period) - 1}/${r.time_period!.slice(2)}`, cell: r[column]! }))
			.sort((a, b) => a.label.localeCompare(b.label));
		const rows = await db.rows<{ label: string; value: number | null; marker: string | null }>(`
			SELECT period_label AS label, value, marker FROM measure_values
			WHERE measure_id = '${measure}' AND area_code = 'E06000012' ORDER BY period_label`);
		expect(rows.map((r) => ({ label: r.label, cell: r.marker ?? String(r.value) }))).toEqual(expected);
	});

	test('England and Yorkshire and The Humber are there as comparators, with populations for rates', async () => {
		const areas = await db.rows<{ name: string; years: number; populations: number }>(`
			SELECT a.name, count(DISTINCT v.period_start) AS years,
				(SELECT count(*) FROM populations p WHERE p.area_code = a.area_code) AS populations
			FROM areas a JOIN measure_values v USING (area_code) WHERE v.measure_id = 'dfe-cse' GROUP BY ALL ORDER BY a.name`);
		expect(areas).toEqual([
			{ name: 'England', years: 8, populations: 13 },
			{ name: 'North East Lincolnshire', years: 8, populations: 13 },
			{ name: 'Yorkshire and The Humber', years: 8, populations: 13 }
		]);
	});
});

describe('the import log', () => {
	test('lists every shipped file with its source and checksum', async () => {
		const rows = await db.rows<{ file_name: string; source: string; checksum: string }>(
			'SELECT file_name, source, checksum FROM imports ORDER BY import_id'
		);
		expect(rows.map((r) => `${r.file_name} ${r.source}`)).toEqual([
			'priorities.csv seed',
			'agencies.csv seed',
			'action-plan.csv seed',
			'sample-reviews.csv sample',
			'sample-measures.csv sample',
			'sample-data-development.csv sample',
			'statistical-neighbours-2025.csv real',
			'ons_mid-year_population_estimates_2012_to_2024.csv real',
			'c3_factors_identified_at_end_of_assessment_2018_to_2025.csv real'
		]);
		for (const r of rows) expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
	});
});
