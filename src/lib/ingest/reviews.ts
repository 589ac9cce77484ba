import { parseReviewDate } from '../oba/periods';
import { parseRag, RAG_EXPECTED } from '../oba/rag';
import { str } from '../db/sql';
import type { FormatHandler } from './context';
import { blankCells, col, columnIndex, duplicateKeys } from './context';
import { buildLookup, locate } from './lookup';
import { cell } from './stage';

/** Reviews as long rows: one per item per review. The items must already be in the plan. */
export const importReviews: FormatHandler = async (ctx) => {
	const t = ctx.file.table;
	const ragColumn = columnIndex(ctx, 'rag');
	const rag =
		ragColumn === null
			? null
			: await buildLookup(ctx.db, ctx.file, {
					column: ragColumn,
					fields: { rag: 'VARCHAR' },
					parse: (text) => {
						const parsed = parseRag(text);
						return parsed.ok ? { ok: true, fields: { rag: parsed.rag } } : parsed;
					},
					fix: RAG_EXPECTED
				});
	const review = await buildLookup(ctx.db, ctx.file, {
		column: columnIndex(ctx, 'review')!,
		fields: { date: 'DATE' },
		parse: (text) => {
			const parsed = parseReviewDate(text);
			return parsed.ok ? { ok: true, fields: { date: parsed.date } } : parsed;
		},
		fix: 'Write the review as a month and year, e.g. "Jul 2017".'
	});
	const rows = `
		SELECT s."row", ${col(ctx, 'item_id')} AS item_id, d.date AS review,
			${rag ? 'r.rag' : 'CAST(NULL AS VARCHAR)'} AS rag, ${col(ctx, 'progress')} AS progress
		FROM ${t} s JOIN ${review.table} d ON d.text = coalesce(s.${cell(columnIndex(ctx, 'review')!)}, '')
		${rag ? `JOIN ${rag.table} r ON r.text = coalesce(s.${cell(ragColumn!)}, '')` : ''}`;
	const problems = [
		...(rag?.problems ?? []),
		...review.problems,
		...(await blankCells(ctx, 'item_id', 'Give the id of the item (or action) from the plan, e.g. 1.4a.')),
		...(await duplicateKeys(ctx, `${col(ctx, 'item_id')} || ' at ' || ${col(ctx, 'review')}`, 'item_id', 'item and review')),
		...(await locate(ctx.db, ctx.file, columnIndex(ctx, 'item_id'),
			`SELECT s."row", ${col(ctx, 'item_id')} AS value, 'No item of the loaded plan has this id.' AS message
			 FROM ${t} s WHERE ${col(ctx, 'item_id')} NOT IN (SELECT item_id FROM items)`,
			'Use an item id from the action plan (load the plan first), e.g. 1.4a.'))
	];
	return {
		problems,
		write: async (session, importId) => {
			await session.exec(`
				DELETE FROM reviews r USING (${rows}) x WHERE r.item_id = x.item_id AND r.review = x.review;
				INSERT INTO reviews SELECT item_id, review, rag, progress, ${str(ctx.source)}, ${importId} FROM (${rows})`);
			return ctx.file.rowCount;
		}
	};
};
