// The board's highlight report: everything it shows, for the chosen priorities, agencies, the
// quarter it is "as at" and the review it compares with. Built from the same queries and rules
// as the pages, never a copy of them.
import type { Session } from '../db/database';
import { readSettings } from '../db/queries/settings';
import { homeArea, type HomeArea } from './home-area';
import { importLog, type ImportRow } from '../db/queries/imports';
import { allNotes, type UserNote } from '../db/queries/notes';
import { ragByPriorityAndReview, priorities as priorityRows, type PriorityRow, type RagCountRow } from '../db/queries/plan';
import { itemLeads, itemsAtReview, planReviews, reviewDates, type ItemAtReviewRow } from '../db/queries/plan-items';
import type { Exception } from '../oba/exceptions';
import { exceptionsFrom } from './exceptions';
import { formatReviewDate } from '../oba/periods';
import { redAtConsecutiveReviews } from '../oba/rag';
import { NO_FILTERS, type Filters } from './filters';
import type { WantedMeasure } from '../db/queries/data-development';
import { loadReportCard, type CardEntry } from './report-card';
import { loadGlance, type GlanceData } from './glance';

export interface ReportChoice {
	filters: Filters;
	/** The quarter the report is as at, e.g. '2018/19 Q4'; null = the latest. */
	asAt: string | null;
	/** The review reported, and the one compared with (ISO dates); null = latest and the one before. */
	review: string | null;
	compare: string | null;
	/** Safe to publish: measures' counts below this are withheld as [c]; null shows every value. */
	suppressBelow?: number | null;
}

export interface ReportPriority {
	priority: PriorityRow;
	entries: CardEntry[];
	ragCounts: RagCountRow[];
	redAmber: ItemAtReviewRow[];
	/** Notes added in the app to this priority's measures (the home area's), in period order: the story behind the curve. */
	notes: UserNote[];
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
	/** Measures rated Red or with special-cause concern, items Red or Amber at the review reported. */
	exceptions: Exception[];
	/** The whole plan at a glance, whatever the priorities chosen. */
	glance: GlanceData;
	/** Every priority's RAG counts at every review: what safe to publish suppresses as one. */
	ragCounts: RagCountRow[];
}

const iso = (d: Date) => new Date(d).toISOString().slice(0, 10);

/** The home area's notes on these measures, in period order, then the order they were added. */
function notesOf(notes: readonly UserNote[], entries: readonly CardEntry[], homeCode: string | null): UserNote[] {
	const ids = new Set(entries.map((e) => e.measure.measure_id));
	return notes
		.filter((n) => n.areaCode === homeCode && ids.has(n.measureId))
		.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.addedAt.localeCompare(b.addedAt));
}

/** `version`: the workspace's data version, so the measures' rows are worked out once for both report cards. */
export async function loadReport(db: Session, choice: ReportChoice, version?: number): Promise<ReportData> {
	const [allPriorities, dates, counts, imports, leads, notes, settings] = await Promise.all([
		priorityRows(db),
		reviewDates(db),
		ragByPriorityAndReview(db),
		importLog(db),
		itemLeads(db),
		allNotes(db),
		readSettings(db)
	]);
	const reviews = dates.map(iso).map((date) => ({ date, label: formatReviewDate(date) }));
	const review = choice.review && reviews.some((r) => r.date === choice.review) ? choice.review : (reviews.at(-1)?.date ?? null);
	const before = reviews.filter((r) => review !== null && r.date < review);
	const compare = choice.compare && before.some((r) => r.date === choice.compare) ? choice.compare : (before.at(-1)?.date ?? null);
	const suppressBelow = choice.suppressBelow ?? null;
	const card = await loadReportCard(db, { ...choice.filters, to: choice.asAt ?? choice.filters.to }, version, suppressBelow);
	const glance = await loadGlance(db, version, choice.asAt ?? choice.filters.to);
	const population = await loadReportCard(db, { ...NO_FILTERS, quadrants: ['population'], to: choice.asAt }, version, suppressBelow);
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
			redAmber: atReview.filter((i) => i.priority === priority.priority && (i.rag === 'R' || i.rag === 'A')),
			notes: notesOf(notes, card.entries.filter((e) => e.measure.priority === priority.priority), settings?.area_code ?? null)
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
		agenda: card.agenda,
		exceptions: exceptionsFrom([...card.entries, ...population.entries], atReview, leads, review ? formatReviewDate(review) : null),
		glance,
		ragCounts: counts
	};
}
