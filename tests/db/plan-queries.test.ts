import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { agencyList, itemLeads, planItems, planReviews, ragTrajectory } from '../../src/lib/db/queries/plan-items';
import { filteredMeasures, filteredValues, filterOptions } from '../../src/lib/db/queries/explorer';
import { NO_FILTERS } from '../../src/lib/state/filters';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

describe('the action plan queries', () => {
	test('every rated item, with its current and previous RAG', async () => {
		const items = await planItems(db, NO_FILTERS);
		expect(items).toHaveLength(38);
		const first = items[0]!;
		expect(first).toMatchObject({ item_id: '1.1', priority: 1, priority_name: 'Raising awareness' });
		for (const item of items) expect(item.changed).toBe(item.current_rag !== item.previous_rag);
	});

	test('filters by priority, agency, current RAG and change, in SQL', async () => {
		const police = await planItems(db, { ...NO_FILTERS, agencies: ['humberside-police'] });
		const leads = await itemLeads(db);
		const expected = leads.filter((l) => l.agency_id === 'humberside-police').map((l) => l.item_id).sort();
		expect(police.map((i) => i.item_id).sort()).toEqual(expected);
		expect(expected.length).toBeGreaterThan(0);

		const green = await planItems(db, { ...NO_FILTERS, priorities: [2], rags: ['G'] });
		expect(green.every((i) => i.priority === 2 && i.current_rag === 'G')).toBe(true);
		const changed = await planItems(db, { ...NO_FILTERS, changed: true });
		expect(changed.length).toBeGreaterThan(0);
		expect(changed.every((i) => i.current_rag !== i.previous_rag)).toBe(true);
		const search = await planItems(db, { ...NO_FILTERS, search: 'VIEWPOINT' });
		expect(search.map((i) => i.item_id)).toContain('3.1b');
	});

	test('reviews of the chosen items, and a trajectory that counts every item at every review', async () => {
		const reviews = await planReviews(db, { ...NO_FILTERS, priorities: [3] });
		expect(new Set(reviews.map((r) => r.item_id))).toEqual(new Set(['3.1a', '3.1b']));
		const trajectory = await ragTrajectory(db, { ...NO_FILTERS, agencies: ['lscb'] });
		const perReview = new Map<number, number>();
		for (const t of trajectory) perReview.set(new Date(t.review).getTime(), (perReview.get(new Date(t.review).getTime()) ?? 0) + t.items);
		const lscbItems = (await itemLeads(db)).filter((l) => l.agency_id === 'lscb').length;
		expect([...perReview.values()]).toEqual([lscbItems, lscbItems, lscbItems, lscbItems, lscbItems]);
	});

	test('agencies with the items they lead and the measures they report', async () => {
		const agencies = await agencyList(db);
		const total = agencies.reduce((sum, a) => sum + a.items, 0);
		expect(total).toBe((await itemLeads(db)).length);
		expect(agencies.find((a) => a.agency_id === 'young-and-safe')!.items).toBeGreaterThan(5);
	});
});

describe('the explorer queries', () => {
	test('filters measures and values in SQL', async () => {
		const options = await filterOptions(db);
		expect(options.periods[0]).toBe('2014/15 Q1');
		expect(options.periods.at(-1)).toBe('2018/19 Q4');
		const measures = await filteredMeasures(db, { ...NO_FILTERS, priorities: [5], quadrants: ['how_well'] });
		expect(measures.length).toBeGreaterThan(0);
		expect(measures.every((m) => m.priority === 5 && m.quadrant === 'how_well')).toBe(true);
		const values = await filteredValues(db, { ...NO_FILTERS, priorities: [5], quadrants: ['how_well'], from: '2017/18 Q1', to: '2017/18 Q4' });
		expect(values).toHaveLength(measures.length * 4);
		const search = await filteredMeasures(db, { ...NO_FILTERS, search: 'taxi' });
		expect(search.map((m) => m.measure_id)).toEqual(['M02']);
	});
});

describe('transitions between reviews', () => {
	test('every item is counted once per pair of consecutive reviews, by the pure rule', async () => {
		const { transitionCounts } = await import('../../src/lib/db/queries/transitions');
		const rows = await transitionCounts(db);
		const pairs = new Map<string, number>();
		for (const r of rows) {
			const key = new Date(r.to_review).toISOString().slice(0, 7);
			pairs.set(key, (pairs.get(key) ?? 0) + r.items);
		}
		expect([...pairs.entries()]).toEqual([
			['2017-07', 38],
			['2017-12', 38],
			['2018-07', 38],
			['2018-12', 38]
		]);
		const first = Object.fromEntries(rows.filter((r) => new Date(r.to_review).toISOString().startsWith('2017-07')).map((r) => [r.transition, r.items]));
		// Counted independently from data/action-plan.csv (Dec 2016) and data/sample-reviews.csv (Jul 2017) when the sample was made.
		expect(first).toEqual({ completed: 13, held: 20, improved: 3, slipped: 2 });
		const slipped = rows.find((r) => r.transition === 'slipped' && new Date(r.to_review).toISOString().startsWith('2017-07'))!;
		expect(slipped.item_ids).toBe('4.1, 6.10b');
	});
});
