import { parseReviewDate } from '../../oba/periods';
import type { FormatHandler } from './context';
import { blankCells, col, columnIndex } from './context';
import { RAG_FIX, ragFields } from './action-plan';
import { lookupColumn } from '../check/cell-lookups';
import { writeReviews } from '../commit/reviews-writer';
import { type Format } from './specs';

/** Reviews as long rows: one per item per review. The items must already be in the plan. */
export const importReviews: FormatHandler = async (ctx) => {
	const t = ctx.file.table;
	const rag = lookupColumn(ctx, 'rag', { fields: { rag: 'VARCHAR' }, parse: ragFields, fix: RAG_FIX });
	const review = lookupColumn(ctx, 'review', {
		fields: { date: 'DATE' },
		parse: (text) => {
			const parsed = parseReviewDate(text);
			return parsed.ok ? { ok: true, fields: { date: parsed.date } } : parsed;
		},
		fix: 'Write the review as a month and year, e.g. "Jul 2017".'
	})!;
	const rows = `
		SELECT s."row", ${col(ctx, 'item_id')} AS item_id, ${review.field('date')} AS review,
			${rag ? rag.field('rag') : 'CAST(NULL AS VARCHAR)'} AS rag, ${col(ctx, 'progress')} AS progress,
			${col(ctx, 'review')} AS review_text
		FROM ${t} s ${review.join} ${rag?.join ?? ''}`;
	return {
		checks: [
			...(await ctx.lookups.build(ctx.db, ctx.file)),
			blankCells(ctx, 'item_id', 'Give the id of the item (or action) from the plan, e.g. 1.4a.'),
			{
				// By the review's date, not its spelling: "Dec 2019" and "December 2019" are one review.
				column: columnIndex(ctx, 'review'),
				sql: `SELECT "row", review_text AS value, 'Row ' || first_row || ' already rates item ' || item_id || ' at this review.' AS message
					FROM (SELECT *, min("row") OVER (PARTITION BY item_id, review) AS first_row FROM (${rows}) WHERE review IS NOT NULL AND item_id IS NOT NULL)
					WHERE "row" <> first_row`,
				fix: 'Keep one row for each item and review, or delete the repeated row.'
			},
			{
				column: columnIndex(ctx, 'item_id'),
				sql: `SELECT s."row", ${col(ctx, 'item_id')} AS value, 'No item of the loaded plan has this id.' AS message
					FROM ${t} s WHERE ${col(ctx, 'item_id')} NOT IN (SELECT item_id FROM items)`,
				fix: 'Use an item id from the action plan (load the plan first), e.g. 1.4a.'
			}
		],
		incoming: { reviews: rows },
		writes: ['reviews'],
		write: async (session, importId) => {
			await writeReviews(session, rows, ctx.source, importId, ctx.temp('reviews'));
		}
	};
};

/** The format of reviews (DOMAIN.md §4): its columns and help text, read by the reader, the templates and the formats page. */
export const reviews: Format = {
	id: 'reviews',
	warnsOtherColumns: true,
	title: 'Action plan reviews',
	description: 'One row per rated item per review.',
	columns: [
		{ name: 'item_id', required: true, aliases: ['action_id', 'item', 'action ref'], description: 'The rated item (or action) id from the plan.', example: '1.4a' },
		{ name: 'review', required: true, aliases: ['review date', 'date'], description: 'The review: Dec 2016, Jul 2017, 2017-07 …', example: 'Jul 2017' },
		{ name: 'rag', aliases: ['rag rating', 'rating', 'status', 'brag'], description: 'R / A / G / B (complete), Red / Amber / Green / Blue / Complete; blank = not rated.', example: 'Green' },
		{ name: 'progress', aliases: ['progress note', 'update', 'commentary'], description: 'The progress note at that review.', example: 'Delivered to 12 schools.' }
	],
	handler: () => importReviews
};
