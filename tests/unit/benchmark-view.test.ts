// The words, lines and tables of the neighbours and funnel sections, from small hand-made years.
import { describe, expect, test } from 'vitest';
import { funnelGeometry, withinPlot } from '../../src/lib/charts/funnel-geometry';
import type { AreaValueRow } from '../../src/lib/db/queries/comparators';
import { benchmarkYears, funnelYear } from '../../src/lib/state/benchmark';
import { funnelLead, funnelOutliers, funnelRows, funnelSummary, neighbourLines, neighbourRows, standingSentence } from '../../src/lib/state/benchmark-view';

const row = (area_code: string, area_name: string, area_level: string, value: number | null, population: number | null, marker: string | null = null): AreaValueRow => ({
	area_code, area_name, area_level, period_start: new Date('2024-04-01'), period_label: '2024/25', value, marker, target: null, population, population_year: 2024
});

// England: 1,000 of 1,000,000 children, 10 per 10,000. Home: 30 of 10,000 (30 per 10,000, m = 10,
// above 24.13, the 99.8% upper limit: see tests/unit/oba-funnel.test.ts). A: 10 of 10,000 (10).
// B: 4 of 10,000 (4; below 4.80, the 95% lower, above 2.96, the 99.8% lower). C: suppressed.
const rows = [
	row('E92000001', 'England', 'National', 1000, 1_000_000),
	row('H', 'Home', 'Local authority', 30, 10_000),
	row('A', 'Aton', 'Local authority', 10, 10_000),
	row('B', 'Beeton', 'Local authority', 4, 10_000),
	row('C', 'Ceeton', 'Local authority', null, 10_000, 'c')
];
const neighbours = [
	{ rank: 1, neighbour_code: 'A', name: 'Aton', closeness: 'Very close', model: '2025' },
	{ rank: 2, neighbour_code: 'C', name: 'Ceeton', closeness: 'Close', model: '2025' }
];

describe('the neighbours section', () => {
	const years = benchmarkYears(rows, 'H', neighbours, 'highest-first');
	test('a year: the home rate, each neighbour (a gap keeps its marker), the average over those with one, the standing', () => {
		expect(years).toHaveLength(1);
		expect(years[0]!.home).toBe(30);
		expect(years[0]!.neighbours).toEqual([{ code: 'A', rate: 10, marker: null }, { code: 'C', rate: null, marker: 'c' }]);
		// 1 of 2 neighbours has a figure: fewer than 5, so no average.
		expect(years[0]!.average).toEqual({ mean: null, used: 1, of: 2 });
		expect(years[0]!.standing).toEqual({ rank: 1, of: 3, tiedWith: 0, quartile: 1 });
	});
	test('in words, with the direction of rank 1', () => {
		expect(standingSentence(years[0], 'Home', 'highest-first')).toBe(
			'In 2024/25, Home: 30 per 10,000 children. 1st of 3 authorities (1st = the highest rate), 1st quartile (1st = the highest rates). Its neighbours’ average: not shown (1 of 2 have a figure).'
		);
		expect(standingSentence(undefined, 'Home', 'highest-first')).toBe('No figures for Home.');
	});
	test('lines: each neighbour only on request, the average, the home area drawn last (on top)', () => {
		expect(neighbourLines(years, 'H', 'Home', neighbours, false).map((l) => l.label)).toEqual(['Neighbours’ average', 'Home']);
		expect(neighbourLines(years, 'H', 'Home', neighbours, true).map((l) => l.label)).toEqual(['Aton', 'Ceeton', 'Neighbours’ average', 'Home']);
	});
	test('the table: a column per year, a row per line and standing', () => {
		expect(neighbourRows(years, 'Home', neighbours, true)).toEqual([
			{ line: 'Home', '2024/25': '30' },
			{ line: 'Neighbours’ average', '2024/25': '' },
			{ line: 'Neighbours with a figure', '2024/25': '1 of 2' },
			{ line: 'Home’s rank', '2024/25': '1 of 3' },
			{ line: 'Home’s quartile', '2024/25': '1st' },
			{ line: 'Aton', '2024/25': '10' },
			{ line: 'Ceeton', '2024/25': 'c' }
		]);
	});
});

describe('the funnel section', () => {
	const year = funnelYear(rows, '2024/25', 'H', ['A', 'C'])!;
	test('every authority with a count and children, against England’s 10 per 10,000', () => {
		expect(year.centre).toBe(10);
		expect(year.points.map((p) => [p.name, p.role, p.position])).toEqual([
			['Home', 'home', 'above-99.8'], ['Aton', 'neighbour', 'within'], ['Beeton', 'other', 'below-95']
		]);
		expect(year.left).toBe(1);
	});
	test('names every authority outside the limits in its text alternative', () => {
		expect(funnelOutliers(year)).toEqual([
			{ position: 'above-99.8', text: 'Above the 99.8% limit', names: ['Home'] },
			{ position: 'below-95', text: 'Below the 95% limit (within the 99.8%)', names: ['Beeton'] }
		]);
		expect(funnelLead(year, 'Home')).toBe('3 authorities in 2024/25; England 10 per 10,000 children. Home: 30, above the 99.8% limit. 1 within the 95% limits.');
		expect(funnelSummary(year, 'Home')).toBe(
			'3 authorities in 2024/25; England 10 per 10,000 children. Home: 30, above the 99.8% limit. 1 within the 95% limits. Above the 99.8% limit: Home. Below the 95% limit (within the 99.8%): Beeton.'
		);
	});
	test('its table: the home area, the neighbours, then the rest, with each one’s limits', () => {
		expect(funnelRows(year)[0]).toEqual({
			name: 'Home', role: 'Home area', children: '10,000', count: '30', rate: '30',
			'lower-95': '4.8', 'upper-95': '18.4', 'lower-99.8': '3', 'upper-99.8': '24.1', position: 'Above the 99.8% limit'
		});
		expect(funnelRows(year).map((r) => r.role)).toEqual(['Home area', 'Neighbour', '']);
	});
	test('its geometry: the centre line at England’s rate, four limit curves, the home area and neighbours named', () => {
		const g = funnelGeometry(year, 400, 300, { top: 0, right: 0, bottom: 0, left: 0 });
		// y runs 0 to max(2 × 10, 30) × 1.05 = 31.5, made nice: 0 to 35 over 300 px; 10 is at 300 − 10/35 × 300.
		expect(g.centreY).toBeCloseTo(300 - (10 / 35) * 300, 9);
		expect(g.limits.map((l) => l.id)).toEqual(['95-lower', '95-upper', '99.8-lower', '99.8-upper']);
		expect(g.labels.map((l) => l.text)).toEqual(['Home', 'Aton']);
		// Labels 13 px apart at least: Home (30) and Aton (10) are far apart already.
		expect(g.labels[1]!.y - g.labels[0]!.y).toBeGreaterThanOrEqual(13);
	});
});

describe('the funnel’s names', () => {
	test('stay inside the plot: those spread past its foot move up, 13 px apart', () => {
		// Spread: 80, 93, 106 (gap 13); the foot is at 100: 106 → 100, 93 → 87, 80 → 74.
		expect(withinPlot([80, 93, 106], 13, 100)).toEqual([74, 87, 100]);
		expect(withinPlot([10, 50], 13, 100)).toEqual([10, 50]);
	});
});
