import { describe, expect, test } from 'vitest';
import { xmrGeometry, type XmrPoint } from '../../src/lib/charts/xmr';
import { financialQuarter, addQuarters } from '../../src/lib/oba/quarters';
import { seriesSpc } from '../../src/lib/oba/spc-series';
import { xmrView } from '../../src/lib/state/xmr-view';

const limits = { mean: 20, meanMovingRange: 5, movingRanges: 3, screenedOut: 0, upper: 33.3, lower: 6.7, upperNear: 28.87, lowerNear: 11.13 };
const at = (iso: string) => new Date(iso);
const points: XmrPoint[] = [
	{ x: at('2016-04-01'), y: 20, label: '2016/17 Q1', class: 'common', why: null },
	{ x: at('2016-07-01'), y: null, label: '2016/17 Q2', marker: 'c', class: null, why: null },
	{ x: at('2016-10-01'), y: 36, label: '2016/17 Q3', class: 'concern', why: 'Above the upper process limit' },
	{ x: at('2017-01-01'), y: 4, label: '2016/17 Q4', class: 'improvement', why: 'Below the lower process limit' }
];
const margin = { top: 0, right: 0, bottom: 0, left: 0 };

describe('XmR geometry', () => {
	test('the limits, mean and target are horizontal lines on the value scale, which takes them all in', () => {
		const g = xmrGeometry(points, limits, 50, null, 300, 100, margin);
		expect(g.lines.map((l) => [l.id, l.value])).toEqual([
			['upper', 33.3],
			['mean', 20],
			['lower', 6.7],
			['target', 50]
		]);
		// Domain 0 to 50, niced to 0–50: 100 px tall, so 2 px a unit.
		expect(g.lines.map((l) => l.y)).toEqual([100 - 66.6, 60, 100 - 13.4, 0]);
		expect(g.yTicks.at(-1)!.value).toBe(50);
	});

	test('a gap is no mark and breaks the line; every other point is marked by class, shape and letter', () => {
		const g = xmrGeometry(points, limits, null, null, 300, 100, margin);
		expect(g.paths[0]!.d.match(/M/g)).toHaveLength(2);
		expect(g.marks.map((m) => [m.label, m.class, m.letter])).toEqual([
			['2016/17 Q1', 'common', ''],
			['2016/17 Q3', 'concern', 'C'],
			['2016/17 Q4', 'improvement', 'I']
		]);
		// Time is to scale: 1 Apr to 1 Oct is 183 days of the 275 to 1 Jan.
		expect(g.marks.map((m) => m.cx)).toEqual([0, (300 * 183) / 275, 300]);
		// The concern is a square, the others circles (d3's circle path is drawn with arcs).
		expect(g.marks[1]!.d).not.toContain('A');
		expect(g.marks[2]!.d).toContain('A');
		expect(g.baselineX).toBeNull();
	});

	test('the end of the baseline is drawn half way to the next period', () => {
		const g = xmrGeometry(points, limits, null, at('2016-10-01'), 300, 100, margin);
		expect(g.baselineX).toBeCloseTo(((300 * 183) / 275 + 300) / 2, 12);
	});
});

describe('XmR view', () => {
	test('the table holds exactly the numbers drawn, and the class and rule in words', () => {
		// Quarterly values 10, 12 × 3, a suppressed quarter, then 30: mean 11, mean moving range 2,
		// limits 11 ± 5.32, so 30 is above the upper limit: a concern when lower is better.
		const start = financialQuarter(2016, 1);
		const values = [10, 12, 10, 12, 10, 12, null, 30];
		const series = values.map((value, i) => ({ period: addQuarters(start, i), value, marker: value === null ? 'c' : null, target: i === 7 ? 20 : null }));
		const spc = seriesSpc(series, 'lower', { through: addQuarters(start, 5) });
		const view = xmrView(series, spc, 'count')!;
		expect(view.columns.map((c) => c.label)).toEqual(['Period', 'Value', 'Mean', 'Lower process limit', 'Upper process limit', 'Variation', 'Special-cause rule', 'In the baseline', 'Latest target']);
		expect(view.table.at(-1)).toEqual({
			period: '2017/18 Q4',
			value: '30',
			mean: '11',
			lower: '5.7',
			upper: '16.3',
			class: 'Special cause concern',
			rule: 'Above the upper process limit',
			baseline: 'No',
			target: '20'
		});
		expect(view.table[6]).toMatchObject({ period: '2017/18 Q3', value: 'c', class: 'No value', rule: '', baseline: 'No' });
		expect(spc.variationText).toBe('Special cause concern (high)');
		// Target 20 is above the upper limit 16.32 and lower is better: met every time.
		expect(spc.assuranceText).toBe('Consistently passes the target');
		expect(spc.baselineText).toBe('Limits from the 6 points up to 2017/18 Q2; fewer than 12 points: trial limits');
		expect(view.summary).toBe(
			'Special cause concern (high). Consistently passes the target. Limits from the 6 points up to 2017/18 Q2; fewer than 12 points: trial limits: mean 11, process limits 5.7 to 16.3. 1 of 7 points is special cause.'
		);
		expect(view.ends.map((e) => e.label)).toEqual(['2016/17 Q2', '2016/17 Q3', '2016/17 Q4', '2017/18 Q1', '2017/18 Q2', '2017/18 Q3', '2017/18 Q4']);
	});
});
