import { beforeAll, describe, expect, test } from 'vitest';
import { tablesDigest } from '../helpers/tables-digest';
import type { Database } from '../../src/lib/db/database';
import { clearTolerance, setTolerance } from '../../src/lib/db/queries/tolerances';
import { workspaceFile } from '../../src/lib/db/workspace-format';
import { importFile } from '../../src/lib/ingest/import-file';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { openWorkspaceFile } from '../../src/lib/ingest/workspace-file';
import { loadReportCard } from '../../src/lib/state/report-card';
import { NO_FILTERS } from '../../src/lib/state/filters';
import { measureRatings, type MeasureRatingRow } from '../../src/lib/state/measure-ratings';
import { corpusBytes } from '../fixtures/ingest/corpus';
import { emptyDatabase, sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

const brief = (r: MeasureRatingRow) => [r.measureId, r.rag, r.why, r.period, r.value, r.target, r.toleranceFrom];
const ratingOf = async (d: Database, id: string) => brief((await measureRatings(d)).find((r) => r.measureId === id)!);
const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');

describe('measure RAG over the sample', () => {
	test('the sample file gives four measures a tolerance, and every measure its rating from its latest quarter', async () => {
		const ratings = await measureRatings(db);
		// Worked by hand from data/sample-measures.csv, 2018/19 Q4 (previous: Q3).
		const rated = ratings.filter((r) => ['M04', 'M13', 'M19', 'M24', 'M25'].includes(r.measureId)).map(brief);
		expect(rated).toEqual([
			// 89.7 against 90: short by 0.3, within the amber threshold of 1.
			['M04', 'G', 'Short of target by no more than the amber threshold (1)', '2018/19 Q4', 89.7, 90, 'file'],
			['M13', null, 'No target set', '2018/19 Q4', 16, null, null],
			// 80 against 90: short by 10, more than 10% of 90 = 9.
			['M19', 'R', 'Short of target by more than the red threshold (10% of target)', '2018/19 Q4', 80, 90, 'file'],
			// Lower is better, 36.7 against 30: short by 6.7, within 25% of 30 = 7.5 but not 10% = 3.
			['M24', 'A', 'Short of target within the red threshold (25% of target)', '2018/19 Q4', 36.7, 30, 'file'],
			// 55.6 against 60: short by 4.4, past the red threshold of 4, but up from 50.
			['M25', 'A', 'Short of target by more than the red threshold (4), but improving since the period before', '2018/19 Q4', 55.6, 60, 'file']
		]);
		// The other local measures meet their targets; M13, M16, M17 have none; the population indicators have no target.
		const local = ratings.filter((r) => r.quadrant !== 'population');
		expect(local.length).toBe(29);
		expect(local.filter((r) => r.rag === 'G').length).toBe(23);
		expect(local.filter((r) => r.rag === 'R').map((r) => r.measureId)).toEqual(['M19']);
		expect(local.filter((r) => r.rag === 'A').map((r) => r.measureId).sort()).toEqual(['M24', 'M25']);
		expect(local.filter((r) => r.rag === null).map((r) => r.measureId).sort()).toEqual(['M13', 'M16', 'M17']);
		expect(ratings.find((r) => r.measureId === 'M19')).toMatchObject({ agencyId: 'young-and-safe', agency: 'Young and Safe vulnerability team' });
	});

	test('the report card rates each measure the same way', async () => {
		const card = await loadReportCard(db, NO_FILTERS);
		const all = await measureRatings(db);
		expect(card.entries.map((e) => [e.row.id, e.row.rating.rag, e.row.rating.why])).toEqual(
			all.filter((r) => card.entries.some((e) => e.row.id === r.measureId)).map((r) => [r.measureId, r.rag, r.why]));
		expect(card.entries.find((e) => e.row.id === 'M19')!.row.tolerance).toEqual({ amber: { value: 5, percent: true }, red: { value: 10, percent: true }, travel: 'none' });
	});
});

describe('a tolerance from a file, and one set in the app', () => {
	test('file columns → stored tolerance → rating; the app’s wins as a whole; undo of the import leaves the app’s alone', async () => {
		const before = await tablesDigest(db);
		const id = (await importFile(db, { name: 't.csv', bytes: corpusBytes('ok-measure-thresholds.csv') })).importId!;
		// T01: 86 against 90, short by 4, within 5% of 90 = 4.5.
		expect(await ratingOf(db, 'T01')).toEqual(['T01', 'G', 'Short of target by no more than the amber threshold (5% of target)', '2018/19 Q4', 86, 90, 'file']);
		// T02, lower is better: 12 against 10, short by 2, the amber threshold exactly.
		expect(await ratingOf(db, 'T02')).toEqual(['T02', 'G', 'Short of target by no more than the amber threshold (2)', '2018/19 Q4', 12, 10, 'file']);
		// T03: 7 against 8, no amber threshold, travel decides, and no period before to improve on.
		expect(await ratingOf(db, 'T03')).toEqual(['T03', 'R', 'Outside tolerance, not improving since the period before', '2018/19 Q4', 7, 8, 'file']);

		await setTolerance(db, 'T03', { amber: { value: 12.5, percent: true }, red: null, travel: 'none' }, '2026-12-03T10:00:00.000Z');
		expect(await ratingOf(db, 'T03')).toEqual(['T03', 'G', 'Short of target by no more than the amber threshold (12.5% of target)', '2018/19 Q4', 7, 8, 'app']);
		// Set in the app with no thresholds at all: any shortfall is Red, whatever the file says.
		await setTolerance(db, 'T01', { amber: null, red: null, travel: 'none' }, '2026-12-03T10:01:00.000Z');
		expect(await ratingOf(db, 'T01')).toEqual(['T01', 'R', 'Short of target, with no tolerance for Amber', '2018/19 Q4', 86, 90, 'app']);
		// The file's stays stored beneath, and comes back when the app's is cleared.
		await clearTolerance(db, 'T01');
		expect((await ratingOf(db, 'T01'))[1]).toBe('G');
		expect(await db.rows(`SELECT amber_threshold, red_threshold, travel_rule FROM measures WHERE measure_id = 'T03'`)).toEqual([{ amber_threshold: null, red_threshold: null, travel_rule: 'travel-decides' }]);

		expect((await undoImport(db, id)).undone).toBe(true);
		const rows = await db.rows<{ measure_id: string; amber_threshold: string; travel_rule: string }>(
			`SELECT measure_id, amber_threshold, red_threshold, travel_rule, CAST(set_at AS VARCHAR) AS set_at FROM measure_tolerances`);
		expect(rows).toEqual([{ measure_id: 'T03', amber_threshold: '12.5%', red_threshold: null, travel_rule: 'none', set_at: '2026-12-03 10:00:00' }]);
		await clearTolerance(db, 'T03');
		expect(await tablesDigest(db)).toEqual(before);
	});

	test('a re-import with a blank threshold keeps the loaded one; a new one replaces it, and undo puts it back', async () => {
		const before = await tablesDigest(db);
		const m19 = (amber: string) => csv(['measure_id,measure,period,value,amber_threshold', `M19,Return interviews offered within 72 hours (%),2018/19 Q4,80,${amber}`]);
		const blank = (await importFile(db, { name: 'blank.csv', bytes: m19('') })).importId!;
		expect(await db.rows(`SELECT amber_threshold, red_threshold FROM measures WHERE measure_id = 'M19'`)).toEqual([{ amber_threshold: '5%', red_threshold: '10%' }]);
		const wider = (await importFile(db, { name: 'wider.csv', bytes: m19('12%') })).importId!;
		// 12% of 90 = 10.8: short by 10 is now Green.
		expect((await ratingOf(db, 'M19')).slice(0, 3)).toEqual(['M19', 'G', 'Short of target by no more than the amber threshold (12% of target)']);
		expect((await undoImport(db, wider)).undone).toBe(true);
		expect((await ratingOf(db, 'M19'))[1]).toBe('R');
		expect((await undoImport(db, blank)).undone).toBe(true);
		expect(await tablesDigest(db)).toEqual(before);
	});

	test('a tolerance set in the app survives saving the workspace and opening the file', async () => {
		await setTolerance(db, 'M24', { amber: { value: 4, percent: false }, red: { value: 20, percent: true }, travel: 'travel-decides' }, '2026-12-03T11:30:00.000Z');
		// 36.7 against 30, short by 6.7: outside 4, and worse than 35.8 the quarter before.
		const rated = ['M24', 'R', 'Outside tolerance, not improving since the period before', '2018/19 Q4', 36.7, 30, 'app'];
		expect(await ratingOf(db, 'M24')).toEqual(rated);
		const fresh = await emptyDatabase();
		const opened = await openWorkspaceFile(fresh, await workspaceFile(db), 'w.oba');
		expect(opened.ok).toBe(true);
		expect(await ratingOf(fresh, 'M24')).toEqual(rated);
		expect(await fresh.rows(`SELECT measure_id, amber_threshold, red_threshold, travel_rule, CAST(set_at AS VARCHAR) AS set_at FROM measure_tolerances`))
			.toEqual([{ measure_id: 'M24', amber_threshold: '4', red_threshold: '20%', travel_rule: 'travel-decides', set_at: '2026-12-03 11:30:00' }]);
		await clearTolerance(db, 'M24');
	});
});
