// A measure in every area it has values for — the partnership's own and its comparators (the
// region, England) — with the children aged 0–17 in each area and period, for rates per 10,000.
import type { Session } from '../database';
import { str } from '../sql';
import { seriesJoin, type Grain } from '../measure-series';
import { populationJoin, type AreaPopulationValue } from './population';

export interface AreaValueRow extends AreaPopulationValue {
	target: number | null;
}

/**
 * Every area's values of a measure, nearest areas first (local authority, region, nation), in
 * period order. A period takes the mid-year estimate of the year it starts in: 30 June Y is the
 * estimate nearest the middle of a financial year April Y – March Y+1, and of each of its quarters
 * but the last (January–March Y+1 starts in Y+1, and takes that year's).
 */
export function areaValues(db: Session, measureId: string, grain: Grain = 'quarter'): Promise<AreaValueRow[]> {
	return db.rows<AreaValueRow>(`
		SELECT v.area_code, coalesce(a.name, v.area_code) AS area_name, coalesce(a.level, '') AS area_level,
			v.period_start, v.period_label, v.value, v.marker, v.target, p.population, p.mid_year AS population_year
		FROM measure_values v ${seriesJoin('v', grain)}
		LEFT JOIN areas a USING (area_code)
		${populationJoin('p', 'v')}
		WHERE v.measure_id = ${str(measureId)}
		ORDER BY CASE a.level WHEN 'Local authority' THEN 0 WHEN 'Regional' THEN 1 WHEN 'National' THEN 2 ELSE 3 END,
			v.area_code, v.period_start`);
}
