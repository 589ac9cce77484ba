import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { suppressRagCounts } from '../../src/lib/export/suppress-rag';
import { loadGlance, type GlanceData } from '../../src/lib/state/glance';
import { ragByPriorityAndReview } from '../../src/lib/db/queries/plan';
import { sampleDatabase } from '../helpers/workspace';
import { loadReportCard } from '../../src/lib/state/report-card';
import { NO_FILTERS } from '../../src/lib/state/filters';

let db: Database;
let glance: GlanceData;
beforeAll(async () => {
	db = await sampleDatabase();
	glance = await loadGlance(db);
});

const byReview = () =>
	Object.fromEntries(
		glance.reviews.map((r) => [
			r.label,
			Object.fromEntries(glance.counts.filter((c) => c.review === r.date).map((c) => [c.rag ?? 'none', c.items]))
		])
	);

describe('the whole plan at a glance, on the shipped data', () => {
	test('RAG counts at every review, the Dec 2016 review of the real plan first', () => {
		expect(glance.reviews.map((r) => `${r.label} ${r.source}`)).toEqual(['Dec 2016 seed', 'Jul 2017 sample', 'Dec 2017 sample', 'Jul 2018 sample', 'Dec 2018 sample']);
		// Counted by hand: data/action-plan.csv's "RAG Dec 2016" (30 GREEN, 7 AMBER, 1 RED) and
		// data/sample-reviews.csv's rag per review (blank: not rated), 38 items at each.
		expect(byReview()).toEqual({
			'Dec 2016': { R: 1, A: 7, G: 30 },
			'Jul 2017': { R: 1, A: 5, G: 19, B: 13 },
			'Dec 2017': { R: 1, A: 3, G: 15, B: 18, none: 1 },
			'Jul 2018': { A: 2, G: 14, B: 21, none: 1 },
			'Dec 2018': { G: 6, B: 32 }
		});
	});

	test('the plan’s 29 measures by SPC signal: the same as the report card’s SPC column', async () => {
		const card = await loadReportCard(db, NO_FILTERS);
		const local = card.entries.filter((e) => e.measure.quadrant !== 'population');
		expect(local.length).toBe(29);
		expect(local.filter((e) => e.row.spc.variation?.startsWith('improvement')).length).toBe(SIGNALS.improvement);
		expect(Object.fromEntries(glance.signals.map((s) => [s.signal, s.measures]))).toEqual(SIGNALS);
	});

	test('the plan’s 29 measures by RAG against their targets and tolerances at 2018/19 Q4', () => {
		// Red: M19 (80 against 90, beyond 10%). Amber: M24 (36.7 against 30, within 25%) and M25 (55.6
		// against 60, beyond its red threshold of 4 but up from 50: "improving is amber"). Not rated: M13,
		// M16, M17 (no target). Green: the other 23, M04 among them (89.7 within 1 of 90).
		expect(glance.measuresByRag).toEqual([
			{ rag: 'R', measures: 1 },
			{ rag: 'A', measures: 2 },
			{ rag: 'G', measures: 23 },
			{ rag: null, measures: 3 }
		]);
	});
});

describe('safe to publish, on the shipped plan', () => {
	test('Dec 2016: the plan’s 1 red and 7 amber; priorities 3 and 4 (2 items and 1) hidden whole', async () => {
		const rows = await ragByPriorityAndReview(db);
		const s = suppressRagCounts(rows.map((r) => ({ priority: r.priority, review: new Date(r.review).toISOString().slice(0, 10), rag: r.rag, items: r.items })), 5);
		const dec2016 = '2016-12-01';
		expect(PLAN_CELLS.map((k) => s.hidden(dec2016, 'plan', k))).toEqual(PLAN_DEC_2016);
		expect(s.hidden(dec2016, 3, 'total')).toBe(true);
		expect(s.hidden(dec2016, 4, 'total')).toBe(true);
		expect(s.hidden(dec2016, 5, 'R')).toBe(true);
		expect(s.any).toBe(true);
	});
});

const PLAN_CELLS = ['R', 'A', 'G', 'B', 'none', 'total'] as const;
// The report card's SPC column on the shipped sample: 18 measures whose latest point is a special cause
// improvement, 11 common cause; none of concern, none without a better direction, none too short.
const SIGNALS = { improvement: 18, concern: 0, neither: 0, common: 11, 'too-few': 0 };
// The plan's 1 red is below 5; the smallest other count of the plan's row, its 7 amber, is hidden with it
// so that 38 − 30 cannot give the red away. Green (30), blue and not rated (0) and the 38 items are shown.
const PLAN_DEC_2016 = [true, true, false, false, false, false];
