import { Database } from './database';
import type { Engine } from './engine';
import { refreshHomeValues } from './home-values';
import { MACROS_SQL, SCHEMA_SQL } from './schema';

/** A Database over `engine` with the app's tables, macros and derived tables in place. */
export async function openDatabase(engine: Engine): Promise<Database> {
	const db = new Database(engine, { derive: refreshHomeValues });
	await db.exec(SCHEMA_SQL + MACROS_SQL);
	await refreshHomeValues(db);
	return db;
}
