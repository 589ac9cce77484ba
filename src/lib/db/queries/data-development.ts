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

/**
 * The agenda under the page's filters (priority, agency as its owner, quadrant, search), most
 * needed first, then in the file's order. Filtered by the same SQL as the measures: the owner
 * stands in for the measure's agency.
 */
export function dataDevelopmentAgenda(db: Session, filters: Filters): Promise<WantedMeasure[]> {
	return db.rows<WantedMeasure>(`
		WITH m AS (SELECT d.*, d.owner_id AS agency_id FROM data_development d),
		arrived AS (
			SELECT measure_id, first(period_label ORDER BY period_start) AS arrived_from FROM ${HOME_VALUES}
			WHERE measure_id IN (SELECT measure_id FROM data_development) GROUP BY measure_id)
		SELECT m.measure_id, m.name, m.owner_id, a.name AS owner, m.data_priority, m.priority, p.name AS priority_name,
			m.quadrant, m.why, m.due, m.source, arrived.arrived_from
		FROM m JOIN agencies a ON a.agency_id = m.owner_id
		LEFT JOIN priorities p ON p.priority = m.priority
		LEFT JOIN arrived USING (measure_id)
		WHERE ${measureWhere(filters)}
		ORDER BY CASE m.data_priority WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, m.ordinal`);
}
