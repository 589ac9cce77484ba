// A measure's RAG tolerance: the one set in the app (measure_tolerances) wins, as a whole, over the
// one its file gave (measures' columns). Read beside the measure wherever it is rated; written
// and removed one measure at a time from the measure page.
import type { Session } from '../database';
import { str } from '../sql';
import { thresholdText, type Tolerance } from '../../oba/measure-rag';

/** Where a measure's tolerance comes from: the app, its file, or neither. */
export type ToleranceFrom = 'app' | 'file' | null;

/** The columns a measure row gains: the tolerance in force, as stored texts, and where it is from. */
export interface ToleranceColumns {
	amber_threshold: string | null;
	red_threshold: string | null;
	travel_rule: string | null;
	tolerance_from: ToleranceFrom;
}

/** Join this after `measures m` (the alias is `mt`), and select TOLERANCE_SELECT. */
export const TOLERANCE_JOIN = 'LEFT JOIN measure_tolerances mt ON mt.measure_id = m.measure_id';

const pick = (column: string) => `CASE WHEN mt.measure_id IS NULL THEN m.${column} ELSE mt.${column} END AS ${column}`;

export const TOLERANCE_SELECT = `${pick('amber_threshold')}, ${pick('red_threshold')}, ${pick('travel_rule')},
	CASE WHEN mt.measure_id IS NOT NULL THEN 'app'
		WHEN m.amber_threshold IS NOT NULL OR m.red_threshold IS NOT NULL OR coalesce(m.travel_rule, 'none') <> 'none' THEN 'file' END AS tolerance_from`;

/** The tolerance its file gives a measure (what "use the file's" goes back to). */
export async function fileTolerance(db: Session, measureId: string): Promise<Omit<ToleranceColumns, 'tolerance_from'> | null> {
	const [row] = await db.rows<Omit<ToleranceColumns, 'tolerance_from'>>(`
		SELECT amber_threshold, red_threshold, travel_rule FROM measures WHERE measure_id = ${str(measureId)}`);
	return row ?? null;
}

/** Sets the measure's tolerance in the app; `setAt` is ISO 8601 in UTC. */
export async function setTolerance(db: Session, measureId: string, tolerance: Tolerance, setAt: string): Promise<void> {
	const text = (t: Tolerance['amber']) => str(thresholdText(t));
	await db.exec(`DELETE FROM measure_tolerances WHERE measure_id = ${str(measureId)}`);
	await db.exec(`INSERT INTO measure_tolerances VALUES (${str(measureId)}, ${text(tolerance.amber)}, ${text(tolerance.red)},
		${str(tolerance.travel)}, CAST(${str(setAt.replace('T', ' ').replace(/Z$/, ''))} AS TIMESTAMP))`);
}

/** Removes the tolerance set in the app: the file's is in force again. */
export function clearTolerance(db: Session, measureId: string): Promise<void> {
	return db.exec(`DELETE FROM measure_tolerances WHERE measure_id = ${str(measureId)}`);
}
