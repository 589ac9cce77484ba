/**
 * What an import would change, measure by measure and review by review, computed in SQL by
 * comparing the rows the file would write (the same SQL the writer uses) with what is loaded.
 */
import type { Session } from '../../db/database';
import { formatReviewDate } from '../../oba/periods';
import { ragLabel, type Rag } from '../../oba/rag';
import { MEASURE_DETAILS } from '../formats/measure-details';
import { changedFieldsSql, sameValueKey } from '../../db/value-columns';

export interface ValueChange {
	/** The file's spreadsheet row. */
	row: number | null;
	/** The period (for a measure) or the item (for a review). */
	what: string;
	before: string | null;
	after: string | null;
	/** What differs: value, numerator and denominator, target, note; RAG, progress. */
	fields: string[];
}

export interface ChangeSummary {
	kind: 'measure' | 'review';
	/** measure_id, or the review's date (YYYY-MM-DD). */
	key: string;
	/** The measure's name, or the review as "Dec 2019". */
	label: string;
	/** No such measure, or no rating at that review, is loaded yet. */
	isNew: boolean;
	added: number;
	changed: number;
	unchanged: number;
	/** Stored ratings the file blanks out (a review left blank is "not rated"), or stored values it removes (a measure's years of the kind it no longer has). */
	removed: number;
	/** The changed and removed values, in the file's order (at most LISTED_CHANGES of them). */
	changes: ValueChange[];
	/** A loaded measure's own details that the file changes (its name, quadrant, priority …). */
	details: { field: string; before: string | null; after: string | null }[];
}

export const LISTED_CHANGES = 50;

/** A number as text without DuckDB's trailing ".0" on whole doubles. */
const plain = (sql: string) => `regexp_replace(CAST(${sql} AS VARCHAR), '\\.0$', '')`;


const DETAILS = ['name', 'quadrant', 'priority', 'agency_id', 'polarity', 'unit', ...MEASURE_DETAILS.map((d) => d.column.name)];

interface Counts {
	key: string;
	label: string | null;
	is_new: boolean;
	added: number;
	changed: number;
	unchanged: number;
	removed: number;
}

interface Detail {
	key: string;
	row: number | null;
	what: string;
	before: string | null;
	after: string | null;
	fields: string;
}

function summaries(kind: ChangeSummary['kind'], counts: Counts[], details: Detail[], label: (c: Counts) => string): ChangeSummary[] {
	return counts.map((c) => ({
		kind,
		key: c.key,
		label: label(c),
		isNew: c.is_new,
		added: c.added,
		changed: c.changed,
		unchanged: c.unchanged,
		removed: c.removed,
		changes: details
			.filter((d) => d.key === c.key)
			.map((d) => ({ row: d.row, what: d.what, before: d.before, after: d.after, fields: d.fields.split(', ').filter(Boolean) })),
		details: []
	}));
}

/** The incoming values beside what is stored under the same key: `stored`, and which `fields` differ. */
const comparedSql = (values: string) => `
	SELECT i."row", i.measure_id, i.period_label, i.period_start, i.value, i.marker,
		o.measure_id IS NOT NULL AS stored, o.value AS stored_value, o.marker AS stored_marker,
		CASE WHEN o.measure_id IS NULL THEN '' ELSE ${changedFieldsSql('i', 'o')} END AS fields
	FROM (${values}) i LEFT JOIN measure_values o ON ${sameValueKey('o', 'i')}`;

/**
 * Values: new, changed and unchanged per measure; `measures` gives each measure's name and details.
 * Nothing is kept of a million compared rows but their counts: the changes are listed from a second
 * pass, made only when some value would change.
 */
async function valueChanges(db: Session, values: string, measures: string | undefined, removes: string | undefined): Promise<ChangeSummary[]> {
	const names = measures ? `(SELECT measure_id, name FROM (${measures}))` : `(SELECT measure_id, name FROM measures)`;
	const removed = removes ? `(SELECT measure_id, count(*) AS n FROM (${removes}) GROUP BY measure_id)` : '(SELECT NULL AS measure_id, 0 AS n)';
	const counts = await db.rows<Counts>(`
		SELECT c.key, first(n.name) AS label, c.key NOT IN (SELECT measure_id FROM measures) AS is_new, sum(c.added) AS added,
			sum(c.changed) AS changed, sum(c.unchanged) AS unchanged, coalesce(first(r.n), 0) AS removed
		FROM (SELECT measure_id AS key, min("row") AS "row", count(*) FILTER (NOT stored) AS added,
				count(*) FILTER (stored AND fields <> '') AS changed, count(*) FILTER (stored AND fields = '') AS unchanged
			FROM (${comparedSql(values)}) GROUP BY measure_id) c LEFT JOIN ${names} n ON n.measure_id = c.key
			LEFT JOIN ${removed} r ON r.measure_id = c.key
		GROUP BY c.key ORDER BY min(c."row")`);
	const details = counts.some((c) => c.changed > 0) ? await db.rows<Detail>(`
		SELECT key, "row", what, coalesce(stored_marker, ${plain('stored_value')}) AS before, coalesce(marker, ${plain('value')}) AS after, fields FROM (
			SELECT *, measure_id AS key, period_label AS what, row_number() OVER (PARTITION BY measure_id ORDER BY "row", period_start) AS n
			FROM (${comparedSql(values)}) WHERE stored AND fields <> '')
		WHERE n <= ${LISTED_CHANGES} ORDER BY key, n`) : [];
	const result = summaries('measure', counts, details, (c) => c.label ?? c.key);
	if (measures) await addMeasureDetails(db, measures, result);
	return result;
}

/** A loaded measure's name, quadrant, priority … that the file would change. */
async function addMeasureDetails(db: Session, measures: string, result: ChangeSummary[]): Promise<void> {
	const cast = (alias: string) => DETAILS.map((f) => `CAST(${alias}.${f} AS VARCHAR) AS ${alias}_${f}`).join(', ');
	const rows = await db.rows<Record<string, string | null>>(`
		SELECT i.measure_id, ${cast('i')}, ${cast('o')} FROM (${measures}) i JOIN measures o USING (measure_id)`);
	for (const row of rows) {
		const summary = result.find((s) => s.key === row.measure_id);
		if (!summary) continue;
		for (const field of DETAILS) {
			const [before, after] = [row[`o_${field}`] ?? null, row[`i_${field}`] ?? null];
			if (before !== after) summary.details.push({ field: field === 'agency_id' ? 'agency' : field, before, after });
		}
	}
}

const ragText = (rag: string | null) => (rag === null ? 'not rated' : ragLabel(rag as Rag));

/** Ratings: new, changed, unchanged and removed per review. */
async function reviewChanges(db: Session, reviews: string): Promise<ChangeSummary[]> {
	const compared = `
		SELECT i."row", CAST(i.review AS VARCHAR) AS key, i.item_id AS what, o.item_id IS NOT NULL AS existed,
			i.rag IS NULL AND i.progress IS NULL AS blank,
			concat_ws(', ', CASE WHEN i.rag IS DISTINCT FROM o.rag THEN 'RAG' END,
				CASE WHEN i.progress IS DISTINCT FROM o.progress THEN 'progress' END) AS fields,
			o.rag AS before, i.rag AS after
		FROM (${reviews}) i LEFT JOIN reviews o ON o.item_id = i.item_id AND o.review = i.review`;
	const counts = await db.rows<Counts>(`
		SELECT key, NULL AS label, CAST(key AS DATE) NOT IN (SELECT review FROM reviews) AS is_new,
			count(*) FILTER (NOT existed AND NOT blank) AS added, count(*) FILTER (existed AND NOT blank AND fields <> '') AS changed,
			count(*) FILTER (existed AND fields = '') AS unchanged, count(*) FILTER (existed AND blank) AS removed
		FROM (${compared}) GROUP BY key ORDER BY key`);
	const details = await db.rows<Detail>(`
		SELECT key, "row", what, before, after, fields FROM (
			SELECT *, row_number() OVER (PARTITION BY key ORDER BY "row") AS n FROM (${compared}) WHERE existed AND fields <> '')
		WHERE n <= ${LISTED_CHANGES} ORDER BY key, n`);
	const readable = details.map((d) => ({ ...d, before: ragText(d.before), after: ragText(d.after) }));
	return summaries('review', counts, readable, (c) => formatReviewDate(c.key));
}

/**
 * What the preview learnt of a file's incoming rows that spares the writer work. Valid only while
 * the data is as it was when previewed (commit.ts checks the import log for that).
 */
export interface Previewed {
	/** How many incoming values have a stored value of the same key to replace; 0: the writer looks for none. */
	valuesReplacing?: number;
}

/** Every change the file would make to values and ratings; nothing is written. */
export async function changesOf(
	db: Session, incoming: { values?: string; reviews?: string; removes?: string }, measures?: string
): Promise<{ changes: ChangeSummary[]; previewed: Previewed }> {
	const previewed: Previewed = {};
	const changes: ChangeSummary[] = [];
	if (incoming.values) {
		const values = await valueChanges(db, incoming.values, measures, incoming.removes);
		previewed.valuesReplacing = values.reduce((n, c) => n + c.changed + c.unchanged, 0);
		changes.push(...values);
	}
	if (incoming.reviews) changes.push(...(await reviewChanges(db, incoming.reviews)));
	return { changes, previewed };
}
