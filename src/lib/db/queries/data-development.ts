import type { DataPriority } from '../../oba/data-priority';
import type { Quadrant } from '../../oba/quadrants';
import type { Filters } from '../../state/filters';
import type { Session } from '../database';
import { HOME_VALUES } from '../home-values';
import { measureWhere } from './filter-sql';

/** A measure on the data development agenda, as the agenda lists it. */
export interface WantedMeasure {
	measure_id: string;
	name: string;
	owner_id: string;
	owner: string;
	data_priority: DataPriority;
	priority: number | null;
	priority_name: string | null;
	quadrant: Quadrant | null;
	why: string | null;
	due: string | null;
	source: string;
	/** The first period of its data, once data for its id has been imported (the home area's); else null. */
	arrived_from: string | null;
}

/** The wanted measures the filters select: the same SQL as the measures', the owner standing in for the agency. */
export function selectedWantedSql(filters: Filters): string {
	return `SELECT m.measure_id FROM (SELECT d.*, d.owner_id AS agency_id FROM data_development d) m WHERE ${measureWhere(filters)}`;
}

/**
 * The agenda under the filters (priority, agency as its owner, quadrant, search), most needed
 * first, then in the file's order.
 */
export function dataDevelopmentAgenda(db: Session, filters: Filters): Promise<WantedMeasure[]> {
	return db.rows<WantedMeasure>(`
		WITH arrived AS (
			SELECT measure_id, first(period_label ORDER BY period_start) AS arrived_from FROM ${HOME_VALUES}
			WHERE measure_id IN (SELECT measure_id FROM data_development) GROUP BY measure_id)
		SELECT d.measure_id, d.name, d.owner_id, a.name AS owner, d.data_priority, d.priority, p.name AS priority_name,
			d.quadrant, d.why, d.due, d.source, arrived.arrived_from
		FROM data_development d JOIN agencies a ON a.agency_id = d.owner_id
		LEFT JOIN priorities p ON p.priority = d.priority
		LEFT JOIN arrived USING (measure_id)
		WHERE d.measure_id IN (${selectedWantedSql(filters)})
		ORDER BY CASE d.data_priority WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, d.ordinal`);
}
