import type { Session } from '../db/database';
import { measureById, measureMonths, measureValues, priorityItems, priorityReviewMix, type PriorityItemRow, type ReviewMix } from '../db/queries/measure';
import { areaValues, type AreaValueRow } from '../db/queries/comparators';
import type { ExplorerMeasure } from '../db/queries/explorer';
import { measureLocks, type KeptLock } from '../db/queries/locks';
import { measureNotes, type UserNote } from '../db/queries/notes';
import type { ValueRow } from '../db/queries/measures';
import { readSettings } from '../db/queries/settings';
import { homeArea, type HomeArea } from './home-area';
import { periodOfLabel } from '../oba/periods';
import type { SeriesPoint } from '../oba/series-point';
import type { Grain } from '../db/measure-series';
import { monthlyView, type MonthlyView } from './monthly';

export interface MeasureData {
	measure: ExplorerMeasure | null;
	values: ValueRow[];
	points: SeriesPoint[];
	items: PriorityItemRow[];
	reviewMix: ReviewMix[];
	/** The measure's locked forecasts, any area and figure. */
	locks: KeptLock[];
	/** The notes the user added, in the home area. */
	notes: UserNote[];
	/** Its values in the home area and its comparators (and any area a file of the user's brought), with the children aged 0–17 in each. */
	areas: AreaValueRow[];
	/** The partnership's area (the settings'), or null before one is chosen. */
	home: HomeArea | null;
	/** For a measure with monthly data: its roll-up rule, kind of year and year to date; else null. */
	monthly: MonthlyView | null;
}

/** A measure's home-area values as the pure OBA rules read them. */
export function seriesPoints(values: readonly ValueRow[]): SeriesPoint[] {
	return values.flatMap((v) => {
		const period = periodOfLabel(v.period_label);
		return period ? [{ period, value: v.value, marker: v.marker, target: v.target }] : [];
	});
}

/** The measure's series at `grain`: months, for a measure that has them, or quarters (else years). */
export async function loadMeasure(db: Session, id: string, grain: Grain = 'quarter'): Promise<MeasureData> {
	const measure = await measureById(db, id);
	const settings = await readSettings(db);
	const home = homeArea(settings);
	if (!measure) return { measure: null, values: [], points: [], items: [], reviewMix: [], locks: [], notes: [], areas: [], home, monthly: null };
	const [all, months, items, reviewMix, locks, notes, areas] = await Promise.all([
		measureValues(db, id, grain),
		measureMonths(db, id),
		measure.priority === null ? Promise.resolve([]) : priorityItems(db, measure.priority),
		measure.priority === null ? Promise.resolve([]) : priorityReviewMix(db, measure.priority),
		measureLocks(db, id),
		measureNotes(db, id, home?.code ?? ''),
		areaValues(db, id, grain)
	]);
	const values = all.filter((v) => v.area_code === home?.code);
	const monthly = monthlyView(measure, months.filter((v) => v.area_code === home?.code));
	return { measure, values, points: seriesPoints(values), items, reviewMix, locks, notes, areas, home, monthly };
}
