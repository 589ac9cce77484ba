/**
 * The home area's values, kept apart from every other area's. The report card reads them on
 * every filter change, and after a national import they are a few thousand rows among a million
 * of other areas' (comparators) that each of its queries would otherwise scan.
 *
 * A temporary table, so that it is in neither the workspace file nor the sample snapshot (which
 * take the app's own tables: ingest/table-text.ts). openDatabase makes it and has the database
 * rebuild it in every transaction, before the transaction commits (database.ts): everything that
 * writes measure_values (an import, an undo, a workspace file opened, the sample snapshot) writes
 * in one, so it is never out of date, nor seen half-written.
 */
import type { Session } from './database';
import { HOME_AREA_SQL } from './schema';

export const HOME_VALUES = 'home_values';

/** Makes home_values again from measure_values, for the area the settings name (none before one is chosen). */
export function refreshHomeValues(db: Session): Promise<void> {
	return db.exec(`CREATE OR REPLACE TEMP TABLE ${HOME_VALUES} AS
		SELECT * FROM measure_values WHERE area_code = ${HOME_AREA_SQL}`);
}
