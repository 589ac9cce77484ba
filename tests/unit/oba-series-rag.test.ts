import { describe, expect, it } from 'vitest';
import { NO_TOLERANCE } from '../../src/lib/oba/measure-rag';
import { parsePeriod, type Period } from '../../src/lib/oba/periods';
import { reportCardRow, sortRows } from '../../src/lib/oba/report-card';
import { rateSeries } from '../../src/lib/oba/series-rag';

const q = (label: string): Period => {
	const p = parsePeriod(label);
	if (!p.ok) throw new Error(label);
	return p.period;
};

describe('rateSeries reads a series as the report card does', () => {
	it('rates the latest reported period against its own target, with the period before for travel', () => {
		const points = [
			{ period: q('2018/19 Q2'), value: 50, target: 60 },
			{ period: q('2018/19 Q3'), value: 55, target: 60 },
			{ period: q('2018/19 Q4'), value: null, target: 65 }
		];
		// Q4 has only a target: the latest reported is Q3, 55 against 60, previous 50 (improving).
		const r = rateSeries(points, 'higher', { amber: { value: 2, percent: false }, red: null, travel: 'travel-decides' });
		expect(r).toMatchObject({ rag: 'A', shortfall: 5, why: 'Outside tolerance, improving since the period before' });
		expect(r.period).toEqual(q('2018/19 Q3'));
	});
	it('a marker is the latest report: no value to rate', () => {
		const points = [{ period: q('2018/19 Q3'), value: 55, target: 60 }, { period: q('2018/19 Q4'), value: null, marker: '[c]', target: 60 }];
		expect(rateSeries(points, 'higher', NO_TOLERANCE)).toMatchObject({ rag: null, why: 'No value for the latest period' });
	});
	it('no target, and no values at all, say so', () => {
		expect(rateSeries([{ period: q('2018/19 Q3'), value: 5, target: null }], 'higher', NO_TOLERANCE)).toMatchObject({ rag: null, why: 'No target set' });
		expect(rateSeries([], 'lower', NO_TOLERANCE)).toEqual({ rag: null, shortfall: null, why: 'No target set', period: null });
	});
	it('a gap in the quarter before is no improvement', () => {
		const points = [{ period: q('2018/19 Q2'), value: 50, target: 60 }, { period: q('2018/19 Q4'), value: 55, target: 60 }];
		expect(rateSeries(points, 'higher', { amber: null, red: null, travel: 'improving-is-amber' })).toMatchObject({ rag: 'R', why: 'Short of target, with no tolerance for Amber' });
	});
});

describe('the report card row', () => {
	it('carries the rating, and sorts by RAG Red first, unrated last', () => {
		const series = (value: number) => [{ period: q('2018/19 Q4'), value, target: 10 }];
		const tolerance = { amber: { value: 1, percent: false }, red: { value: 3, percent: false }, travel: 'none' as const };
		const row = (id: string, value: number, target = true) =>
			reportCardRow({ id, name: id, unit: 'count', polarity: 'higher', tolerance }, target ? series(value) : [{ period: q('2018/19 Q4'), value, target: null }]);
		const rows = [row('green', 9.5), row('none', 3, false), row('red', 6), row('amber', 8)];
		expect(rows.map((r) => [r.id, r.rating.rag, r.rating.why])).toEqual([
			['green', 'G', 'Short of target by no more than the amber threshold (1)'],
			['none', null, 'No target set'],
			['red', 'R', 'Short of target by more than the red threshold (3)'],
			['amber', 'A', 'Short of target within the red threshold (3)']
		]);
		expect(sortRows(rows, 'rag').map((r) => r.id)).toEqual(['red', 'amber', 'green', 'none']);
		expect(sortRows(rows, 'rag', 'descending').map((r) => r.id)).toEqual(['green', 'amber', 'red', 'none']);
		expect(reportCardRow({ id: 'x', name: 'x', unit: 'count', polarity: 'higher' }, series(9)).rating.rag).toBe('R');
	});
});
