import type { Session } from '../db/database';
import { filteredMeasures, filteredValues, filterOptions, type ExplorerMeasure, type FilterOptions } from '../db/queries/explorer';
import type { ValueRow } from '../db/queries/measures';
import { areaLocks } from '../db/queries/locks';
import { firstReviewDate } from '../db/queries/measure';
import { HOME_AREA } from '../db/schema';
import type { LockedForecast } from '../oba/baseline';
import type { Period } from '../oba/periods';
import { reportCardRow, type ReportCardRow } from '../oba/report-card';
import type { SeriesPoint } from '../oba/series-point';
import type { Filters } from './filters';
import { seriesPoints } from './measure';
import { oncePerVersion } from './per-version';
import { defaultBaseline } from './turn-the-curve';

export interface CardEntry {
	measure: ExplorerMeasure;
	row: ReportCardRow;
	values: ValueRow[];
	/** The forecast locked on the measure page, which the verdict judges by; null when none. */
	locked: LockedForecast | null;
}

export interface ReportCardData {
	entries: CardEntry[];
	options: FilterOptions;
	firstReview: Date | null;
}

/**
 * The baseline a report card judges by: for quarterly measures, every quarter before the plan's
 * first review; for yearly indicators, the first four years.
 */
export function baselineFor(points: readonly SeriesPoint[], firstReview: Date | null): { from?: Period; to?: Period } {
	const withValues = points.filter((p) => p.value !== null);
	if (withValues[0]?.period.kind === 'year') {
		return withValues.length > 4 ? { from: withValues[0].period, to: withValues[3]!.period } : {};
	}
	const { from, to } = defaultBaseline(points, firstReview);
	return { from: from ?? undefined, to: to ?? undefined };
}

/**
 * Every measure the filters select, with its report card row computed by the OBA rules.
 * `version`: the data's version (workspace.version), so that what filters do not change is asked once.
 */
export async function loadReportCard(db: Session, filters: Filters, version?: number): Promise<ReportCardData> {
	const [measures, values, options, reviews, locks] = await Promise.all([
		filteredMeasures(db, filters),
		filteredValues(db, filters),
		oncePerVersion('filter-options', version, () => filterOptions(db)),
		oncePerVersion('first-review', version, () => firstReviewDate(db)),
		areaLocks(db, HOME_AREA.code)
	]);
	const firstReview = reviews;
	const byMeasure = new Map<string, ValueRow[]>();
	for (const v of values) {
		const mine = byMeasure.get(v.measure_id);
		if (mine) mine.push(v);
		else byMeasure.set(v.measure_id, [v]);
	}
	const entries = measures.map((measure) => {
		const mine = byMeasure.get(measure.measure_id) ?? [];
		const points = seriesPoints(mine);
		const locked = locks.find((l) => l.measureId === measure.measure_id)?.locked ?? null;
		const row = reportCardRow(
			{ id: measure.measure_id, name: measure.name, unit: measure.unit, polarity: measure.polarity },
			points,
			{ ...baselineFor(points, firstReview), locked }
		);
		return { measure, row, values: mine, locked };
	});
	return { entries, options, firstReview };
}
