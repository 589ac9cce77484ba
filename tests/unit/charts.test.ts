import { describe, expect, test } from 'vitest';
import { describeLine, describeRag } from '../../src/lib/charts/describe';
import { financialYearTicks, lineGeometry, valueDomain } from '../../src/lib/charts/line-geometry';
import { stackRag } from '../../src/lib/charts/rag-bars';
import { formatCell, formatValue } from '../../src/lib/oba/format';

const q = (iso: string, y: number | null, label: string, marker: string | null = null) => ({ x: new Date(iso), y, label, marker });

describe('line geometry', () => {
	const points = [q('2016-04-01', 10, '2016/17 Q1'), q('2016-07-01', null, '2016/17 Q2', 'c'), q('2016-10-01', 30, '2016/17 Q3')];

	test('a missing value is a gap in the line, not a drop to zero', () => {
		const g = lineGeometry([{ id: 'm', label: 'M', colour: '#000', points }], 300, 100, { top: 0, right: 0, bottom: 0, left: 0 });
		// Two separate moves: the path restarts after the gap.
		expect(g.paths[0]!.d.match(/M/g)).toHaveLength(2);
		expect(g.y(0)).toBe(100);
	});

	test('the value axis starts at zero and includes the target', () => {
		expect(valueDomain([40, 60])).toEqual([0, 60]);
		expect(valueDomain([-5, 3])).toEqual([-5, 3]);
		expect(valueDomain([])).toEqual([0, 1]);
		const g = lineGeometry([{ id: 'm', label: 'M', colour: '#000', points }], 300, 100, { top: 0, right: 0, bottom: 0, left: 0 }, [90]);
		expect(g.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(90);
	});

	test('year ticks fall on 1 April, labelled as financial years', () => {
		const ticks = financialYearTicks([new Date('2014-04-01'), new Date('2019-01-01')], 10);
		expect(ticks.map((d) => d.toISOString().slice(0, 10))).toEqual(['2014-04-01', '2015-04-01', '2016-04-01', '2017-04-01', '2018-04-01']);
		expect(financialYearTicks([new Date('2014-04-01'), new Date('2019-01-01')], 2)).toHaveLength(2);
	});
});

describe('RAG stacks', () => {
	const counts = [
		{ review: 'Dec 2016', rag: 'G' as const, items: 8 },
		{ review: 'Dec 2016', rag: 'R' as const, items: 1 },
		{ review: 'Dec 2016', rag: 'A' as const, items: 3 },
		{ review: 'Jul 2017', rag: 'B' as const, items: 11 },
		{ review: 'Jul 2017', rag: null, items: 1 }
	];

	test('worst at the bottom, not-rated on top, heights in items or shares', () => {
		const [dec, jul] = stackRag(counts, ['Dec 2016', 'Jul 2017']);
		expect(dec!.segments.map((s) => [s.rag, s.y0, s.y1])).toEqual([
			['R', 0, 1],
			['A', 1, 4],
			['G', 4, 12]
		]);
		expect(jul!.segments.map((s) => s.rag)).toEqual(['B', null]);
		const shares = stackRag(counts, ['Dec 2016'], true)[0]!;
		expect(shares.segments.at(-1)!.y1).toBeCloseTo(1);
	});

	test('the text alternative names the first and latest mix', () => {
		expect(describeRag(stackRag(counts, ['Dec 2016', 'Jul 2017']))).toBe(
			'Dec 2016: 1 red, 3 amber, 8 green. Jul 2017: 11 blue (complete), 1 not rated. 12 rated items.'
		);
	});
});

describe('text alternatives and formatting', () => {
	test('a line is described by its span, latest value, previous value, target and gaps', () => {
		const points = [q('2016-04-01', 80, '2016/17 Q1'), q('2016-07-01', null, '2016/17 Q2', 'c'), q('2016-10-01', 87.5, '2016/17 Q3')];
		const target = [q('2016-10-01', 90, '2016/17 Q3')];
		expect(describeLine(points, 'percent', target)).toBe(
			'2016/17 Q1 to 2016/17 Q3. Latest 87.5% in 2016/17 Q3, against 80% in 2016/17 Q1; target 90%. No value for 1 period (2016/17 Q2: c).'
		);
	});

	test('values are written in the unit, and a gap shows its marker as written', () => {
		expect(formatValue(1234, 'count')).toBe('1,234');
		expect(formatValue(87.46, 'percent')).toBe('87.5%');
		expect(formatValue(118000, 'gbp')).toBe('£118,000');
		expect(formatValue(23.86, 'rate10k')).toBe('23.9');
		expect(formatCell(null, '[c]', 'count')).toBe('[c]');
		expect(formatCell(0, null, 'count')).toBe('0');
	});
});
