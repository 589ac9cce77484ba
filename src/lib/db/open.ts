import { Database, type Session } from './database';
import type { Engine } from './engine';
import { HOME_VALUES, refreshHomeValues } from './home-values';
import { MEASURE_SERIES, refreshMeasureSeries } from './measure-series';
import { MACROS_SQL, SCHEMA_SQL } from './schema';

/** The temporary tables the database derives from measure_values in every transaction. */
export const DERIVED_TABLES = [HOME_VALUES, MEASURE_SERIES] as const;

/** A Database over `engine` with the app's tables, macros and derived tables in place. */
export async function openDatabase(engine: Engine): Promise<Database> {
	const derive = async (session: Session) => {
		await refreshHomeValues(session);
		await refreshMeasureSeries(session);
	};
	const db = new Database(engine, { derive });
	await db.exec(SCHEMA_SQL + MACROS_SQL);
	await derive(db);
	return db;
}
