import { Database } from './database';
import type { Engine } from './engine';
import { MACROS_SQL, SCHEMA_SQL } from './schema';

/** A Database over `engine` with the app's tables and macros in place. */
export async function openDatabase(engine: Engine): Promise<Database> {
	const db = new Database(engine);
	await db.exec(SCHEMA_SQL + MACROS_SQL);
	return db;
}
