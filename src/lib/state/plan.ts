import type { Session } from '../db/database';
import { itemLeads, planItems, planReviews, type ItemLeadRow, type ItemReviewRow, type PlanItemRow } from '../db/queries/plan-items';
import { filterOptions, type FilterOptions } from '../db/queries/explorer';
import { agencyList } from '../db/queries/plan-items';
import type { Filters } from './filters';

export interface PlanAction {
	action_id: string;
	action: string;
	items: PlanItemRow[];
}

export interface PlanPriority {
	priority: number;
	name: string;
	actions: PlanAction[];
}

export interface PlanData {
	priorities: PlanPriority[];
	reviews: Map<string, ItemReviewRow[]>;
	leads: Map<string, ItemLeadRow[]>;
	options: FilterOptions;
	count: number;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
	return groups;
}

/** The action plan page: the filtered items, grouped by priority and action as the plan sets them out. */
export async function loadPlan(db: Session, filters: Filters): Promise<PlanData> {
	const [items, reviews, leads, options, agencies] = await Promise.all([
		planItems(db, filters),
		planReviews(db, filters),
		itemLeads(db),
		filterOptions(db),
		agencyList(db)
	]);
	const priorities: PlanPriority[] = [];
	for (const [, rows] of groupBy(items, (i) => String(i.priority))) {
		const actions = [...groupBy(rows, (i) => i.action_id)].map(([action_id, its]) => ({ action_id, action: its[0]!.action, items: its }));
		priorities.push({ priority: rows[0]!.priority, name: rows[0]!.priority_name, actions });
	}
	return {
		priorities,
		reviews: groupBy(reviews, (r) => r.item_id),
		leads: groupBy(leads, (l) => l.item_id),
		options: { ...options, agencies: agencies.filter((a) => a.items > 0).map((a) => ({ agency_id: a.agency_id, name: a.name, measures: a.items })) },
		count: items.length
	};
}
