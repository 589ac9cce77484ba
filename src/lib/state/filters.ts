// The explorer's filters, held in the URL so that a view can be bookmarked, shared and reloaded,
// and back and forward work. Pure: parsing and writing the query string.
import { parsePeriod, financialYearLabel } from '../oba/periods';
import type { Quadrant } from '../oba/measure-meta';
import type { Grain } from '../db/measure-series';

export interface Filters {
	priorities: number[];
	agencies: string[];
	quadrants: Quadrant[];
	/** Period range as financial-year labels ('2016/17 Q1'); null = open. */
	from: string | null;
	to: string | null;
	/** Text search in measure names and action text. */
	search: string;
	/** Action plan: current RAG ('none' = not rated) and "changed since the previous review". */
	rags: RagFilter[];
	changed: boolean;
	/** Quarters (the default) or, for measures with monthly data, months. */
	grain: Grain;
}

export type RagFilter = 'R' | 'A' | 'G' | 'B' | 'none';
const RAG_IDS: readonly RagFilter[] = ['R', 'A', 'G', 'B', 'none'];

export const NO_FILTERS: Filters = { priorities: [], agencies: [], quadrants: [], from: null, to: null, search: '', rags: [], changed: false, grain: 'quarter' };

const QUADRANT_IDS: readonly Quadrant[] = ['population', 'how_much', 'how_well', 'better_off'];

function list(params: URLSearchParams, key: string): string[] {
	return params
		.getAll(key)
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter(Boolean);
}

function period(text: string | null): string | null {
	if (!text) return null;
	const parsed = parsePeriod(text);
	return parsed.ok && parsed.period.kind === 'quarter' ? financialYearLabel(parsed.period) : null;
}

/** Reads filters from a query string; anything it cannot read is dropped, never thrown. */
export function parseFilters(params: URLSearchParams): Filters {
	return {
		priorities: [...new Set(list(params, 'priority').map(Number).filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => a - b),
		agencies: [...new Set(list(params, 'agency'))].sort(),
		quadrants: QUADRANT_IDS.filter((q) => list(params, 'quadrant').includes(q)),
		from: period(params.get('from')),
		to: period(params.get('to')),
		search: (params.get('q') ?? '').trim().slice(0, 200),
		rags: RAG_IDS.filter((r) => list(params, 'rag').includes(r)),
		changed: params.get('changed') === '1',
		grain: params.get('periods') === 'months' ? 'month' : 'quarter'
	};
}

/** Writes filters as a query string, in a stable order, leaving out what is not set. */
export function filtersToSearch(filters: Filters, extra: Record<string, string | null> = {}): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
	if (filters.priorities.length) params.set('priority', filters.priorities.join(','));
	if (filters.agencies.length) params.set('agency', filters.agencies.join(','));
	if (filters.quadrants.length) params.set('quadrant', filters.quadrants.join(','));
	if (filters.from) params.set('from', filters.from);
	if (filters.to) params.set('to', filters.to);
	if (filters.search) params.set('q', filters.search);
	if (filters.rags.length) params.set('rag', filters.rags.join(','));
	if (filters.changed) params.set('changed', '1');
	if (filters.grain === 'month') params.set('periods', 'months');
	const text = params.toString();
	return text ? `?${text}` : '';
}

export function hasFilters(filters: Filters): boolean {
	return filtersToSearch(filters) !== '';
}
