import type { Session } from '../database';
import { str } from '../sql';
import { seriesJoin } from '../measure-series';

/**
 * The children aged 0–17 (`alias`) for each value of `values` (with its area_code and period start):
 * a period takes the mid-year estimate of the year it starts in; 30 June Y is the estimate nearest
 * the middle of a financial year April Y – March Y+1.
 */
export function populationJoin(alias: string, values: string, start = 'period_start'): string {
	return `LEFT JOIN populations ${alias} ON ${alias}.area_code = ${values}.area_code AND ${alias}.mid_year = year(${values}.${start})`;
}

/** A value of a measure in one area and period, with the children aged 0–17 there. */
export interface AreaPopulationValue {
	area_code: string;
	area_name: string;
	/** 'Local authority', 'Regional' or 'National'. */
	area_level: string;
	period_start: Date;
	period_label: string;
	value: number | null;
	marker: string | null;
	/** Children aged 0–17 in the area, from the mid-year estimate nearest the period's middle; null where none is loaded. */
	population: number | null;
	population_year: number | null;
}

export interface IndicatorValueRow extends AreaPopulationValue {
	measure_id: string;
	/** Per 10,000 children; null where the value or the population is missing. */
	rate: number | null;
}

/**
 * Population indicators for `areas` (the home area and its comparators), as counts and as rates per 10,000 children.
 * A financial year Apr Y – Mar Y+1 takes the mid-Y estimate (30 June Y), the nearest to its middle.
 */
export function populationIndicators(db: Session, areas: readonly string[]): Promise<IndicatorValueRow[]> {
	return db.rows<IndicatorValueRow>(`
		SELECT v.measure_id, v.area_code, a.name AS area_name, a.level AS area_level, v.period_start, v.period_label,
			v.value, v.marker, p.population, p.mid_year AS population_year,
			round(v.value / p.population * 10000, 1) AS rate
		FROM measure_values v ${seriesJoin('v', 'quarter')}
		JOIN measures m USING (measure_id)
		JOIN areas a USING (area_code)
		${populationJoin('p', 'v')}
		WHERE m.quadrant = 'population' AND v.area_code IN (${areas.map(str).join(', ') || 'NULL'})
		ORDER BY v.measure_id, a.level, v.area_code, v.period_start`);
}
