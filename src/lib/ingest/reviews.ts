import { parseReviewDate } from '../oba/periods';
import { str } from '../db/sql';
import type { FormatHandler } from './context';
import { blankCells, col, columnIndex, duplicateKeys } from './context';
import { RAG_FIX, ragFields } from './plan';
import { lookupColumn } from './cell-lookups';

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
		SELECT s."row", ${col(ctx, 'item_id')} AS item_id, ${review.alias}.date AS review,
			${rag ? `${rag.alias}.rag` : 'CAST(NULL AS VARCHAR)'} AS rag, ${col(ctx, 'progress')} AS progress
		FROM ${t} s ${review.join} ${rag?.join ?? ''}`;
	return {
		checks: [
			...(await ctx.lookups.build(ctx.db, ctx.file)),
			blankCells(ctx, 'item_id', 'Give the id of the item (or action) from the plan, e.g. 1.4a.'),
			duplicateKeys(ctx, `${col(ctx, 'item_id')} || ' at ' || ${col(ctx, 'review')}`, 'item_id', 'item and review'),
			{
				column: columnIndex(ctx, 'item_id'),
				sql: `SELECT s."row", ${col(ctx, 'item_id')} AS value, 'No item of the loaded plan has this id.' AS message
					FROM ${t} s WHERE ${col(ctx, 'item_id')} NOT IN (SELECT item_id FROM items)`,
				fix: 'Use an item id from the action plan (load the plan first), e.g. 1.4a.'
			}
		],
		write: async (session, importId) => {
			await session.exec(`
				DELETE FROM reviews r USING (${rows}) x WHERE r.item_id = x.item_id AND r.review = x.review;
				INSERT INTO reviews SELECT item_id, review, rag, progress, ${str(ctx.source)}, ${importId} FROM (${rows})`);
			return ctx.file.rowCount;
		}
	};
};
