import type { Session } from '../database';
import type { Rag } from '../../oba/rag';
import type { Filters } from '../../state/filters';
import { num, str } from '../sql';

export interface PlanItemRow {
	item_id: string;
	action_id: string;
	action: string;
	priority: number;
	priority_name: string;
	how: string | null;
	timescale: string | null;
	lead_text: string | null;
	/** RAG at the latest review of the plan, and at the one before. */
	current_rag: Rag | null;
	previous_rag: Rag | null;
	changed: boolean;
	latest_progress: string | null;
}

export interface ItemReviewRow {
	item_id: string;
	review: Date;
	rag: Rag | null;
	progress: string | null;
	source: string;
}

export interface ItemLeadRow {
	item_id: string;
	agency_id: string;
	name: string;
}

/** The latest two review dates of the plan, as SQL. */
const LAST_TWO = `(SELECT list(review ORDER BY review DESC)[1:2] AS d FROM (SELECT DISTINCT review FROM reviews))`;

/** Items with their current and previous RAG; the filters pushed down to DuckDB. */
function itemsSql(filters: Filters): string {
	const where = ['true'];
	if (filters.priorities.length) where.push(`priority IN (${filters.priorities.map(num).join(', ')})`);
	if (filters.agencies.length)
		where.push(`item_id IN (SELECT item_id FROM item_leads WHERE agency_id IN (${filters.agencies.map(str).join(', ')}))`);
	if (filters.rags.length) {
		const rated = filters.rags.filter((r) => r !== 'none');
		const parts = rated.length ? [`current_rag IN (${rated.map(str).join(', ')})`] : [];
		if (filters.rags.includes('none')) parts.push('current_rag IS NULL');
		where.push(`(${parts.join(' OR ')})`);
	}
	if (filters.changed) where.push('has_previous AND current_rag IS DISTINCT FROM previous_rag');
	if (filters.search) {
		const pattern = str(`%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
		where.push(`(action ILIKE ${pattern} ESCAPE '\\' OR how ILIKE ${pattern} ESCAPE '\\' OR lead_text ILIKE ${pattern} ESCAPE '\\')`);
	}
	return `
		WITH d AS ${LAST_TWO},
		items_now AS (
			SELECT i.item_id, i.action_id, a.action, a.priority, p.name AS priority_name, i.how, i.timescale, i.lead_text, i.ordinal,
				(SELECT rag FROM reviews r WHERE r.item_id = i.item_id AND r.review = d.d[1]) AS current_rag,
				(SELECT rag FROM reviews r WHERE r.item_id = i.item_id AND r.review = d.d[2]) AS previous_rag,
				(SELECT progress FROM reviews r WHERE r.item_id = i.item_id AND progress IS NOT NULL ORDER BY review DESC LIMIT 1) AS latest_progress,
				len(d.d) = 2 AS has_previous
			FROM items i JOIN actions a USING (action_id) JOIN priorities p USING (priority), d)
		SELECT * EXCLUDE (has_previous), has_previous AND current_rag IS DISTINCT FROM previous_rag AS changed
		FROM items_now WHERE ${where.join(' AND ')}`;
}

/** SQL selecting the item_id of every item the filters select. */
export function itemIdsSql(filters: Filters): string {
	return `SELECT item_id FROM (${itemsSql(filters)})`;
}

export function planItems(db: Session, filters: Filters): Promise<PlanItemRow[]> {
	return db.rows<PlanItemRow>(`SELECT * EXCLUDE (ordinal) FROM (${itemsSql(filters)}) ORDER BY priority, ordinal`);
}

/** Every review of the items the filters select. */
export function planReviews(db: Session, filters: Filters): Promise<ItemReviewRow[]> {
	return db.rows<ItemReviewRow>(`
		SELECT r.item_id, r.review, r.rag, r.progress, r.source FROM reviews r
		WHERE r.item_id IN (SELECT item_id FROM (${itemsSql(filters)}))
		ORDER BY r.item_id, r.review`);
}

/** Lead agencies of every item: an item with several leads counts for each. */
export function itemLeads(db: Session): Promise<ItemLeadRow[]> {
	return db.rows<ItemLeadRow>(`
		SELECT l.item_id, l.agency_id, a.name FROM item_leads l JOIN agencies a USING (agency_id) ORDER BY l.item_id, a.name`);
}

export interface AgencyRow {
	agency_id: string;
	name: string;
	kind: string;
	items: number;
	measures: number;
}

/** Every agency with how many items it leads and measures it reports. */
export function agencyList(db: Session): Promise<AgencyRow[]> {
	return db.rows<AgencyRow>(`
		SELECT a.agency_id, a.name, a.kind,
			(SELECT count(*) FROM item_leads l WHERE l.agency_id = a.agency_id) AS items,
			(SELECT count(*) FROM measures m WHERE m.agency_id = a.agency_id) AS measures
		FROM agencies a ORDER BY a.name`);
}

export interface TrajectoryRow {
	review: Date;
	rag: Rag | null;
	items: number;
	source: string;
}

/** RAG counts per review for the items the filters select (e.g. one agency's). */
export function ragTrajectory(db: Session, filters: Filters): Promise<TrajectoryRow[]> {
	return db.rows<TrajectoryRow>(`
		WITH chosen AS (SELECT item_id FROM (${itemsSql({ ...filters, rags: [], changed: false })})),
		review_dates AS (SELECT review, string_agg(DISTINCT source, ', ' ORDER BY source) AS source FROM reviews GROUP BY review)
		SELECT d.review, r.rag, count(*) AS items, d.source
		FROM chosen c CROSS JOIN review_dates d LEFT JOIN reviews r ON r.item_id = c.item_id AND r.review = d.review
		GROUP BY ALL ORDER BY d.review, r.rag`);
}

export interface AgencyReviewRow {
	agency_id: string;
	review: Date;
	rag: Rag | null;
	items: number;
}

/** RAG counts per lead agency and review: the agency × review grid. */
export function agencyReviewGrid(db: Session): Promise<AgencyReviewRow[]> {
	return db.rows<AgencyReviewRow>(`
		WITH review_dates AS (SELECT DISTINCT review FROM reviews)
		SELECT l.agency_id, d.review, r.rag, count(*) AS items
		FROM item_leads l CROSS JOIN review_dates d LEFT JOIN reviews r ON r.item_id = l.item_id AND r.review = d.review
		GROUP BY ALL ORDER BY l.agency_id, d.review, r.rag`);
}

/** Every review of the plan, in date order. */
export async function reviewDates(db: Session): Promise<Date[]> {
	return (await db.rows<{ review: Date }>('SELECT DISTINCT review FROM reviews ORDER BY review')).map((r) => r.review);
}

export interface ItemAtReviewRow {
	item_id: string;
	priority: number;
	action: string;
	how: string | null;
	leads: string;
	rag: Rag | null;
	progress: string | null;
}

/** Items as they stood at one review: their rating and the progress note given then. */
export function itemsAtReview(db: Session, review: string, filters: Filters): Promise<ItemAtReviewRow[]> {
	return db.rows<ItemAtReviewRow>(`
		SELECT i.item_id, a.priority, a.action, i.how,
			(SELECT string_agg(g.name, '; ' ORDER BY g.name) FROM item_leads l JOIN agencies g USING (agency_id) WHERE l.item_id = i.item_id) AS leads,
			r.rag, r.progress
		FROM items i JOIN actions a USING (action_id)
		LEFT JOIN reviews r ON r.item_id = i.item_id AND r.review = DATE ${str(review)}
		WHERE i.item_id IN (${itemIdsSql({ ...filters, rags: [], changed: false })})
		ORDER BY a.priority, i.ordinal`);
}
