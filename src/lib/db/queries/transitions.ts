import type { Session } from '../database';
import { transition, RAG_ORDER, type Rag, type RagTransition } from '../../oba/rag';
import { str, valuesList } from '../sql';

export interface TransitionRow {
	from_review: Date;
	to_review: Date;
	transition: RagTransition;
	items: number;
	item_ids: string;
}

/** Every (from, to) pair with its transition, from the pure rule: SQL counts, TypeScript decides. */
function ruleTable(): string {
	const rags: (Rag | null)[] = [...RAG_ORDER, null];
	const rows = rags.flatMap((from) => rags.map((to) => [str(from ?? '-'), str(to ?? '-'), str(transition(from, to))]));
	return `(VALUES ${valuesList(rows)}) AS rule(from_rag, to_rag, transition)`;
}

/**
 * How the items moved between each pair of consecutive reviews: improved, held, slipped,
 * completed, newly rated, not rated. Every item of the plan counts at every review.
 */
export function transitionCounts(db: Session, itemFilterSql = 'SELECT item_id FROM items'): Promise<TransitionRow[]> {
	return db.rows<TransitionRow>(`
		WITH review_dates AS (SELECT DISTINCT review FROM reviews),
		grid AS (
			SELECT i.item_id, d.review, coalesce(r.rag, '-') AS rag
			FROM (${itemFilterSql}) i CROSS JOIN review_dates d
			LEFT JOIN reviews r ON r.item_id = i.item_id AND r.review = d.review),
		pairs AS (
			SELECT item_id, lag(review) OVER w AS from_review, review AS to_review, lag(rag) OVER w AS from_rag, rag AS to_rag
			FROM grid WINDOW w AS (PARTITION BY item_id ORDER BY review))
		SELECT p.from_review, p.to_review, rule.transition, count(*) AS items,
			string_agg(p.item_id, ', ' ORDER BY p.item_id) AS item_ids
		FROM pairs p JOIN ${ruleTable()} ON rule.from_rag = p.from_rag AND rule.to_rag = p.to_rag
		WHERE p.from_review IS NOT NULL
		GROUP BY ALL ORDER BY p.to_review, rule.transition`);
}
