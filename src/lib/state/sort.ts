// The report card's sort, held in the URL beside the filters, so that a reload, a bookmark and
// back and forward keep it. Pure: reading and writing the query string.
import type { SortDirection, SortKey } from '../oba/report-card';

export interface CardSort {
	key: SortKey;
	direction: SortDirection;
}

/** Every column the card can sort by; a key from the URL is only used if it is one of these. */
export const SORT_KEYS: readonly SortKey[] = [
	'name',
	'id',
	'latestPeriod',
	'latestValue',
	'previousValue',
	'target',
	'gapToTarget',
	'currentTrend',
	'shortTrendPrevious',
	'shortTrendLastYear',
	'longTrend',
	'baselineChange',
	'verdict'
];

/** The sort in a query string (`sort=latestValue&dir=descending`); null for none or nonsense. */
export function parseSort(params: URLSearchParams): CardSort | null {
	const key = SORT_KEYS.find((k) => k === params.get('sort'));
	if (!key) return null;
	return { key, direction: params.get('dir') === 'descending' ? 'descending' : 'ascending' };
}

/** The query-string entries of a sort, for filtersToSearch's extra: ascending is left out. */
export function sortSearch(sort: CardSort | null): Record<string, string | null> {
	return { sort: sort?.key ?? null, dir: sort?.direction === 'descending' ? 'descending' : null };
}

/** A click on a column: the same column turns round, another column starts ascending. */
export function nextSort(current: CardSort | null, key: SortKey): CardSort {
	if (current?.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
	return { key, direction: 'ascending' };
}
