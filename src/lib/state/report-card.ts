import type { Session } from '../db/database';
import { dataDevelopmentAgenda, type WantedMeasure } from '../db/queries/data-development';
import { filteredIds, filteredMeasures, filteredValues, filterOptions, type ExplorerMeasure, type FilterOptions } from '../db/queries/explorer';
import type { ValueRow } from '../db/queries/measures';
import { areaLocks } from '../db/queries/locks';
import { firstReviewDate } from '../db/queries/measure';
import { readSettings } from '../db/queries/settings';
import type { LockedForecast } from '../oba/baseline';
import type { Period } from '../oba/periods';
import { storedTolerance } from '../oba/measure-rag';
import { reportCardRow, type ReportCardRow } from '../oba/report-card';
import type { SeriesPoint } from '../oba/series-point';
import { NO_FILTERS, type Filters } from './filters';
import { seriesPoints } from './measure';
import { oncePerVersion } from './per-version';
import { defaultBaseline } from './turn-the-curve';
import { suppressValues } from '../export/suppress-values';

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
	/** The data development agenda under the same filters: the measures wanted but not yet available. */
	agenda: WantedMeasure[];
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

const iso = (d: Date) => new Date(d).toISOString().slice(0, 10);

/** Every measure's entry over a period range, by measure id: what the filters choose among. */
interface RangeCard {
	entries: Map<string, CardEntry>;
	firstReview: Date | null;
}

/** `suppressBelow`: safe to publish, small counts withheld before anything is worked out from them (null: none). */
async function rangeCard(db: Session, range: Pick<Filters, 'from' | 'to' | 'grain'>, suppressBelow: number | null): Promise<RangeCard> {
	const every = { ...NO_FILTERS, from: range.from, to: range.to, grain: range.grain };
	const [measures, values, firstReview, locks] = await Promise.all([
		filteredMeasures(db, every),
		filteredValues(db, every),
		firstReviewDate(db),
		readSettings(db).then((s) => areaLocks(db, s?.area_code ?? ''))
	]);
	const byMeasure = new Map<string, ValueRow[]>();
	for (const v of values) {
		const mine = byMeasure.get(v.measure_id);
		if (mine) mine.push(v);
		else byMeasure.set(v.measure_id, [v]);
	}
	const entries = new Map<string, CardEntry>();
	for (const measure of measures) {
		const given = byMeasure.get(measure.measure_id) ?? [];
		const mine = suppressBelow === null ? given : suppressValues(given, measure.unit, suppressBelow);
		const points = seriesPoints(mine);
		const locked = locks.find((l) => l.measureId === measure.measure_id)?.locked ?? null;
		const row = reportCardRow(
			{
				id: measure.measure_id,
				name: measure.name,
				unit: measure.unit,
				polarity: measure.polarity,
				tolerance: storedTolerance(measure),
				ratedOn: suppressBelow === null ? undefined : seriesPoints(given)
			},
			points,
			{ ...baselineFor(points, firstReview), locked },
			{ firstReview: firstReview ? iso(firstReview) : null }
		);
		entries.set(measure.measure_id, { measure, row, values: mine, locked });
	}
	return { entries, firstReview };
}

/**
 * Every measure the filters select, with its report card row computed by the OBA rules.
 * `version`: the data's version (workspace.version). A row depends on the data, the period
 * range and the periods shown (quarters or months) only, so every measure's is worked out once per version and range; a change of the
 * other filters asks DuckDB only which measures (and which wanted measures of the data
 * development agenda) they select, and draws the same entries again.
 */
export async function loadReportCard(db: Session, filters: Filters, version?: number, suppressBelow: number | null = null): Promise<ReportCardData> {
	const [ids, card, options, agenda] = await Promise.all([
		filteredIds(db, filters),
		oncePerVersion(db, 'report-card', version, () => rangeCard(db, filters, suppressBelow), `${filters.from ?? ''}..${filters.to ?? ''}|${filters.grain}|${suppressBelow ?? ''}`),
		oncePerVersion(db, 'filter-options', version, () => filterOptions(db)),
		oncePerVersion(db, 'agenda', version, () => dataDevelopmentAgenda(db, NO_FILTERS))
	]);
	const entries = ids.measures.flatMap((id) => card.entries.get(id) ?? []);
	return { entries, options, firstReview: card.firstReview, agenda: agenda.filter((w) => ids.wanted.has(w.measure_id)) };
}
