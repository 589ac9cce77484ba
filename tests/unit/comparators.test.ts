import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { labelRoom, spreadLabels } from '../../src/lib/charts/end-labels';
import type { AreaValueRow } from '../../src/lib/db/queries/comparators';
import { canShowRate, ratePer10000 } from '../../src/lib/oba/rates';
import { areaSeries } from '../../src/lib/state/comparators';
import { measureSearch, parseMeasureChoice } from '../../src/lib/state/measure-url';

const row = (area_code: string, area_name: string, period_label: string, value: number | null, population: number | null, marker: string | null = null): AreaValueRow => ({
	area_code, area_name, area_level: '', period_start: new Date(0), period_label, value, marker, target: 5, population, population_year: population === null ? null : 2016
});

describe('rates per 10,000 children', () => {
	test('count ÷ children × 10,000; a gap without a count or a positive population, never a zero', () => {
		expect(ratePer10000(80, 33522)).toBeCloseTo(23.865, 3);
		expect(ratePer10000(0, 33522)).toBe(0);
		expect(ratePer10000(null, 33522)).toBeNull();
		expect(ratePer10000(80, null)).toBeNull();
		expect(ratePer10000(80, 0)).toBeNull();
		expect(ratePer10000(80, -5)).toBeNull();
		expect(ratePer10000(Number.NaN, 100)).toBeNull();
		expect(ratePer10000(1e308, 1e-308)).toBeNull();
	});

	test('offered for a population indicator counted in children, with a population; a published rate is never divided again', () => {
		expect(canShowRate({ unit: 'count', quadrant: 'population' }, [null, 33522])).toBe(true);
		expect(canShowRate({ unit: 'count', quadrant: 'population' }, [null, null])).toBe(false);
		expect(canShowRate({ unit: 'rate10k', quadrant: 'population' }, [33522])).toBe(false);
		expect(canShowRate({ unit: 'count', quadrant: 'how_much' }, [33522])).toBe(false);
		expect(canShowRate({ unit: 'percent', quadrant: 'population' }, [33522])).toBe(false);
	});
});

describe('a measure’s areas as lines', () => {
	const rows = [
		row('E92000001', 'England', '2016/17', 12000, 11_800_000),
		row('E12000003', 'Yorkshire and The Humber', '2016/17', 1200, 1_160_000),
		row('E06000012', 'North East Lincolnshire', '2016/17', 80, 33_522),
		row('E06000012', 'North East Lincolnshire', '2017/18', null, 33_600, 'c'),
		row('E06000012', 'North East Lincolnshire', '2018/19', 70, null)
	];

	test('the home area first, then the others as given; counts as published, with their targets', () => {
		const series = areaSeries(rows, 'E06000012', 'count');
		expect(series.map((s) => s.name)).toEqual(['North East Lincolnshire', 'England', 'Yorkshire and The Humber']);
		expect(series[0]!.points.map((p) => [p.value, p.marker, p.target])).toEqual([[80, null, 5], [null, 'c', 5], [70, null, 5]]);
		expect(series[0]!.points[0]!.period).toMatchObject({ kind: 'year', start: '2016-04-01' });
	});

	test('as rates: a suppressed count keeps its marker, a count without a population is a gap, no target is carried', () => {
		const [home, england] = areaSeries(rows, 'E06000012', 'rate');
		expect(home!.points.map((p) => [p.value === null ? null : Math.round(p.value * 10) / 10, p.marker, p.target])).toEqual([[23.9, null, null], [null, 'c', null], [null, null, null]]);
		expect(england!.points[0]!.value).toBeCloseTo(10.17, 2);
	});
});

describe('names at the ends of lines', () => {
	test('are moved apart just enough, and keep their order', () => {
		expect(spreadLabels([100, 104, 50], 12)).toEqual([100, 112, 50]);
		expect(spreadLabels([10, 10, 10], 12)).toEqual([10, 22, 34]);
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -500, max: 500 }), { maxLength: 8 }), (ys) => {
				const placed = spreadLabels(ys, 12);
				const sorted = [...placed].sort((a, b) => a - b);
				sorted.slice(1).forEach((y, i) => expect(y - sorted[i]!).toBeGreaterThanOrEqual(12));
				placed.forEach((y, i) => expect(y).toBeGreaterThanOrEqual(ys[i]!));
			})
		);
		expect(labelRoom([])).toBe(0);
		expect(labelRoom(['England', 'Yorkshire and The Humber'])).toBeGreaterThan(labelRoom(['England']));
	});
});

describe('a measure page’s choice in the URL', () => {
	test('reads the method, the figure and a baseline of the measure’s own kind of period', () => {
		const params = new URLSearchParams('id=dfe-cse&as=rate&method=theil-sen&base_from=2017/18&base_to=2016/17 Q3');
		expect(parseMeasureChoice(params, 'year')).toMatchObject({ method: 'theil-sen', figure: 'rate', from: { kind: 'year', start: '2017-04-01' }, to: null });
		expect(parseMeasureChoice(params, 'quarter')).toMatchObject({ from: null, to: { kind: 'quarter', start: '2016-10-01' } });
		expect(parseMeasureChoice(new URLSearchParams('as=nonsense&method=cubic'))).toEqual({ method: 'linear', figure: 'count', from: null, to: null, spcTo: null });
	});

	test('changes one setting, keeps the rest, and leaves defaults out', () => {
		const params = new URLSearchParams('id=dfe-cse&method=theil-sen');
		expect(measureSearch(params, 'as', 'rate')).toBe('?id=dfe-cse&method=theil-sen&as=rate');
		expect(measureSearch(new URLSearchParams('id=dfe-cse&as=rate'), 'as', 'count')).toBe('?id=dfe-cse');
		expect(measureSearch(params, 'method', 'linear')).toBe('?id=dfe-cse');
		expect(measureSearch(params, 'base_to', '2016/17 Q2')).toBe('?id=dfe-cse&method=theil-sen&base_to=2016%2F17+Q2');
	});
});
