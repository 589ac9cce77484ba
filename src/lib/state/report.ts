// The board's highlight report: everything it shows, for the chosen priorities, agencies, the
// quarter it is "as at" and the review it compares with. Built from the same queries and rules
// as the pages, never a copy of them.
import type { Session } from '../db/database';
import { readSettings } from '../db/queries/settings';
import { homeArea, type HomeArea } from './home-area';
import { importLog, type ImportRow } from '../db/queries/imports';
import { ragByPriorityAndReview, priorities as priorityRows, type PriorityRow, type RagCountRow } from '../db/queries/plan';
import { itemsAtReview, planReviews, reviewDates, type ItemAtReviewRow } from '../db/queries/plan-items';
import { formatReviewDate } from '../oba/periods';
import { redAtConsecutiveReviews } from '../oba/rag';
import { NO_FILTERS, type Filters } from './filters';
import type { WantedMeasure } from '../db/queries/data-development';
import { loadReportCard, type CardEntry } from './report-card';

export interface ReportChoice {
	filters: Filters;
	/** The quarter the report is as at, e.g. '2018/19 Q4'; null = the latest. */
	asAt: string | null;
	/** The review reported, and the one compared with (ISO dates); null = latest and the one before. */
	review: string | null;
	compare: string | null;
}

export interface ReportPriority {
	priority: PriorityRow;
	entries: CardEntry[];
	ragCounts: RagCountRow[];
	redAmber: ItemAtReviewRow[];
}

export interface ReportData {
	priorities: ReportPriority[];
	reviews: { date: string; label: string }[];
	review: string | null;
	compare: string | null;
	asAt: string | null;
	periods: string[];
	imports: ImportRow[];
	redTwice: ItemAtReviewRow[];
	allPriorities: { priority: number; name: string }[];
	agencies: { agency_id: string; name: string; measures: number }[];
	includesSample: boolean;
	firstReview: Date | null;
	/** Population indicators: the whole borough's, so in every report whatever the priorities chosen. */
	population: CardEntry[];
	/** The partnership's area and settings; null before an area is chosen. */
	home: HomeArea | null;
	/** Imported measures that name no priority: reported too, never dropped. */
	unassigned: CardEntry[];
	/** The data development agenda for the chosen priorities and agencies (owners). */
	agenda: WantedMeasure[];
}

const iso = (d: Date) => new Date(d).toISOString().slice(0, 10);

/** `version`: the workspace's data version, so the measures' rows are worked out once for both report cards. */
export async function loadReport(db: Session, choice: ReportChoice, version?: number): Promise<ReportData> {
	const [allPriorities, dates, counts, imports, settings] = await Promise.all([priorityRows(db), reviewDates(db), ragByPriorityAndReview(db), importLog(db), readSettings(db)]);
	const reviews = dates.map(iso).map((date) => ({ date, label: formatReviewDate(date) }));
	const review = choice.review && reviews.some((r) => r.date === choice.review) ? choice.review : (reviews.at(-1)?.date ?? null);
	const before = reviews.filter((r) => review !== null && r.date < review);
	const compare = choice.compare && before.some((r) => r.date === choice.compare) ? choice.compare : (before.at(-1)?.date ?? null);
	const card = await loadReportCard(db, { ...choice.filters, to: choice.asAt ?? choice.filters.to }, version);
	const population = await loadReportCard(db, { ...NO_FILTERS, quadrants: ['population'], to: choice.asAt }, version);
	const chosen = allPriorities.filter((p) => choice.filters.priorities.length === 0 || choice.filters.priorities.includes(p.priority));
	const atReview = review ? await itemsAtReview(db, review, choice.filters) : [];
	const history = await planReviews(db, { ...NO_FILTERS, priorities: choice.filters.priorities, agencies: choice.filters.agencies });
	const upTo = reviews.filter((r) => review !== null && r.date <= review).map((r) => r.date);
	const redTwice = atReview.filter((item) =>
		redAtConsecutiveReviews(upTo.map((d) => history.find((h) => h.item_id === item.item_id && iso(h.review) === d)?.rag ?? null))
	);
	return {
		priorities: chosen.map((priority) => ({
			priority,
			entries: card.entries.filter((e) => e.measure.priority === priority.priority),
			ragCounts: counts.filter((c) => c.priority === priority.priority && upTo.includes(iso(c.review))),
			redAmber: atReview.filter((i) => i.priority === priority.priority && (i.rag === 'R' || i.rag === 'A'))
		})),
		reviews,
		review,
		compare,
		asAt: choice.asAt,
		periods: card.options.periods,
		imports,
		redTwice,
		allPriorities: allPriorities.map((p) => ({ priority: p.priority, name: p.name })),
		agencies: card.options.agencies,
		includesSample: imports.some((i) => i.source === 'sample'),
		firstReview: card.firstReview,
		population: population.entries,
		home: homeArea(settings),
		unassigned: card.entries.filter((e) => e.measure.priority === null && e.measure.quadrant !== 'population'),
		agenda: card.agenda
	};
}
