import { parseRag } from '../../oba/rag';
import { str } from '../../db/sql';
import type { FormatHandler } from './context';
import type { Check } from '../check/checks';
import type { FormatContext } from './context';
import { blankCells, col, columnIndex, trimmed } from './context';
import type { Lookup } from '../check/lookup';
import { findReviewColumns, type ReviewColumns } from './review-columns';
import { writeReviews } from '../commit/reviews-writer';
import { cell } from '../stage/stage';
import { type Format } from './specs';

/** A RAG cell's parse, as lookup fields. */
export function ragFields(text: string) {
	const parsed = parseRag(text);
	return parsed.ok ? ({ ok: true, fields: { rag: parsed.rag } } as const) : parsed;
}

/** SQL resolving a priority cell, written as its number or its name, to the priority number. */
export function prioritySql(cellSql: string): string {
	return `(SELECT p.priority FROM priorities p
		WHERE CAST(p.priority AS VARCHAR) = ${cellSql} OR lower(p.name) = lower(${cellSql}) OR lower(p.heading) = lower(${cellSql}))`;
}

/**
 * The same reading as prioritySql for files of many rows: each distinct cell of `table` as
 * written (`cellSql`, untrimmed) that names a priority, with it (its number, short name or
 * heading, in any case). Trimming and lower-casing run once per distinct cell, not once per row.
 */
function priorityCells(cellSql: string, table: string): string {
	return `SELECT t.cell, p.priority FROM (SELECT DISTINCT ${cellSql} AS cell FROM ${table} s) t
		JOIN (SELECT key, min(priority) AS priority FROM (
			SELECT CAST(priority AS VARCHAR) AS key, priority FROM priorities
			UNION ALL SELECT lower(name), priority FROM priorities
			UNION ALL SELECT lower(heading), priority FROM priorities) GROUP BY key) p ON p.key = lower(${trimmed('t.cell')})`;
}

/** Each distinct agency cell of `table` that the agency list knows, with its agency: as priorityCells, through the aliases. */
function agencyCells(cellSql: string, table: string): string {
	return `SELECT t.cell, a.agency_id FROM (SELECT DISTINCT ${cellSql} AS cell FROM ${table} s) t
		JOIN agency_aliases a ON a.alias_key = agency_key(${trimmed('t.cell')})`;
}

export const priorityJoin = (alias: string, cellSql: string, table: string) =>
	`LEFT JOIN (${priorityCells(cellSql, table)}) ${alias} ON ${alias}.cell = ${cellSql}`;

export const agencyJoin = (alias: string, cellSql: string, table: string) =>
	`LEFT JOIN (${agencyCells(cellSql, table)}) ${alias} ON ${alias}.cell = ${cellSql}`;

/**
 * The rows of `table` whose cell (`cellSql`, as written) is not blank and is none of `known`'s
 * cells: found among the distinct cells first, then the few rows with them.
 */
function rowsWithUnknownCells(cellSql: string, table: string, known: string): string {
	return `${cellSql} IN (SELECT cell FROM (SELECT DISTINCT ${cellSql} AS cell FROM ${table} s)
		WHERE ${trimmed('cell')} IS NOT NULL AND cell NOT IN (SELECT cell FROM (${known})))`;
}

/** The rows of `table` whose priority cell names no priority. */
export const unknownPriorityRows = (cellSql: string, table: string) => rowsWithUnknownCells(cellSql, table, priorityCells(cellSql, table));

/** The rows of `table` whose agency cell the agency list does not know. */
export const unknownAgencyRows = (cellSql: string, table: string) => rowsWithUnknownCells(cellSql, table, agencyCells(cellSql, table));

export const PRIORITY_FIX = 'Write the priority’s number (1–6) or its short name as on the home page.';

/** Rows whose priority names no priority of the plan. */
export function unknownPriorities(ctx: FormatContext): Check {
	return {
		column: columnIndex(ctx, 'priority'),
		sql: `SELECT s."row", ${col(ctx, 'priority')} AS value, 'No priority of the plan has this number or name.' AS message
			FROM ${ctx.file.table} s WHERE ${col(ctx, 'priority')} IS NOT NULL AND ${prioritySql(col(ctx, 'priority'))} IS NULL`,
		fix: PRIORITY_FIX
	};
}

/** Spellings of lead agencies that the agency list does not know. */
export function unknownAgencies(ctx: FormatContext, spellingsSql: string, column: string): Check {
	return {
		column: columnIndex(ctx, column),
		sql: `SELECT l."row", l.spelling AS value, 'This agency is not in the agency list.' AS message
			FROM (${spellingsSql}) l WHERE agency_key(l.spelling) NOT IN (SELECT alias_key FROM agency_aliases)`,
		fix: AGENCY_FIX
	};
}

/** Lead-agency cells split into one row per agency named. */
export function leadSpellings(table: string, leadSql: string): string {
	return `SELECT s."row", trim(name) AS spelling FROM ${table} s,
		unnest(coalesce(regexp_split_to_array(${leadSql}, '[;\\n]'), [])) AS u(name) WHERE trim(name) <> ''`;
}

export const RAG_FIX = 'Write R, A, G or B (Red, Amber, Green, Blue = complete), or leave the cell blank for not rated.';

export const AGENCY_FIX =
	'Correct the spelling, or add it to the agency list (agencies.csv) as an alias of the right agency.';

/** The action plan: actions, rated items, their lead agencies, and reviews given as column pairs. */
export const importPlan: FormatHandler = async (ctx) => {
	const t = ctx.file.table;
	const plan = ctx.temp('plan');
	// Ids default from the plan's order: action n of priority p is "p.n"; its items "p.na", "p.nb".
	await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${plan} AS
		WITH base AS (
			SELECT s."row", ${prioritySql(col(ctx, 'priority'))} AS priority, ${col(ctx, 'action')} AS action,
				${col(ctx, 'action_id')} AS given_action, ${col(ctx, 'item_id')} AS given_item,
				${col(ctx, 'how')} AS how, ${col(ctx, 'timescale')} AS timescale, ${col(ctx, 'lead_agency')} AS lead_text,
				min(s."row") OVER (PARTITION BY ${col(ctx, 'priority')}, coalesce(${col(ctx, 'action_id')}, ${col(ctx, 'action')})) AS first_row
			FROM ${t} s),
		actions AS (
			SELECT *, coalesce(given_action, priority || '.' || dense_rank() OVER (PARTITION BY priority ORDER BY first_row)) AS action_id
			FROM base)
		SELECT *, coalesce(given_item, CASE WHEN count(*) OVER (PARTITION BY action_id) = 1 THEN action_id
			ELSE action_id || chr(96 + CAST(row_number() OVER (PARTITION BY action_id ORDER BY "row") AS INTEGER)) END) AS item_id
		FROM actions`);

	const { reviews: reviewColumns, problems: headerProblems } = findReviewColumns(ctx.file, ctx.match.unmatched);
	const ragLookups: { review: ReviewColumns; lookup: Lookup }[] = reviewColumns.map((review) => ({
		review,
		lookup: ctx.lookups.add({ column: review.rag, fields: { rag: 'VARCHAR' }, parse: ragFields, fix: RAG_FIX })
	}));
	const checks = [
		...(await ctx.lookups.build(ctx.db, ctx.file)),
		blankCells(ctx, 'priority', PRIORITY_FIX),
		blankCells(ctx, 'action', 'Write the action as the plan words it.'),
		unknownPriorities(ctx),
		{
			column: columnIndex(ctx, 'item_id') ?? columnIndex(ctx, 'action_id'),
			sql: `SELECT "row", item_id AS value, 'The same item id as row ' || first_row || '.' AS message
				FROM (SELECT "row", item_id, min("row") OVER (PARTITION BY item_id) AS first_row FROM ${plan})
				WHERE "row" <> first_row`,
			fix: 'Give each rated item its own id, e.g. 1.4a and 1.4b.'
		},
		unknownAgencies(ctx, leadSpellings(t, col(ctx, 'lead_agency')), 'lead_agency')
	];

	// Every item at every review the file has columns for, rated or not: a blank rating removes a stored one.
	const reviews = ragLookups
		.map(({ review, lookup }) => {
			const progress = review.progress === null ? 'CAST(NULL AS VARCHAR)' : `nullif(trim(s.${cell(review.progress)}), '')`;
			return `SELECT s."row", p.item_id, DATE ${str(review.date)} AS review, ${lookup.field('rag')} AS rag, ${progress} AS progress
				FROM ${t} s JOIN ${plan} p USING ("row") ${lookup.join}`;
		})
		.join('\nUNION ALL\n');
	return {
		problems: headerProblems,
		checks,
		incoming: { reviews },
		writes: ['actions', 'items', 'item_leads', 'reviews'],
		write: async (session, importId) => {
			const ids = `SELECT item_id FROM ${plan}`;
			await session.exec(`
				DELETE FROM item_leads WHERE item_id IN (${ids});
				DELETE FROM items WHERE item_id IN (${ids});
				DELETE FROM actions WHERE action_id IN (SELECT action_id FROM ${plan});
				INSERT INTO actions SELECT action_id, first(priority ORDER BY "row"), first(action ORDER BY "row")
					FROM ${plan} GROUP BY action_id;
				INSERT INTO items SELECT item_id, action_id, how, timescale, lead_text, "row" FROM ${plan};
				INSERT INTO item_leads SELECT DISTINCT p.item_id, a.agency_id
					FROM (${leadSpellings(plan, 's.lead_text')}) l JOIN ${plan} p USING ("row")
					JOIN agency_aliases a ON a.alias_key = agency_key(l.spelling)`);
			if (reviews) await writeReviews(session, reviews, ctx.source, importId, ctx.temp('reviews'));
		}
	};
};

/** The format of action-plan (DOMAIN.md §4): its columns and help text, read by the reader, the templates and the formats page. */
export const actionPlan: Format = {
	id: 'action-plan',
	title: 'Action plan',
	description:
		'One row per rated item. Reviews may follow as column pairs "RAG <review>" and "Progress <review>", e.g. "RAG Dec 2016".',
	columns: [
		{ name: 'priority', required: true, description: 'The plan priority, by number or name.', example: '1' },
		{ name: 'action', required: true, aliases: ['action title'], description: 'The action, as written in the plan.', example: 'Develop a CSE training strategy for parents, carers and professionals.' },
		{ name: 'action_id', aliases: ['action ref', 'action number'], description: 'A stable id for the action.', example: '1.3' },
		{ name: 'item_id', aliases: ['item', 'item ref', 'step id'], description: 'A stable id for the rated item; defaults to the action id.', example: '1.3' },
		{ name: 'how', aliases: ['how will we do this', 'how will we do this?'], description: 'How the action will be done.', example: 'Summarise the CSE training offer …' },
		{ name: 'lead_agency', aliases: ['lead agencies', 'lead', 'agency', 'agencies'], description: 'Lead agencies, separated by ";" or new lines.', example: 'Learning and Development; Young and Safe vulnerability team' },
		{ name: 'timescale', aliases: ['timescale & progress', 'timescale and progress', 'due'], description: 'When it is due, as written.', example: 'April 2017' }
	],
	handler: () => importPlan
};
