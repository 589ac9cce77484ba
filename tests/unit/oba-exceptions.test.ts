import { describe, expect, it } from 'vitest';
import { selectExceptions, type ItemCandidate, type MeasureCandidate } from '../../src/lib/oba/exceptions';
import { NO_TOLERANCE, type Tolerance } from '../../src/lib/oba/measure-rag';
import { addQuarters, financialQuarter } from '../../src/lib/oba/quarters';
import { reportCardRow, type ReportCardMeasure } from '../../src/lib/oba/report-card';
import type { SeriesPoint } from '../../src/lib/oba/series-point';
import { readCorrectiveAction } from '../../src/lib/state/corrective-action';

/** Quarterly points from 2015/16 Q1, each with the same target. */
function series(values: number[], target: number | null): SeriesPoint[] {
	return values.map((value, i) => ({ period: addQuarters(financialQuarter(2015, 1), i), value, marker: null, target }));
}

const measure = (id: string, polarity: ReportCardMeasure['polarity'], unit = 'count', tolerance?: Tolerance): ReportCardMeasure => ({ id, name: `Measure ${id}`, unit, polarity, tolerance });
const candidate = (m: ReportCardMeasure, points: SeriesPoint[], priority: number | null, owner: string | null = 'Police'): MeasureCandidate => ({
	row: reportCardRow(m, points),
	priority,
	owner
});

// Steady at about 10, then 30: with limits from all 13 points, mean 150 / 13 = 11.54 and mean
// moving range 32 / 12 = 2.67, so the upper limit is 11.54 + 2.66 × 2.67 = 18.63 and 30 is beyond it.
const STEADY_THEN_HIGH = [10, 10, 11, 9, 10, 10, 11, 9, 10, 10, 11, 9, 30];
// 12 quarters of 80 to 88 then 80 in 2018/19 Q1 (the 13th): no point beyond the limits.
const BELOW_TARGET = [84, 86, 85, 87, 84, 86, 85, 88, 84, 86, 85, 85, 80];

describe('selectExceptions: measures', () => {
	it('a measure short of its target with no tolerance is Red, said with its value, period and target', () => {
		const [e] = selectExceptions([candidate(measure('M19', 'higher', 'percent'), series(BELOW_TARGET, 90), 5, 'Young and Safe')], [], null);
		expect(e).toEqual({
			kind: 'measure',
			id: 'M19',
			name: 'Measure M19',
			priority: 5,
			owners: ['Young and Safe'],
			rag: 'R',
			concern: null,
			reasons: ['Red: 80% in 2018/19 Q1 against a target of 90% (short of target, with no tolerance for amber)']
		});
	});

	it('a measure on or better than its target, or with no target, is not an exception without special-cause concern', () => {
		const met = candidate(measure('M01', 'higher'), series(BELOW_TARGET, 80), 1);
		const none = candidate(measure('M02', 'higher'), series(BELOW_TARGET, null), 1);
		expect(met.row.rating.rag).toBe('G');
		expect(none.row.rating).toEqual({ rag: null, shortfall: null, why: 'No target set' });
		expect(selectExceptions([met, none], [], null)).toEqual([]);
	});

	it('special-cause concern (lower is better, a point above the upper limit) is an exception even when the target is met', () => {
		const c = candidate(measure('M21', 'lower'), series(STEADY_THEN_HIGH, 40), 4, 'Children’s Social Care');
		expect(c.row.spc.variation).toBe('concern-high');
		expect(selectExceptions([c], [], null)).toEqual([
			{ kind: 'measure', id: 'M21', name: 'Measure M21', priority: 4, owners: ['Children’s Social Care'], rag: null, concern: 'concern-high', reasons: ['Special cause concern (high) on the XmR chart'] }
		]);
	});

	it('special-cause improvement is not an exception: the same series where higher is better', () => {
		const c = candidate(measure('M03', 'higher'), series(STEADY_THEN_HIGH, 5), 1);
		expect(c.row.spc.variation).toBe('improvement-high');
		expect(selectExceptions([c], [], null)).toEqual([]);
	});

	it('Red and concern together: one entry with both reasons', () => {
		const c = candidate(measure('M24', 'lower'), series(STEADY_THEN_HIGH, 12), 5);
		const [e] = selectExceptions([c], [], null);
		expect(e!.rag).toBe('R');
		expect(e!.concern).toBe('concern-high');
		expect(e!.reasons).toEqual([
			'Red: 30 in 2018/19 Q1 against a target of 12 (short of target, with no tolerance for amber)',
			'Special cause concern (high) on the XmR chart'
		]);
	});

	it('takes each measure’s tolerance: 80 against 90 is Green within 15%, Amber within 5%/15%, Red beyond 5%/10%', () => {
		const pct = (value: number) => ({ value, percent: true });
		const rated = (tolerance: Tolerance) => candidate(measure('M19', 'higher', 'percent', tolerance), series(BELOW_TARGET, 90), 5);
		const green = rated({ ...NO_TOLERANCE, amber: pct(15) });
		const amber = rated({ ...NO_TOLERANCE, amber: pct(5), red: pct(15) });
		const red = rated({ ...NO_TOLERANCE, amber: pct(5), red: pct(10) });
		expect([green, amber, red].map((c) => c.row.rating.rag)).toEqual(['G', 'A', 'R']);
		// Only Red is an exception: shortfall 10 beyond 10% of 90 = 9.
		expect(selectExceptions([green, amber], [], null)).toEqual([]);
		expect(selectExceptions([red], [], null)[0]!.reasons).toEqual(['Red: 80% in 2018/19 Q1 against a target of 90% (short of target by more than the red threshold (10% of target))']);
	});

	it('a measure without an owner says none', () => {
		expect(selectExceptions([candidate(measure('X1', 'higher'), series(BELOW_TARGET, 90), null, null)], [], null)[0]!.owners).toEqual([]);
	});
});

describe('selectExceptions: items', () => {
	const item = (itemId: string, priority: number, rag: ItemCandidate['rag'], owners: string[] = ['Police']): ItemCandidate => ({ itemId, action: `Action ${itemId}`, priority, rag, owners });

	it('Red and Amber items only, Red first, then by priority, then in the plan’s order; each with its leads', () => {
		const items = [item('1.4b', 1, 'A'), item('6.10b', 6, 'R', ['Humberside Police', 'North Lincolnshire LSCB']), item('2.1', 2, 'G'), item('5.7d', 5, 'A'), item('4.1', 4, 'A'), item('3.1', 3, null), item('1.2', 1, 'B'), item('5.3', 5, 'A')];
		const list = selectExceptions([], items, 'Dec 2017');
		expect(list.map((e) => [e.id, e.rag])).toEqual([['6.10b', 'R'], ['1.4b', 'A'], ['4.1', 'A'], ['5.7d', 'A'], ['5.3', 'A']]);
		expect(list[0]).toEqual({
			kind: 'item',
			id: '6.10b',
			name: 'Action 6.10b',
			priority: 6,
			owners: ['Humberside Police', 'North Lincolnshire LSCB'],
			rag: 'R',
			concern: null,
			reasons: ['Red at the Dec 2017 review']
		});
		expect(list[1]!.reasons).toEqual(['Amber at the Dec 2017 review']);
	});
});

describe('selectExceptions: the order of the whole list', () => {
	it('measures rated Red (by priority, none last, then id with numbers in order), then concern only, then items', () => {
		const red = (id: string, priority: number | null) => candidate(measure(id, 'higher'), series(BELOW_TARGET, 90), priority);
		const concern = candidate(measure('M2', 'lower'), series(STEADY_THEN_HIGH, 40), 1);
		const list = selectExceptions(
			[red('M10', 5), concern, red('X1', null), red('M9', 5), red('M30', 2)],
			[{ itemId: '1.1', action: 'A', priority: 1, rag: 'A', owners: [] }],
			'Dec 2018'
		);
		expect(list.map((e) => e.id)).toEqual(['M30', 'M9', 'M10', 'X1', 'M2', '1.1']);
	});
});

describe('readCorrectiveAction: what the form keeps', () => {
	it('keeps the text and the role trimmed, and refuses either empty or too long, saying why', () => {
		expect(readCorrectiveAction('  Extra worker\n', ' Police — Detective Inspector ')).toEqual({ ok: true, text: 'Extra worker', authorRole: 'Police — Detective Inspector' });
		expect(readCorrectiveAction(' ', 'Police')).toEqual({ ok: false, reason: 'Write the corrective action first: it is empty.' });
		expect(readCorrectiveAction('Extra worker', '')).toEqual({
			ok: false,
			reason: 'Give your agency and role (for example, Police — Detective Inspector): the board needs to know who answers for it.'
		});
		expect(readCorrectiveAction('x'.repeat(2001), 'Police')).toEqual({ ok: false, reason: 'The corrective action is 2,001 characters; keep it to 2,000.' });
		expect(readCorrectiveAction('x', 'r'.repeat(121))).toEqual({ ok: false, reason: 'The role is 121 characters; keep it to 120.' });
	});
});
