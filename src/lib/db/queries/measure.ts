import type { Session } from '../database';
import { str } from '../sql';
import { seriesJoin, type Grain } from '../measure-series';
import { TOLERANCE_JOIN, TOLERANCE_SELECT } from './tolerances';
import type { Rag } from '../../oba/rag';
import type { ExplorerMeasure } from './explorer';
import type { ValueRow } from './measures';

/** One measure with its priority and agency names, or nothing. */
export async function measureById(db: Session, id: string): Promise<ExplorerMeasure | null> {
	const [row] = await db.rows<ExplorerMeasure>(`
		SELECT m.measure_id, m.name, m.quadrant, m.priority, p.name AS priority_name, m.agency_id, a.name AS agency,
			m.polarity, m.unit, m.source, m.description, m.rollup, m.year_type, ${TOLERANCE_SELECT}
		FROM measures m LEFT JOIN agencies a USING (agency_id) LEFT JOIN priorities p USING (priority) ${TOLERANCE_JOIN}
		WHERE m.measure_id = ${str(id)}`);
	return row ?? null;
}

/** A measure's series at `grain`, every area, in period order. */
export function measureValues(db: Session, id: string, grain: Grain = 'quarter'): Promise<ValueRow[]> {
	return db.rows<ValueRow>(`
		SELECT v.measure_id, v.area_code, v.period_start, v.period_label, v.value, v.marker, v.numerator, v.denominator, v.target, v.note
		FROM measure_values v ${seriesJoin('v', grain)} WHERE v.measure_id = ${str(id)} ORDER BY v.area_code, v.period_start`);
}

/** A measure's months (monthly data, before it is rolled up), every area, in period order; none for other measures. */
export function measureMonths(db: Session, id: string): Promise<ValueRow[]> {
	return db.rows<ValueRow>(`
		SELECT measure_id, area_code, period_start, period_label, value, marker, numerator, denominator, target, note
		FROM measure_values WHERE measure_id = ${str(id)} AND period_kind = 'month' ORDER BY area_code, period_start`);
}

export interface PriorityItemRow {
	item_id: string;
	action: string;
	how: string | null;
	leads: string;
	rag: Rag | null;
	review: Date | null;
	progress: string | null;
}

/** The action plan items of a priority with their latest rating: the actions meant to turn the curve. */
export function priorityItems(db: Session, priority: number): Promise<PriorityItemRow[]> {
	return db.rows<PriorityItemRow>(`
		SELECT i.item_id, a.action, i.how,
			(SELECT string_agg(g.name, '; ' ORDER BY g.name) FROM item_leads l JOIN agencies g USING (agency_id) WHERE l.item_id = i.item_id) AS leads,
			r.rag, r.review, r.progress
		FROM items i JOIN actions a USING (action_id)
		LEFT JOIN (SELECT * FROM reviews QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY review DESC) = 1) r USING (item_id)
		WHERE a.priority = ${Number(priority)}
		ORDER BY i.ordinal`);
}

export interface ReviewMix {
	review: Date;
	rag: Rag | null;
	items: number;
}

/** The priority's RAG mix at each review, to mark on the measure's time axis. */
export function priorityReviewMix(db: Session, priority: number): Promise<ReviewMix[]> {
	return db.rows<ReviewMix>(`
		SELECT r.review, r.rag, count(*) AS items
		FROM reviews r JOIN items i USING (item_id) JOIN actions a USING (action_id)
		WHERE a.priority = ${Number(priority)} GROUP BY ALL ORDER BY r.review, r.rag`);
}

/** The plan's first review: the baseline of quarterly measures ends the quarter before it. */
export async function firstReviewDate(db: Session): Promise<Date | null> {
	const [row] = await db.rows<{ first: Date | null }>('SELECT min(review) AS first FROM reviews');
	return row?.first ? new Date(row.first) : null;
}
