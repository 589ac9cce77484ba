import type { Session } from '../db/database';
import { importLog, type ImportRow } from '../db/queries/imports';
import { localValues, measures, type MeasureRow, type ValueRow } from '../db/queries/measures';
import { ragByPriorityAndReview, priorities, type PriorityRow, type RagCountRow } from '../db/queries/plan';
import { populationIndicators, type IndicatorValueRow } from '../db/queries/population';
import { statisticalNeighbours, type NeighbourRow } from '../db/queries/neighbours';
import { formatReviewDate } from '../oba/periods';
import { readSettings } from '../db/queries/settings';
import { homeArea, type HomeArea } from './home-area';
import { POPULATION_INDICATORS } from '../ingest/areas/area-files';

export interface Review {
	date: string;
	label: string;
	/** Where the review's ratings came from: seed, sample or imported. */
	source: string;
}

export interface HomeData {
	priorities: PriorityRow[];
	reviews: Review[];
	ragCounts: RagCountRow[];
	measures: MeasureRow[];
	values: Map<string, ValueRow[]>;
	indicators: { measure: MeasureRow; rows: IndicatorValueRow[] }[];
	/** The home area's statistical neighbours, nearest first (none until the model is loaded). */
	neighbours: NeighbourRow[];
	imports: ImportRow[];
	/** The partnership's area, its comparators and its settings; null before an area is chosen. */
	home: HomeArea | null;
}

/** Population indicators in the order the partnership chose them (CSE first), then any others. */
function indicatorOrder(id: string): number {
	const i = POPULATION_INDICATORS.findIndex((x) => x.measureId === id);
	return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

const isoDate = (d: Date) => new Date(d).toISOString().slice(0, 10);

/** Everything the home page draws, read in one go. */
export async function loadHome(db: Session): Promise<HomeData> {
	const home = homeArea(await readSettings(db));
	const neighbours = home ? await statisticalNeighbours(db, home.code) : [];
	// The home area, its region and England, and its neighbours (whose rows are there once every
	// authority's figures are loaded): their average is drawn beside the comparators.
	const shown = home ? [home.code, ...home.comparators.map((c) => c.code), ...neighbours.map((n) => n.neighbour_code)] : [];
	const [priorityRows, ragCounts, measureRows, valueRows, indicatorRows, imports] = await Promise.all([
		priorities(db),
		ragByPriorityAndReview(db),
		measures(db),
		localValues(db),
		home ? populationIndicators(db, shown) : Promise.resolve([]),
		importLog(db)
	]);
	const reviews = new Map<string, Review>();
	for (const row of ragCounts) {
		const date = isoDate(row.review);
		reviews.set(date, { date, label: formatReviewDate(date), source: row.source });
	}
	const values = new Map<string, ValueRow[]>();
	for (const row of valueRows) {
		const mine = values.get(row.measure_id);
		if (mine) mine.push(row);
		else values.set(row.measure_id, [row]);
	}
	return {
		priorities: priorityRows,
		reviews: [...reviews.values()].sort((a, b) => a.date.localeCompare(b.date)),
		ragCounts,
		measures: measureRows,
		values,
		indicators: measureRows
			.filter((m) => m.quadrant === 'population')
			.sort((a, b) => indicatorOrder(a.measure_id) - indicatorOrder(b.measure_id))
			.map((measure) => ({ measure, rows: indicatorRows.filter((r) => r.measure_id === measure.measure_id) })),
		neighbours,
		imports,
		home
	};
}
