// The whole plan at a glance, for the top of the overview and of the board report: the plan's RAG
// counts at every review, and its measures by SPC signal. The same report card rows as the report
// card's own, so that the counts and the card's SPC column always agree.
import type { Session } from '../db/database';
import { ragByReview, type PlanRagRow } from '../db/queries/plan';
import { formatReviewDate } from '../oba/periods';
import { countRatings, countSignals, type MeasureRagCount, type SignalCount } from '../oba/plan-glance';
import { NO_FILTERS } from './filters';
import { loadReportCard } from './report-card';

export interface GlanceReview {
	date: string;
	label: string;
	/** Where the review's ratings came from: seed, sample or imported. */
	source: string;
}

export interface GlanceData {
	reviews: GlanceReview[];
	/** Items per review and RAG, every item counted at every review; `review` is the ISO date. */
	counts: { review: string; rag: PlanRagRow['rag']; items: number }[];
	/** The plan's measures (population indicators aside) by the SPC signal of their latest point. */
	signals: SignalCount[];
	/** The plan's measures by RAG against their targets and tolerances, as the report card rates them. */
	measuresByRag: MeasureRagCount[];
}

const iso = (d: Date) => new Date(d).toISOString().slice(0, 10);

/**
 * `version`: the workspace's version of the data and the locks, so the report card's rows are worked
 * out once; `to`: the last quarter the SPC signals read (the report's "as at"), null for the latest.
 */
export async function loadGlance(db: Session, version?: number, to: string | null = null): Promise<GlanceData> {
	const [rows, card] = await Promise.all([ragByReview(db), loadReportCard(db, { ...NO_FILTERS, to }, version)]);
	const reviews = new Map<string, GlanceReview>();
	for (const row of rows) reviews.set(iso(row.review), { date: iso(row.review), label: formatReviewDate(iso(row.review)), source: row.source });
	const measures = card.entries.filter((e) => e.measure.quadrant !== 'population');
	return {
		reviews: [...reviews.values()],
		counts: rows.map((r) => ({ review: iso(r.review), rag: r.rag, items: r.items })),
		signals: countSignals(measures.map((e) => e.row.spc.variation)),
		measuresByRag: countRatings(measures.map((e) => e.row.rating.rag))
	};
}
