import type { Session } from '../database';
import { TOLERANCE_JOIN, TOLERANCE_SELECT, type ToleranceColumns } from './tolerances';
import { HOME_VALUES } from '../home-values';
import { seriesJoin, type Grain } from '../measure-series';

export interface MeasureRow extends ToleranceColumns {
	measure_id: string;
	name: string;
	quadrant: 'how_much' | 'how_well' | 'better_off' | 'population';
	priority: number | null;
	agency: string | null;
	polarity: 'higher' | 'lower' | 'range' | null;
	unit: string;
	source: string;
	description: string | null;
}

/** Every measure with its lead agency's name. */
export function measures(db: Session): Promise<MeasureRow[]> {
	return db.rows<MeasureRow>(`
		SELECT m.measure_id, m.name, m.quadrant, m.priority, a.name AS agency, m.polarity, m.unit, m.source, m.description, ${TOLERANCE_SELECT}
		FROM measures m LEFT JOIN agencies a USING (agency_id) ${TOLERANCE_JOIN}
		ORDER BY m.priority NULLS FIRST, m.quadrant, m.measure_id`);
}

export interface ValueRow {
	measure_id: string;
	area_code: string;
	period_start: Date;
	period_label: string;
	value: number | null;
	marker: string | null;
	numerator: number | null;
	denominator: number | null;
	target: number | null;
	note: string | null;
}

/**
 * The partnership's own values of its measures (not population indicators), in period order:
 * the home area's only, though a file may bring the same measures for other areas.
 */
export function localValues(db: Session, grain: Grain = 'quarter'): Promise<ValueRow[]> {
	return db.rows<ValueRow>(`
		SELECT v.measure_id, v.area_code, v.period_start, v.period_label, v.value, v.marker, v.numerator, v.denominator, v.target, v.note
		FROM ${HOME_VALUES} v JOIN measures m USING (measure_id) ${seriesJoin('v', grain)}
		WHERE m.quadrant <> 'population'
		ORDER BY v.measure_id, v.period_start`);
}
