// A funnel plot's scales, limit curves, points and labels: pure, so it is tested without a DOM.
import { line, max, scaleLinear } from 'd3';
import { FUNNEL_LEVELS, funnelLimits, funnelPopulations } from '../oba/funnel';
import type { FunnelPoint, FunnelYear } from '../state/benchmark';
import { spreadLabels } from './end-labels';
import type { Margins } from './line-geometry';

export interface FunnelGeometry {
	innerWidth: number;
	innerHeight: number;
	xTicks: { x: number; value: number }[];
	yTicks: { y: number; value: number }[];
	centreY: number;
	/** One path per limit: 95% and 99.8%, lower and upper. */
	limits: { id: string; level: string; side: 'lower' | 'upper'; d: string }[];
	points: (FunnelPoint & { x: number; y: number })[];
	/** Names of the home area and its neighbours, moved apart to not overlap. */
	labels: { code: string; text: string; x: number; y: number; anchor: 'start' | 'end' }[];
}

const curve = line<[number, number]>();

/**
 * Labels spread downwards (spreadLabels) can run below the plot: those past `bottom` are moved up,
 * each at least `gap` above the one below it, so the names stay inside and apart.
 */
export function withinPlot(ys: readonly number[], gap: number, bottom: number): number[] {
	const order = ys.map((y, i) => ({ y, i })).sort((a, b) => b.y - a.y || b.i - a.i);
	const placed = [...ys];
	let below = bottom + gap;
	for (const { y, i } of order) {
		below = Math.min(y, below - gap);
		placed[i] = below;
	}
	return placed;
}

export function funnelGeometry(year: FunnelYear, width: number, height: number, margin: Margins): FunnelGeometry {
	const innerWidth = Math.max(10, width - margin.left - margin.right);
	const innerHeight = Math.max(10, height - margin.top - margin.bottom);
	const largest = max(year.points, (p) => p.children) ?? 1;
	const smallest = Math.max(1, Math.min(...year.points.map((p) => p.children), largest));
	const x = scaleLinear().domain([0, largest * 1.05]).nice(5).range([0, innerWidth]);
	// The axis fits the points and the centre; the limits, wide for the smallest areas, are clipped.
	const top = Math.max(year.centre * 2, max(year.points, (p) => p.rate) ?? 0) * 1.05;
	const y = scaleLinear().domain([0, top]).nice(5).range([innerHeight, 0]);
	const populations = funnelPopulations(smallest, x.domain()[1]!, 80);
	const limits = FUNNEL_LEVELS.flatMap((level) => {
		const at = populations.map((n) => ({ n, ...funnelLimits(year.centre, n, level.coverage) }));
		return (['lower', 'upper'] as const).map((side) => ({
			id: `${level.id}-${side}`,
			level: level.label,
			side,
			d: curve(at.map((a) => [x(a.n), y(Math.min(a[side], top * 1.5))])) ?? ''
		}));
	});
	const points = year.points.map((p) => ({ ...p, x: x(p.children), y: y(p.rate) }));
	const marked = points.filter((p) => p.role !== 'other');
	const ys = withinPlot(spreadLabels(marked.map((p) => p.y), 13), 13, innerHeight - 4);
	const labels = marked.map((p, i) => {
		const right = p.x < innerWidth * 0.7;
		return { code: p.code, text: p.name, x: p.x + (right ? 9 : -9), y: ys[i]! + 4, anchor: right ? ('start' as const) : ('end' as const) };
	});
	return {
		innerWidth,
		innerHeight,
		xTicks: x.ticks(5).map((value) => ({ x: x(value), value })),
		yTicks: y.ticks(5).map((value) => ({ y: y(value), value })),
		centreY: y(year.centre),
		limits,
		points,
		labels
	};
}
