import type { Session } from '../database';
import { TOLERANCE_JOIN, TOLERANCE_SELECT, type ToleranceColumns } from './tolerances';
import type { Filters } from '../../state/filters';
import { HOME_VALUES } from '../home-values';
import { hasMonthlyData, seriesJoin } from '../measure-series';
import { selectedWantedSql } from './data-development';
import { measureWhere, periodWhere } from './filter-sql';
import type { ValueRow } from './measures';

export interface ExplorerMeasure extends ToleranceColumns {
	measure_id: string;
	name: string;
	quadrant: 'how_much' | 'how_well' | 'better_off' | 'population';
	priority: number | null;
	priority_name: string | null;
	agency_id: string | null;
	agency: string | null;
	polarity: 'higher' | 'lower' | 'range' | null;
	unit: string;
	source: string;
	description: string | null;
	/** How months add up (oba/rollup-rules.ts) and the kind of year, as the file gave them; null: not given. */
	rollup: string | null;
	year_type: string | null;
}

/** The measures the filters select, with their priority's and agency's names. */
export function filteredMeasures(db: Session, filters: Filters): Promise<ExplorerMeasure[]> {
	return db.rows<ExplorerMeasure>(`
		SELECT m.measure_id, m.name, m.quadrant, m.priority, p.name AS priority_name, m.agency_id, a.name AS agency,
			m.polarity, m.unit, m.source, m.description, m.rollup, m.year_type, ${TOLERANCE_SELECT}
		FROM measures m LEFT JOIN agencies a USING (agency_id) LEFT JOIN priorities p USING (priority) ${TOLERANCE_JOIN}
		WHERE ${measureWhere(filters)}
		ORDER BY m.priority NULLS FIRST, m.measure_id`);
}

/**
 * What the filters select: the measures' ids in the report card's order (filteredMeasures'), and
 * the ids of the measures wanted on the data development agenda. One question, as a filter
 * change asks it: a second round trip to DuckDB's worker cost about 20 ms a change.
 */
export async function filteredIds(db: Session, filters: Filters): Promise<{ measures: string[]; wanted: Set<string> }> {
	const rows = await db.rows<{ wanted: boolean; measure_id: string }>(`
		SELECT * FROM (
			SELECT false AS wanted, m.measure_id, row_number() OVER (ORDER BY m.priority NULLS FIRST, m.measure_id) AS n
			FROM measures m WHERE ${measureWhere(filters)}
			UNION ALL SELECT true, measure_id, 0 FROM (${selectedWantedSql(filters)}))
		ORDER BY wanted, n`);
	return { measures: rows.filter((r) => !r.wanted).map((r) => r.measure_id), wanted: new Set(rows.filter((r) => r.wanted).map((r) => r.measure_id)) };
}

/** Their values in the home area within the period range, in period order. */
export function filteredValues(db: Session, filters: Filters): Promise<ValueRow[]> {
	return db.rows<ValueRow>(`
		SELECT v.measure_id, v.area_code, v.period_start, v.period_label, v.value, v.marker, v.numerator, v.denominator, v.target, v.note
		FROM ${HOME_VALUES} v JOIN measures m USING (measure_id) ${seriesJoin('v', filters.grain)}
		WHERE ${measureWhere(filters)} AND ${periodWhere(filters)}
		ORDER BY v.measure_id, v.period_start`);
}

export interface FilterOptions {
	priorities: { priority: number; name: string }[];
	agencies: { agency_id: string; name: string; measures: number }[];
	periods: string[];
	/** Some measure has monthly data: the periods can be shown as months. */
	monthly: boolean;
}

/** What the filters can choose from: only values that select something. */
export async function filterOptions(db: Session): Promise<FilterOptions> {
	const [priorities, agencies, periods, monthly] = await Promise.all([
		db.rows<{ priority: number; name: string }>(`SELECT priority, name FROM priorities ORDER BY priority`),
		db.rows<{ agency_id: string; name: string; measures: number }>(`
			SELECT a.agency_id, a.name, count(*) AS measures FROM measures m JOIN agencies a USING (agency_id)
			GROUP BY ALL ORDER BY a.name`),
		db.rows<{ label: string }>(`
			SELECT DISTINCT period_label AS label, period_start FROM measure_values WHERE period_kind = 'quarter' ORDER BY period_start`),
		hasMonthlyData(db)
	]);
	return { priorities, agencies, periods: periods.map((p) => p.label), monthly };
}
