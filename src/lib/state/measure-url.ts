// What a measure page shows, held in the URL so that it can be bookmarked, shared and reloaded:
// the baseline window, the forecast method, the figure and the SPC baseline (as published, or per 10,000
// children). Pure: reading and writing the query string; the page keeps `id` and anything else.
import type { ForecastMethod } from '../oba/baseline';
import { parsePeriod, type Period } from '../oba/periods';
import type { Figure } from '../oba/rates';
import type { Grain } from '../db/measure-series';

export interface MeasureChoice {
	method: ForecastMethod;
	figure: Figure;
	/** The baseline window's ends, if chosen; null = the default. */
	from: Period | null;
	to: Period | null;
	/** The last period of the SPC baseline (the XmR chart's limits), if chosen; null = the default. */
	spcTo: Period | null;
}

/** Reads the choice; a period of another kind than the measure's (a year on a quarterly line) is dropped. */
export function parseMeasureChoice(params: URLSearchParams, kind: Period['kind'] = 'quarter'): MeasureChoice {
	const period = (key: string) => {
		const parsed = parsePeriod(params.get(key) ?? '');
		return parsed.ok && parsed.period.kind === kind ? parsed.period : null;
	};
	return {
		method: params.get('method') === 'theil-sen' ? 'theil-sen' : 'linear',
		figure: params.get('as') === 'rate' ? 'rate' : 'count',
		from: period('base_from'),
		to: period('base_to'),
		spcTo: period('spc_to')
	};
}

/**
 * `neighbours=each` draws each statistical neighbour; `funnel` is the funnel plot's year (default the latest);
 * `periods=months` shows a measure with monthly data by month (default: by quarter).
 */
export type MeasureKey = 'method' | 'as' | 'base_from' | 'base_to' | 'spc_to' | 'neighbours' | 'funnel' | 'periods';

/** The periods a measure page shows: `periods=months`, else quarters. */
export function measureGrain(params: URLSearchParams): Grain {
	return params.get('periods') === 'months' ? 'month' : 'quarter';
}

/** The query string with one setting changed (null or the default removes it), the rest kept. */
export function measureSearch(params: URLSearchParams, key: MeasureKey, value: string | null): string {
	const next = new URLSearchParams(params);
	const isDefault = value === null || value === '' || (key === 'method' && value === 'linear') || (key === 'as' && value === 'count');
	if (isDefault) next.delete(key);
	else next.set(key, value);
	return `?${next}`;
}
