import { describe, expect, it } from 'vitest';
import { NO_TOLERANCE } from '../../src/lib/oba/measure-rag';
import { parsePeriod, type Period } from '../../src/lib/oba/periods';
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
