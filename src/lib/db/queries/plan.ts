import type { Rag } from '../../oba/rag';
import type { Session } from '../database';

export interface PriorityRow {
	priority: number;
	name: string;
	heading: string | null;
	outcome: string | null;
	outcome_note: string | null;
	items: number;
}

export function priorities(db: Session): Promise<PriorityRow[]> {
	return db.rows<PriorityRow>(`
		SELECT p.priority, p.name, p.heading, p.outcome, p.outcome_note,
			(SELECT count(*) FROM items i JOIN actions a USING (action_id) WHERE a.priority = p.priority) AS items
		FROM priorities p ORDER BY p.priority`);
}

export interface RagCountRow {
	priority: number;
	review: Date;
	/** Null counts the items not rated at that review. */
	rag: Rag | null;
	items: number;
	/** 'seed', 'sample' or 'imported': where that review's ratings came from. */
	source: string;
}

/**
 * RAG counts per priority and review. Every item of the plan is counted at every review,
 * so an item without a rating shows as "not rated" rather than vanishing from the bar.
 */
export function ragByPriorityAndReview(db: Session): Promise<RagCountRow[]> {
	return db.rows<RagCountRow>(`
		WITH review_dates AS (
			SELECT review, string_agg(DISTINCT source, ', ' ORDER BY source) AS source FROM reviews GROUP BY review),
		grid AS (
			SELECT a.priority, d.review, d.source, i.item_id
			FROM items i JOIN actions a USING (action_id) CROSS JOIN review_dates d)
		SELECT g.priority, g.review, r.rag, count(*) AS items, g.source
		FROM grid g LEFT JOIN reviews r ON r.item_id = g.item_id AND r.review = g.review
		GROUP BY ALL ORDER BY g.priority, g.review, r.rag`);
}

export interface PlanRagRow {
	review: Date;
	/** Null counts the items not rated at that review. */
	rag: Rag | null;
	items: number;
	/** 'seed', 'sample' or 'imported': where that review's ratings came from. */
	source: string;
}

/** The whole plan's RAG counts at every review, every item counted at every review (rated or not). */
export function ragByReview(db: Session): Promise<PlanRagRow[]> {
	return db.rows<PlanRagRow>(`
		WITH review_dates AS (
			SELECT review, string_agg(DISTINCT source, ', ' ORDER BY source) AS source FROM reviews GROUP BY review)
		SELECT d.review, r.rag, count(*) AS items, d.source
		FROM items i CROSS JOIN review_dates d
		LEFT JOIN reviews r ON r.item_id = i.item_id AND r.review = d.review
		GROUP BY ALL ORDER BY d.review, r.rag`);
}
