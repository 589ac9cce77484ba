import type { Session } from '../db/database';
import { dataDevelopmentAgenda, type WantedMeasure } from '../db/queries/data-development';
import { filteredMeasures, filteredValues, type ExplorerMeasure } from '../db/queries/explorer';
import type { ValueRow } from '../db/queries/measures';
import { agencyList, ragTrajectory, type AgencyRow, type TrajectoryRow } from '../db/queries/plan-items';
import { NO_FILTERS, type Filters } from './filters';
import { loadPlan, type PlanData } from './plan';

export interface AgencyData {
	agency: AgencyRow | null;
	plan: PlanData;
	trajectory: TrajectoryRow[];
	measures: ExplorerMeasure[];
	values: Map<string, ValueRow[]>;
	/** Items this agency leads with another agency too. */
	shared: number;
	/** The measures on the data development agenda that it owns getting. */
	agenda: WantedMeasure[];
}

/** One agency's page: the items it leads, their trajectory, the measures it reports and the data it owns getting. */
export async function loadAgency(db: Session, agencyId: string): Promise<AgencyData> {
	const filters: Filters = { ...NO_FILTERS, agencies: [agencyId] };
	const [agencies, plan, trajectory, measures, values, agenda] = await Promise.all([
		agencyList(db),
		loadPlan(db, filters),
		ragTrajectory(db, filters),
		filteredMeasures(db, filters),
		filteredValues(db, filters),
		dataDevelopmentAgenda(db, filters)
	]);
	const byMeasure = new Map<string, ValueRow[]>();
	for (const v of values) byMeasure.set(v.measure_id, [...(byMeasure.get(v.measure_id) ?? []), v]);
	const shared = [...plan.leads.entries()].filter(
		([item, leads]) => leads.length > 1 && leads.some((l) => l.agency_id === agencyId) && plan.reviews.has(item)
	).length;
	return { agency: agencies.find((a) => a.agency_id === agencyId) ?? null, plan, trajectory, measures, values: byMeasure, shared, agenda };
}
