// What the neighbours and funnel sections of a population indicator say and tabulate: the words,
// the lines and the table rows, from the pure benchmark (benchmark.ts). Pure, so the page lays it out.
import type { LineSeries } from '../charts/line-geometry';
import { MUTED, SERIES_COLOURS } from '../charts/palette';
import type { NeighbourRow } from '../db/queries/neighbours';
import { formatValue } from '../oba/format';
import { FUNNEL_LEVELS, funnelLimits, POSITION_TEXT, type FunnelPosition } from '../oba/funnel';
import { ordinal, quartileText, type RankOrder } from '../oba/neighbours';
import type { AreaPopulationValue } from '../db/queries/population';
import { benchmarkYears, type BenchmarkYear, type FunnelYear } from './benchmark';

const rate = (v: number | null) => formatValue(v, 'rate10k');

/** Fewer authorities than this with a figure, and the rank is among what is loaded, not all England. */
export const FEW_AUTHORITIES = 100;

export const AVERAGE_RULE =
	'The neighbours’ average is the mean of their rates per 10,000 children, each neighbour counting once (as the DfE’s Local Authority Interactive Tool averages them); a neighbour without a figure is left out, and the average is shown only when at least 5 of the 10 have one.';

export function rankRule(order: RankOrder): string {
	return `Rank among every authority with a figure that year: 1st is the ${order === 'highest-first' ? 'highest' : 'lowest'} rate; authorities whose rates are the same to one decimal place share a rank. The quartile is by the share of authorities ranked ahead: under a quarter, the 1st; under a half, the 2nd; under three quarters, the 3rd; else the 4th.`;
}

/** The latest year's standing in a sentence. */
export function standingSentence(year: BenchmarkYear | undefined, homeName: string, order: RankOrder): string {
	if (!year) return `No figures for ${homeName}.`;
	const parts = [`In ${year.period}, ${homeName}: ${year.home === null ? `no figure${year.homeMarker ? ` (${year.homeMarker})` : ''}` : `${rate(year.home)} per 10,000 children`}.`];
	if (year.standing) {
		const s = year.standing;
		parts.push(`${ordinal(s.rank)} of ${s.of} authorities${s.tiedWith ? ` (tied with ${s.tiedWith} other${s.tiedWith === 1 ? '' : 's'})` : ''} (1st = the ${order === 'highest-first' ? 'highest' : 'lowest'} rate), ${quartileText(s.quartile, order)}.`);
	}
	if (year.average.of > 0) {
		parts.push(year.average.mean === null
			? `Its neighbours’ average: not shown (${year.average.used} of ${year.average.of} have a figure).`
			: `Its ${year.average.of} statistical neighbours averaged ${rate(year.average.mean)} (${year.average.used} of ${year.average.of} with a figure).`);
	}
	return parts.join(' ');
}

/** The lines: each neighbour (if asked, grey), the neighbours' average (dashed), the home area on top. */
export function neighbourLines(years: readonly BenchmarkYear[], homeCode: string, homeName: string, neighbours: readonly NeighbourRow[], each: boolean): LineSeries[] {
	const point = (y: BenchmarkYear, value: number | null, marker: string | null = null) => ({ x: y.periodStart, y: value, label: y.period, marker });
	const theirs: LineSeries[] = each
		? neighbours.map((n, i) => ({ id: n.neighbour_code, label: n.name, colour: MUTED, points: years.map((y) => point(y, y.neighbours[i]?.rate ?? null)) }))
		: [];
	return [
		...theirs,
		{ id: 'average', label: 'Neighbours’ average', colour: SERIES_COLOURS[3], dashed: true, points: years.map((y) => point(y, y.average.mean)) },
		{ id: homeCode, label: homeName, colour: SERIES_COLOURS[0], points: years.map((y) => point(y, y.home, y.homeMarker)) }
	];
}

/**
 * The table has a column per year and a row per line (the home area, the neighbours' average, each
 * neighbour if shown) and per standing (neighbours with a figure, rank, quartile): a row per year
 * would need a column per neighbour, too wide to read without scrolling sideways.
 */
/** The neighbours' average as one more line beside the comparators; null until some year has one. */
export function averageSeries(rows: readonly AreaPopulationValue[], homeCode: string, neighbours: readonly NeighbourRow[]): LineSeries | null {
	if (!neighbours.length) return null;
	const years = benchmarkYears(rows, homeCode, neighbours, 'highest-first');
	if (!years.some((y) => y.average.mean !== null)) return null;
	return {
		id: 'average',
		label: 'Statistical neighbours’ average',
		colour: SERIES_COLOURS[3],
		dashed: true,
		points: years.map((y) => ({ x: y.periodStart, y: y.average.mean, label: y.period }))
	};
}

export function neighbourColumns(years: readonly BenchmarkYear[]) {
	return [{ key: 'line', label: 'Rate per 10,000 children' }, ...years.map((y) => ({ key: y.period, label: y.period, numeric: true }))];
}

export function neighbourRows(years: readonly BenchmarkYear[], homeName: string, neighbours: readonly NeighbourRow[], each: boolean) {
	const row = (line: string, cell: (y: BenchmarkYear) => string) => ({ line, ...Object.fromEntries(years.map((y) => [y.period, cell(y)])) });
	return [
		row(homeName, (y) => (y.home === null ? (y.homeMarker ?? '') : rate(y.home))),
		row('Neighbours’ average', (y) => rate(y.average.mean)),
		row('Neighbours with a figure', (y) => `${y.average.used} of ${y.average.of}`),
		row(`${homeName}’s rank`, (y) => (y.standing ? `${y.standing.rank}${y.standing.tiedWith ? '=' : ''} of ${y.standing.of}` : '')),
		row(`${homeName}’s quartile`, (y) => (y.standing ? ordinal(y.standing.quartile) : '')),
		...(each
			? neighbours.map((n, i) => row(n.name, (y) => { const v = y.neighbours[i]; return v?.rate === null ? (v?.marker ?? '') : rate(v?.rate ?? null); }))
			: [])
	];
}

const OUTSIDE: readonly Exclude<FunnelPosition, 'within'>[] = ['above-99.8', 'above-95', 'below-95', 'below-99.8'];

/** The authorities outside the limits, by how far: above 99.8%, above 95% only, below 95% only, below 99.8%. */
export function funnelOutliers(year: FunnelYear): { position: Exclude<FunnelPosition, 'within'>; text: string; names: string[] }[] {
	return OUTSIDE.map((position) => ({
		position,
		text: position.endsWith('95') ? `${POSITION_TEXT[position]} (within the 99.8%)` : POSITION_TEXT[position],
		names: year.points.filter((p) => p.position === position).map((p) => p.name).sort((a, b) => a.localeCompare(b))
	})).filter((g) => g.names.length > 0);
}

/** The funnel in brief: the centre, the home area, and how many lie within the limits. */
export function funnelLead(year: FunnelYear, homeName: string): string {
	const home = year.points.find((p) => p.role === 'home');
	const within = year.points.filter((p) => p.position === 'within').length;
	return [
		`${year.points.length} authorities in ${year.period}; England ${rate(year.centre)} per 10,000 children.`,
		home ? `${homeName}: ${rate(home.rate)}, ${POSITION_TEXT[home.position].toLowerCase()}.` : `${homeName} has no figure this year.`,
		`${within} within the 95% limits.`
	].join(' ');
}

/** The funnel's text alternative: its lead, then every authority outside the limits, named. */
export function funnelSummary(year: FunnelYear, homeName: string): string {
	return [funnelLead(year, homeName), ...funnelOutliers(year).map((g) => `${g.text}: ${g.names.join(', ')}.`)].join(' ');
}

export const FUNNEL_COLUMNS = [
	{ key: 'name', label: 'Authority' },
	{ key: 'role', label: 'Marked as' },
	{ key: 'children', label: 'Children aged 0–17', numeric: true },
	{ key: 'count', label: 'Assessments', numeric: true },
	{ key: 'rate', label: 'Rate per 10,000', numeric: true },
	...FUNNEL_LEVELS.flatMap((l) => [
		{ key: `lower-${l.id}`, label: `${l.label} lower limit`, numeric: true },
		{ key: `upper-${l.id}`, label: `${l.label} upper limit`, numeric: true }
	]),
	{ key: 'position', label: 'Against the limits' }
];

const ROLE = { home: 'Home area', neighbour: 'Neighbour', other: '' } as const;

/** One row per authority, the home area and its neighbours first, then by name. */
export function funnelRows(year: FunnelYear) {
	const order = { home: 0, neighbour: 1, other: 2 } as const;
	return [...year.points]
		.sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name))
		.map((p) => ({
			name: p.name,
			role: ROLE[p.role],
			children: formatValue(p.children, 'count'),
			count: formatValue(p.count, 'count'),
			rate: rate(p.rate),
			...Object.fromEntries(
				FUNNEL_LEVELS.flatMap((l) => {
					const limits = funnelLimits(year.centre, p.children, l.coverage);
					return [[`lower-${l.id}`, rate(limits.lower)], [`upper-${l.id}`, rate(limits.upper)]];
				})
			),
			position: POSITION_TEXT[p.position]
		}));
}

export const FUNNEL_METHOD =
	'Control limits: exact Poisson limits around England’s rate, 95% (dashed) and 99.8% (dotted). An authority of n children at England’s rate expects m = rate × n assessments; the limits on its count are the chi-square form of the exact Poisson interval, χ²(α/2; 2m)/2 to χ²(1 − α/2; 2m + 2)/2, as rates per 10,000. Exact, not a normal approximation, because a small authority has few assessments, where the Poisson distribution is skewed. Many authorities outside the limits mean the areas differ by more than chance: in recording and practice as well as in need.';
