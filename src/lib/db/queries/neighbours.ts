// An authority's statistical neighbours (the DfE model as loaded), nearest first, with their names.
import type { Session } from '../database';
import { str } from '../sql';

export interface NeighbourRow {
	rank: number;
	neighbour_code: string;
	/** The area's name where the areas table has it; else its code. */
	name: string;
	closeness: string;
	model: string;
}

export function statisticalNeighbours(db: Session, areaCode: string): Promise<NeighbourRow[]> {
	return db.rows<NeighbourRow>(`
		SELECT n.rank, n.neighbour_code, coalesce(a.name, n.neighbour_code) AS name, n.closeness, n.model
		FROM statistical_neighbours n LEFT JOIN areas a ON a.area_code = n.neighbour_code
		WHERE n.area_code = ${str(areaCode)}
		ORDER BY n.rank`);
}
