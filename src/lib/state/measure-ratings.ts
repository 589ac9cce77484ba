// Every measure's current RAG in the workspace, for the pages that list or count measures by it
// (the exception report, the plan at a glance): the same reading as the report card's without
// filters (the home area's values; the latest reported period against its target and tolerance).
import type { Session } from '../db/database';
import { filteredMeasures, filteredValues, type ExplorerMeasure } from '../db/queries/explorer';
import type { ValueRow } from '../db/queries/measures';
import type { ToleranceFrom } from '../db/queries/tolerances';
import { storedTolerance, type MeasureRag, type Tolerance } from '../oba/measure-rag';
import { financialYearLabel } from '../oba/periods';
import { rateSeries } from '../oba/series-rag';
import { NO_FILTERS } from './filters';
import { seriesPoints } from './measure';

export interface MeasureRatingRow {
	measureId: string;
	name: string;
	quadrant: ExplorerMeasure['quadrant'];
	priority: number | null;
	/** The agency that owns the measure (measures.agency_id) and its name; null when none is given. */
	agencyId: string | null;
	agency: string | null;
	/** Null: not rated, and `why` says why ("No target set", "No value for the latest period" …). */
	rag: MeasureRag | null;
	why: string;
	/** The period rated ('2016/17 Q3'); null when the measure has no values. */
	period: string | null;
	value: number | null;
	target: number | null;
	tolerance: Tolerance;
	toleranceFrom: ToleranceFrom;
}

/** Each measure's rating from its rows: pure, for tests and for callers that have the rows already. */
export function ratingsOf(measures: readonly ExplorerMeasure[], values: readonly ValueRow[]): MeasureRatingRow[] {
	const byMeasure = new Map<string, ValueRow[]>();
	for (const v of values) {
		const mine = byMeasure.get(v.measure_id);
		if (mine) mine.push(v);
		else byMeasure.set(v.measure_id, [v]);
	}
	return measures.map((m) => {
		const points = seriesPoints(byMeasure.get(m.measure_id) ?? []);
		const tolerance = storedTolerance(m);
		const rating = rateSeries(points, m.polarity, tolerance);
		const latest = rating.period ? points.find((p) => p.period === rating.period) : undefined;
		return {
			measureId: m.measure_id, name: m.name, quadrant: m.quadrant, priority: m.priority, agencyId: m.agency_id, agency: m.agency,
			rag: rating.rag, why: rating.why, period: rating.period ? financialYearLabel(rating.period) : null,
			value: latest?.value ?? null, target: latest?.target ?? null, tolerance, toleranceFrom: m.tolerance_from
		};
	});
}

/** Every measure's current rating, in the report card's order (priority, then measure id). */
export async function measureRatings(db: Session): Promise<MeasureRatingRow[]> {
	const [measures, values] = await Promise.all([filteredMeasures(db, NO_FILTERS), filteredValues(db, NO_FILTERS)]);
	return ratingsOf(measures, values);
}
