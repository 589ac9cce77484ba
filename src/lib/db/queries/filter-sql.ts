import { parsePeriod } from '../../oba/periods';
import type { Filters } from '../../state/filters';
import { num, str } from '../sql';

/** The start date of a period label, as SQL, or null when the label does not parse. */
function periodStart(label: string | null): string | null {
	if (!label) return null;
	const parsed = parsePeriod(label);
	return parsed.ok ? `DATE ${str(parsed.period.start)}` : null;
}

/**
 * The filters as a SQL predicate on measures `m` (joined to agencies `a`): every filter is pushed
 * down to DuckDB, never applied to rows in JavaScript.
 */
export function measureWhere(filters: Filters): string {
	const clauses = ['true'];
	if (filters.priorities.length) clauses.push(`m.priority IN (${filters.priorities.map(num).join(', ')})`);
	if (filters.agencies.length) clauses.push(`m.agency_id IN (${filters.agencies.map(str).join(', ')})`);
	if (filters.quadrants.length) clauses.push(`m.quadrant IN (${filters.quadrants.map(str).join(', ')})`);
	if (filters.search) clauses.push(`m.name ILIKE ${str(`%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} ESCAPE '\\'`);
	return clauses.join(' AND ');
}

/** The period range as a SQL predicate on measure values `v`. */
export function periodWhere(filters: Filters): string {
	const clauses = ['true'];
	const from = periodStart(filters.from);
	const to = periodStart(filters.to);
	if (from) clauses.push(`v.period_start >= ${from}`);
	if (to) clauses.push(`v.period_start <= ${to}`);
	return clauses.join(' AND ');
}

