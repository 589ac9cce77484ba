// The exception report's contents, from the same report card rows and review ratings as the pages
// and the board report: the overview's (every measure, the latest review) and the report's (its
// filters, the review it reports) go through exceptionsFrom alike.
import type { Session } from '../db/database';
import { itemLeads, itemsAtReview, reviewDates, type ItemAtReviewRow, type ItemLeadRow } from '../db/queries/plan-items';
import { selectExceptions, type Exception } from '../oba/exceptions';
import { formatReviewDate } from '../oba/periods';
import { NO_FILTERS } from './filters';
import { loadReportCard, type CardEntry } from './report-card';

export interface ExceptionData {
	exceptions: Exception[];
	/** The review the items' ratings are from, as a label ('Dec 2018'); null when the plan has none. */
	review: string | null;
}

/** The exceptions among these measures (rated by their rows, with their tolerances) and items. */
export function exceptionsFrom(
	entries: readonly CardEntry[],
	items: readonly ItemAtReviewRow[],
	leads: readonly ItemLeadRow[],
	review: string | null
): Exception[] {
	const seen = new Set<string>();
	const measures = entries
		.filter((e) => !seen.has(e.measure.measure_id) && seen.add(e.measure.measure_id))
		.map((e) => ({ row: e.row, priority: e.measure.priority, owner: e.measure.agency }));
	const candidates = items.map((i) => ({
		itemId: i.item_id,
		action: i.action,
		priority: i.priority,
		rag: i.rag,
		owners: leads.filter((l) => l.item_id === i.item_id).map((l) => l.name)
	}));
	return selectExceptions(measures, candidates, review);
}

const iso = (d: Date) => new Date(d).toISOString().slice(0, 10);

/** The overview's exceptions: every measure as the report card rates it, every item at the latest review. */
export async function loadExceptions(db: Session, version?: number): Promise<ExceptionData> {
	const [card, dates, leads] = await Promise.all([loadReportCard(db, NO_FILTERS, version), reviewDates(db), itemLeads(db)]);
	const latest = dates.at(-1);
	const review = latest ? iso(latest) : null;
	const items = review ? await itemsAtReview(db, review, NO_FILTERS) : [];
	const label = review ? formatReviewDate(review) : null;
	return { exceptions: exceptionsFrom(card.entries, items, leads, label), review: label };
}
