// The exception report on the shipped example, and its corrective actions through the workspace's
// commands and a saved and reopened workspace file.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { allCorrectiveActions, type CorrectiveAction } from '../../src/lib/db/queries/corrective-actions';
import { workspaceFile } from '../../src/lib/db/workspace-format';
import { importFile } from '../../src/lib/ingest/import-file';
import { openWorkspaceFile } from '../../src/lib/ingest/workspace-file';
import { loadExceptions } from '../../src/lib/state/exceptions';
import { NO_FILTERS } from '../../src/lib/state/filters';
import { loadReport } from '../../src/lib/state/report';
import { topicsOf } from '../../src/lib/state/topics';
import { commandsOn, emptyDatabase, sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

/**
 * The sample's measures rated Red at 2018/19 Q4, read off data/sample-measures.csv with their
 * tolerances: M19, 80 (112 of 140) against 90, higher is better, red beyond 10% of 90 = 9, short by 10.
 * Not Red: M04 89.7 against 90 (Green within its amber threshold of 1), M24 36.7 against 30 (lower is
 * better; Amber within 25% of 30 = 7.5), M25 55.6 against 60 (short by 4.4, beyond its red threshold
 * of 4, but up from 50: Amber by "improving is amber").
 */
const RED_MEASURES = [
	['M19', 5, 'Young and Safe vulnerability team', 'Red: 80% in 2018/19 Q4 against a target of 90% (short of target by more than the red threshold (10% of target))']
] as const;

describe('the exceptions of the shipped example', () => {
	test('the overview: the measure rated Red at 2018/19 Q4; no special-cause concern; no action Red or Amber at Dec 2018', async () => {
		// Every other measure with a target meets it at its latest quarter, and the sample's XmR charts
		// raise improvement or common cause only; at Dec 2018 every item is Green or Blue.
		const { exceptions, review } = await loadExceptions(db);
		expect(review).toBe('Dec 2018');
		expect(exceptions.map((e) => [e.id, e.priority, e.owners.join('; '), e.reasons.join(' | ')])).toEqual(RED_MEASURES);
		expect(exceptions.map((e) => [e.kind, e.rag, e.concern])).toEqual(RED_MEASURES.map(() => ['measure', 'R', null]));
	});

	test('the report at the Dec 2017 review: the same measures, then 6.10b Red and 4.1, 5.3, 5.7d Amber, with their leads', async () => {
		const report = await loadReport(db, { filters: NO_FILTERS, asAt: null, review: '2017-12-01', compare: null });
		expect(report.exceptions.filter((e) => e.kind === 'measure').map((e) => e.id)).toEqual(['M19']);
		expect(report.exceptions.filter((e) => e.kind === 'item').map((e) => [e.id, e.rag, e.owners, e.reasons])).toEqual([
			// The plan's lead-agency cells (data/action-plan.csv) through the agency list, by name.
			// 6.10b: "Humberside Police; Young and Safe Service manager"
			['6.10b', 'R', ['Humberside Police', 'Young and Safe vulnerability team'], ['Red at the Dec 2017 review']],
			// 4.1: "Integrated Family Services; FRS; Young and Safe vulnerability team; PACE"
			['4.1', 'A', ['FRS', 'Integrated Family Services', 'Parents Against Child Exploitation (PACE)', 'Young and Safe vulnerability team'], ['Amber at the Dec 2017 review']],
			// 5.3: "NELC; CCG; NLAG; NHS England; SARC for under 16 years and over; Primary Care"
			['5.3', 'A', ['NEL Clinical Commissioning Group (CCG)', 'NHS England', 'North East Lincolnshire Council (NELC)', 'Northern Lincolnshire and Goole NHS Foundation Trust (NLAG)', 'Primary Care (GPs)', 'Sexual Assault Referral Centre (SARC)'], ['Amber at the Dec 2017 review']],
			// 5.7d: "Multi Agency NEL Health partners through the LSCB Health group"
			['5.7d', 'A', ['LSCB Health group'], ['Amber at the Dec 2017 review']]
		]);
	});

	test('an imported measure whose latest quarter is special-cause concern joins them, after the Red ones', async () => {
		// Lower is better, steady at about 10 for 12 quarters, then 30: beyond the upper limit
		// (11.54 + 2.66 × 2.67 = 18.63: only 3 points fall up to the plan's first review, Dec 2016, fewer
		// than 12, so the limits are from all 13), so special-cause concern (high); the target of 40 is
		// met, so not Red.
		const values = [10, 10, 11, 9, 10, 10, 11, 9, 10, 10, 11, 9, 30];
		const quarters = values.map((_, i) => `${2016 + Math.floor(i / 4)}/${String(17 + Math.floor(i / 4)).padStart(2, '0')} Q${(i % 4) + 1}`);
		const csv = ['measure_id,measure,quadrant,agency,period,value,target,polarity',
			...values.map((v, i) => `X21,Imported concern,How well did we do it?,Humberside Police,${quarters[i]},${v},40,lower is better`)].join('\n');
		const work = await sampleDatabase();
		const outcome = await importFile(work, { name: 'x21.csv', bytes: new TextEncoder().encode(csv) });
		expect(outcome.importId).not.toBeNull();
		const { exceptions } = await loadExceptions(work);
		expect(exceptions.map((e) => e.id)).toEqual(['M19', 'X21']);
		expect(exceptions.at(-1)).toEqual({
			kind: 'measure', id: 'X21', name: 'Imported concern', priority: null, owners: ['Humberside Police'], rag: null, concern: 'concern-high',
			reasons: ['Special cause concern (high) on the XmR chart']
		});
	});

	test('safe to publish withholds small counts from what the report shows, not from the RAG: M25 stays Amber', async () => {
		// M25 at 2018/19 Q3 was 4 of 8 (50%): its numerator is below 5, so the report withholds that
		// quarter's value; its rating still reads the move from 50 to 55.6 ("improving is amber").
		const report = await loadReport(db, { filters: NO_FILTERS, asAt: null, review: null, compare: null, suppressBelow: 5 });
		expect(report.exceptions.filter((e) => e.kind === 'measure').map((e) => e.id)).toEqual(['M19']);
		const m25 = report.priorities.flatMap((p) => p.entries).find((e) => e.measure.measure_id === 'M25')!;
		expect(m25.row.previous).toMatchObject({ value: null, marker: '[c]' });
		expect(m25.row.rating.rag).toBe('A');
	});

	test('the report follows its filters: priority 5 only', async () => {
		const report = await loadReport(db, { filters: { ...NO_FILTERS, priorities: [5] }, asAt: null, review: '2017-12-01', compare: null });
		expect(report.exceptions.map((e) => e.id)).toEqual(['M19', '5.3', '5.7d']);
	});
});


describe('corrective actions', () => {
	const mine: CorrectiveAction[] = [
		{ actionNoteId: 'c1', subjectKind: 'measure', subjectId: 'M19', text: '<script>alert(1)</script> "Extra" return-interview\nworker from Jan', authorRole: 'Young and Safe — Team Manager', addedAt: '2026-12-03T09:15:02.123Z' },
		{ actionNoteId: 'c2', subjectKind: 'item', subjectId: '6.10b', text: 'Escalated to the strategic group', authorRole: 'Police — Detective Inspector', addedAt: '2026-12-03T09:16:00.000Z' },
		{ actionNoteId: 'c3', subjectKind: 'measure', subjectId: 'M04', text: 'to delete', authorRole: 'L&D', addedAt: '2026-12-03T09:17:00.000Z' }
	];

	test('are added and deleted through the commands, change the corrective topic only, and round-trip through a saved and reopened workspace file', async () => {
		const work = await sampleDatabase();
		const commands = await commandsOn(work);
		for (const a of mine) {
			const done = await commands.addCorrectiveAction(a);
			expect(done).toMatchObject({ ok: true, tables: ['corrective_actions'] });
		}
		expect([...topicsOf(['corrective_actions'])]).toEqual(['corrective']);
		expect(await commands.deleteCorrectiveAction('c3')).toMatchObject({ ok: true });
		const kept = await allCorrectiveActions(work);
		expect(kept).toEqual([mine[1], mine[0]]);

		const fresh = await emptyDatabase();
		const opened = await openWorkspaceFile(fresh, await workspaceFile(work), 'w.oba');
		expect(opened.ok).toBe(true);
		expect(await allCorrectiveActions(fresh)).toEqual(kept);
	});

	test('a second note with the same id is refused and changes nothing', async () => {
		const work = await sampleDatabase();
		const commands = await commandsOn(work);
		await commands.addCorrectiveAction(mine[0]!);
		await expect(commands.addCorrectiveAction({ ...mine[0]!, text: 'other' })).rejects.toThrow(/Duplicate key|PRIMARY KEY|constraint/i);
		expect((await allCorrectiveActions(work)).map((a) => a.text)).toEqual([mine[0]!.text]);
	});
});
