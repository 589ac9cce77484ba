import { area, extent, line, max, min, scaleLinear } from 'd3';

export interface LinePoint {
	x: Date;
	/** Null draws a gap, never a zero. */
	y: number | null;
	/** The period as people write it, e.g. 2016/17 Q3. */
	label: string;
	/** The missing-value marker when y is null, e.g. "c". */
	marker?: string | null;
}

export interface LineSeries {
	id: string;
	label: string;
	colour: string;
	points: LinePoint[];
	dashed?: boolean;
}

export interface Margins {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface LineGeometry {
	x: (d: Date) => number;
	y: (v: number) => number;
	paths: { id: string; d: string }[];
	xTicks: { x: number; label: string }[];
	yTicks: { y: number; value: number }[];
	innerWidth: number;
	innerHeight: number;
}

/** The value axis: from zero for counts and shares (so size reads true), padded a little above. */
export function valueDomain(values: readonly number[], fromZero = true): [number, number] {
	const lo = min(values) ?? 0;
	const hi = max(values) ?? 1;
	const bottom = fromZero ? Math.min(0, lo) : lo;
	const top = hi === bottom ? bottom + 1 : hi;
	return [bottom, top];
}

/** Financial years start in April: ticks on 1 April read as the start of each year. */
export function financialYearTicks(domain: [Date, Date], maxTicks: number): Date[] {
	const [from, to] = domain;
	const years: Date[] = [];
	for (let y = from.getUTCFullYear() - 1; y <= to.getUTCFullYear(); y++) {
		const d = new Date(Date.UTC(y, 3, 1));
		if (d >= from && d <= to) years.push(d);
	}
	const step = Math.max(1, Math.ceil(years.length / Math.max(1, maxTicks)));
	return years.filter((_, i) => i % step === 0);
}

export function financialYearLabel(d: Date): string {
	const y = d.getUTCFullYear();
	return `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
}

/** Scales, paths and ticks for a line chart; pure, so it is tested without a DOM. */
export function lineGeometry(
	series: readonly LineSeries[],
	width: number,
	height: number,
	margin: Margins,
	extraValues: readonly number[] = []
): LineGeometry {
	const innerWidth = Math.max(10, width - margin.left - margin.right);
	const innerHeight = Math.max(10, height - margin.top - margin.bottom);
	const all = series.flatMap((s) => s.points);
	const [x0, x1] = extent(all, (p) => p.x);
	const from = x0 ?? new Date(0);
	const to = x1 && x1 > from ? x1 : new Date(from.getTime() + 1);
	const values = [...all.flatMap((p) => (p.y === null ? [] : [p.y])), ...extraValues];
	// A linear scale of the dates' times: what scaleTime maps too, without building the eight date
	// formats scaleTime makes for tick labels it is never asked for here (a tenth of a second a page).
	const time = scaleLinear().domain([from.getTime(), to.getTime()]).range([0, innerWidth]);
	const x = (d: Date) => time(d.getTime());
	const y = scaleLinear().domain(valueDomain(values)).nice(4).range([innerHeight, 0]);
	const path = line<LinePoint>()
		.defined((p) => p.y !== null)
		.x((p) => x(p.x))
		.y((p) => y(p.y ?? 0));
	return {
		x: (d) => x(d),
		y: (v) => y(v),
		paths: series.map((s) => ({ id: s.id, d: path(s.points) ?? '' })),
		xTicks: financialYearTicks([from, to], Math.floor(innerWidth / 60)).map((d) => ({ x: x(d), label: financialYearLabel(d) })),
		yTicks: y.ticks(4).map((value) => ({ y: y(value), value })),
		innerWidth,
		innerHeight
	};
}

export interface BandPoint {
	x: Date;
	low: number;
	high: number;
}

/** The uncertainty band of a forecast as one closed area. */
export function bandPath(points: readonly BandPoint[], x: (d: Date) => number, y: (v: number) => number): string {
	return (
		area<BandPoint>()
			.x((p) => x(p.x))
			.y0((p) => y(p.low))
			.y1((p) => y(p.high))(points as BandPoint[]) ?? ''
	);
}
