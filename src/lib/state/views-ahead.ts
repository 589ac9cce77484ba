// The views drawn ahead of the database, from answers recorded over the data they will show: the
// home page, and the report card as /measures/ opens (no filter). The build records them over the
// sample (db/sample-snapshot.ts); the workspace records them over the tables it keeps, after each
// change (workspace.svelte.ts), so a reload draws them while DuckDB starts, as a first visit does.
import type { Session } from '../db/database';
import { NO_FILTERS } from './filters';
import { loadHome } from './home';
import { loadReportCard } from './report-card';

export const VIEWS_ANSWERED_AHEAD: readonly ((db: Session) => Promise<unknown>)[] = [loadHome, (db) => loadReportCard(db, NO_FILTERS)];
