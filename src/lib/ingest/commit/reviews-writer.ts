/**
 * How RAG ratings are written, for the reviews file and the action plan's review columns alike:
 * each (item, review) the file gives replaces what is stored; a blank rating with no progress
 * note means "not rated at that review", so it removes a stored rating rather than adding a row.
 */
import type { Session } from '../../db/database';
import { str } from '../../db/sql';
import type { DataSource } from '../formats/context';

/** The columns a file's review relation has, besides its "row". */
export const REVIEW_COLUMNS = 'item_id, review, rag, progress';

export async function writeReviews(session: Session, reviews: string, source: DataSource, importId: number, temp: string): Promise<void> {
	await session.exec(`
		CREATE OR REPLACE TEMP TABLE ${temp} AS ${reviews};
		DELETE FROM reviews r USING ${temp} n WHERE r.item_id = n.item_id AND r.review = n.review;
		INSERT INTO reviews SELECT ${REVIEW_COLUMNS}, ${str(source)}, ${importId} FROM ${temp}
			WHERE rag IS NOT NULL OR progress IS NOT NULL`);
}
