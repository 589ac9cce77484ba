import type { Session } from '../db/database';
import { agencyList, agencyReviewGrid, type AgencyReviewRow, type AgencyRow } from '../db/queries/plan-items';
import { formatReviewDate } from '../oba/periods';

export interface AgenciesData {
	agencies: AgencyRow[];
	reviews: { date: string; label: string }[];
	grid: Map<string, AgencyReviewRow[]>;
}

const iso = (d: Date) => new Date(d).toISOString().slice(0, 10);

export async function loadAgencies(db: Session): Promise<AgenciesData> {
	const [agencies, cells] = await Promise.all([agencyList(db), agencyReviewGrid(db)]);
	const grid = new Map<string, AgencyReviewRow[]>();
	const dates = new Set<string>();
	for (const cell of cells) {
		dates.add(iso(cell.review));
		grid.set(`${cell.agency_id} ${iso(cell.review)}`, [...(grid.get(`${cell.agency_id} ${iso(cell.review)}`) ?? []), cell]);
	}
	return {
		agencies,
		reviews: [...dates].sort().map((date) => ({ date, label: formatReviewDate(date) })),
		grid
	};
}
