// The exception report: what the board must hear about. Every measure rated Red against its target,
// every measure whose latest point is special-cause concern on its XmR chart, and every item of the
// plan rated Red or Amber at the review reported. Chosen from the report card's rows, so the
// exception says what the card says. Plain rules, no DOM, no DuckDB.
import { formatValue } from './format';
import { financialYearLabel } from './quarters';
import { ragLabel, type Rag } from './rag';
import type { ReportCardRow } from './report-card';
import type { Variation } from './spc-icons';

export type ExceptionKind = 'measure' | 'item';

export interface MeasureCandidate {
	/** Its report card row: the exception says what the card says, its RAG (with its tolerance) included. */
	row: Pick<ReportCardRow, 'id' | 'name' | 'unit' | 'polarity' | 'targetRange' | 'latest' | 'target' | 'spc' | 'rating'>;
	priority: number | null;
	/** The measure's agency, by name; null when it names none. */
	owner: string | null;
}

export interface ItemCandidate {
	itemId: string;
	action: string;
	priority: number;
	/** Its rating at the review reported; null when not rated. */
	rag: Rag | null;
	/** Its lead agencies, by name. */
	owners: readonly string[];
}

export interface Exception {
	kind: ExceptionKind;
	id: string;
	/** The measure's name or the item's action. */
	name: string;
	priority: number | null;
	owners: string[];
	/** A measure: 'R' when rated Red, else null. An item: its rating (Red or Amber). */
	rag: 'R' | 'A' | null;
	/** A measure whose latest point is special-cause concern: the variation icon; else null. */
	concern: Variation | null;
	/** Why it is an exception, in words: one line per reason. */
	reasons: string[];
}

const isConcern = (v: Variation | null): boolean => v === 'concern-high' || v === 'concern-low';

function targetText(row: MeasureCandidate['row']): string {
	if (row.polarity === 'range' && row.targetRange) return `a target range of ${formatValue(row.targetRange.low, row.unit)} to ${formatValue(row.targetRange.high, row.unit)}`;
	return `a target of ${formatValue(row.target, row.unit)}`;
}

function measureException(m: MeasureCandidate): Exception | null {
	const { row } = m;
	const rating = row.rating;
	const red = rating.rag === 'R';
	const concern = isConcern(row.spc.variation);
	if (!red && !concern) return null;
	const reasons: string[] = [];
	if (red && row.latest) {
		reasons.push(`Red: ${row.latest.value === null ? (row.latest.marker ?? 'no value') : formatValue(row.latest.value, row.unit)} in ${financialYearLabel(row.latest.period)} against ${targetText(row)} (${rating.why.toLowerCase()})`);
	}
	if (concern) reasons.push(`${row.spc.variationText} on the XmR chart`);
	return {
		kind: 'measure',
		id: row.id,
		name: row.name,
		priority: m.priority,
		owners: m.owner ? [m.owner] : [],
		rag: red ? 'R' : null,
		concern: concern ? row.spc.variation : null,
		reasons
	};
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
/** Priorities in order; a measure that names none after them. */
const byPriority = (a: number | null, b: number | null) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER);

/**
 * The exceptions, in the order the board reads them: measures first (rated Red before those with
 * special-cause concern only; then by priority, then by id, numbers in order: M2 before M10), then
 * items (Red before Amber; then by priority, then in the order given, the plan's own).
 * `review`: the review's label ('Dec 2018'), for the items' reasons.
 */
export function selectExceptions(measures: readonly MeasureCandidate[], items: readonly ItemCandidate[], review: string | null): Exception[] {
	const fromMeasures = measures
		.flatMap((m) => measureException(m) ?? [])
		.sort((a, b) => Number(b.rag === 'R') - Number(a.rag === 'R') || byPriority(a.priority, b.priority) || collator.compare(a.id, b.id));
	const fromItems = items
		.map((item, order) => ({ item, order }))
		.filter(({ item }) => item.rag === 'R' || item.rag === 'A')
		.sort((a, b) => Number(b.item.rag === 'R') - Number(a.item.rag === 'R') || a.item.priority - b.item.priority || a.order - b.order)
		.map(({ item }): Exception => ({
			kind: 'item',
			id: item.itemId,
			name: item.action,
			priority: item.priority,
			owners: [...item.owners],
			rag: item.rag as 'R' | 'A',
			concern: null,
			reasons: [review ? `${ragLabel(item.rag)} at the ${review} review` : ragLabel(item.rag)]
		}));
	return [...fromMeasures, ...fromItems];
}
