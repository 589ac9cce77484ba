import type { Session } from '../db/database';
import { itemLeads, planItems, planReviews, type ItemLeadRow, type ItemReviewRow, type PlanItemRow } from '../db/queries/plan-items';
import { filterOptions, type FilterOptions } from '../db/queries/explorer';
import { agencyList, itemIdsSql, reviewDates } from '../db/queries/plan-items';
import { transitionCounts, type TransitionRow } from '../db/queries/transitions';
import { redAtConsecutiveReviews, slippedFromGreen } from '../oba/rag';
import { pastTimescale } from '../oba/timescale';
import { formatReviewDate } from '../oba/periods';
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
	transitions: TransitionRow[];
	flags: ItemFlag[];
}

export interface ItemFlag {
	item_id: string;
	flag: 'red twice' | 'slipped from green' | 'past timescale';
	text: string;
}

const iso = (d: Date) => new Date(d).toISOString().slice(0, 10);

/** What the board must look at: items red at two reviews running, slipped from green, or overdue. */
export function itemFlags(items: readonly PlanItemRow[], reviews: Map<string, ItemReviewRow[]>, reviewDates: readonly string[]): ItemFlag[] {
	const latest = reviewDates.at(-1);
	return items.flatMap((item) => {
		const mine = reviews.get(item.item_id) ?? [];
		const history = reviewDates.map((d) => mine.find((r) => iso(r.review) === d)?.rag ?? null);
		const flags: ItemFlag[] = [];
		if (redAtConsecutiveReviews(history)) flags.push({ item_id: item.item_id, flag: 'red twice', text: 'Red at the last two reviews' });
		if (slippedFromGreen(history)) flags.push({ item_id: item.item_id, flag: 'slipped from green', text: 'Slipped from green at the latest review' });
		if (latest && pastTimescale(item.timescale, latest, history.at(-1) ?? null)) {
			flags.push({ item_id: item.item_id, flag: 'past timescale', text: `Past its timescale (“${item.timescale}”) and not complete at ${formatReviewDate(latest)}` });
		}
		return flags;
	});
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) {
		const group = groups.get(key(row));
		if (group) group.push(row);
		else groups.set(key(row), [row]);
	}
	return groups;
}

/** The action plan page: the filtered items, grouped by priority and action as the plan sets them out. */
export async function loadPlan(db: Session, filters: Filters): Promise<PlanData> {
	const [items, reviews, leads, options, agencies, transitions, dates] = await Promise.all([
		planItems(db, filters),
		planReviews(db, filters),
		itemLeads(db),
		filterOptions(db),
		agencyList(db),
		transitionCounts(db, itemIdsSql(filters)),
		reviewDates(db)
	]);
	const byItem = groupBy(reviews, (r) => r.item_id);
	const priorities: PlanPriority[] = [];
	for (const [, rows] of groupBy(items, (i) => String(i.priority))) {
		const actions = [...groupBy(rows, (i) => i.action_id)].map(([action_id, its]) => ({ action_id, action: its[0]!.action, items: its }));
		priorities.push({ priority: rows[0]!.priority, name: rows[0]!.priority_name, actions });
	}
	return {
		priorities,
		reviews: byItem,
		leads: groupBy(leads, (l) => l.item_id),
		options: { ...options, agencies: agencies.filter((a) => a.items > 0).map((a) => ({ agency_id: a.agency_id, name: a.name, measures: a.items })) },
		count: items.length,
		transitions,
		flags: itemFlags(items, byItem, dates.map(iso))
	};
}
