// A population indicator beside the home area's statistical neighbours and every other authority:
// per year, the neighbours' rates and their average, the home area's rank and quartile, and the
// funnel plot's points and limits. Pure: the rows come from db/queries/comparators.ts (every
// area's values with its children aged 0–17) and db/queries/neighbours.ts; the rules from oba/.
import type { NeighbourRow } from '../db/queries/neighbours';
import type { AreaPopulationValue as AreaValueRow } from '../db/queries/population';
import { centreRate, funnelPosition, type FunnelPosition } from '../oba/funnel';
import { neighbourAverage, standing, type NeighbourAverage, type RankOrder, type Standing } from '../oba/neighbours';
import { ratePer10000 } from '../oba/rates';

const LOCAL = 'Local authority';
const NATIONAL = 'National';

export interface BenchmarkYear {
	period: string;
	periodStart: Date;
	/** The home area's rate per 10,000 (null: a gap), its count and marker. */
	home: number | null;
	homeMarker: string | null;
	/** Each neighbour's rate, in the model's order (null: a gap). */
	neighbours: { code: string; rate: number | null; marker: string | null }[];
	average: NeighbourAverage;
	/** The home area's standing among every authority with a rate this year. */
	standing: Standing | null;
}

/** Per year the measure has, in order: the home area, its neighbours and its standing. */
export function benchmarkYears(rows: readonly AreaValueRow[], homeCode: string, neighbours: readonly NeighbourRow[], order: RankOrder): BenchmarkYear[] {
	const periods = new Map<string, AreaValueRow[]>();
	for (const row of rows) periods.set(row.period_label, [...(periods.get(row.period_label) ?? []), row]);
	return [...periods.entries()]
		.map(([period, inYear]) => {
			const byArea = new Map(inYear.map((r) => [r.area_code, r]));
			const rateOf = (r: AreaValueRow | undefined) => (r ? ratePer10000(r.value, r.population) : null);
			const home = byArea.get(homeCode);
			const theirs = neighbours.map((n) => {
				const r = byArea.get(n.neighbour_code);
				return { code: n.neighbour_code, rate: rateOf(r), marker: r && r.value === null ? r.marker : null };
			});
			const all = inYear.filter((r) => r.area_level === LOCAL).map(rateOf);
			return {
				period,
				periodStart: new Date(inYear[0]!.period_start),
				home: rateOf(home),
				homeMarker: home && home.value === null ? home.marker : null,
				neighbours: theirs,
				average: neighbourAverage(theirs.map((n) => n.rate)),
				standing: home?.area_level === LOCAL ? standing(rateOf(home), all, order) : null
			};
		})
		.sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime());
}

export interface FunnelPoint {
	code: string;
	name: string;
	count: number;
	children: number;
	rate: number;
	position: FunnelPosition;
	/** The home area or one of its neighbours: marked and named on the plot. */
	role: 'home' | 'neighbour' | 'other';
}

export interface FunnelYear {
	period: string;
	/** England's rate per 10,000: the centre line. */
	centre: number;
	englandCount: number;
	englandChildren: number;
	points: FunnelPoint[];
	/** Authorities with a gap this year (suppressed or no population): not plotted. */
	left: number;
}

/** The periods a funnel can be drawn for: those with England's count and children. */
export function funnelPeriods(rows: readonly AreaValueRow[]): string[] {
	return [...new Set(rows.filter((r) => r.area_level === NATIONAL && centreRate(r.value, r.population) !== null).map((r) => r.period_label))].sort();
}

/** The funnel for one period: every authority with a count and children, against England. */
export function funnelYear(rows: readonly AreaValueRow[], period: string, homeCode: string, neighbourCodes: readonly string[]): FunnelYear | null {
	const inYear = rows.filter((r) => r.period_label === period);
	const england = inYear.find((r) => r.area_level === NATIONAL);
	const centre = england ? centreRate(england.value, england.population) : null;
	if (!england || centre === null) return null;
	const local = inYear.filter((r) => r.area_level === LOCAL);
	const points = local.flatMap((r): FunnelPoint[] => {
		if (r.value === null || r.population === null || !(r.population > 0)) return [];
		const rate = (r.value / r.population) * 10_000;
		const role = r.area_code === homeCode ? 'home' : neighbourCodes.includes(r.area_code) ? 'neighbour' : 'other';
		return [{ code: r.area_code, name: r.area_name, count: r.value, children: r.population, rate, position: funnelPosition(rate, centre, r.population), role }];
	});
	return { period, centre, englandCount: england.value!, englandChildren: england.population!, points, left: local.length - points.length };
}
