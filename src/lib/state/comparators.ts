// A measure's areas as lines: the partnership's own and its comparators, as the figure published
// or per 10,000 children. Pure; the SQL is in db/queries/comparators.ts, the rate in oba/rates.ts.
import type { AreaValueRow } from '../db/queries/comparators';
import { parsePeriod } from '../oba/periods';
import { ratePer10000, type Figure } from '../oba/rates';
import type { SeriesPoint } from '../oba/series-point';

export interface AreaSeries {
	code: string;
	name: string;
	level: string;
	points: SeriesPoint[];
}

/**
 * One series per area, the home area first, then the others in the order given (nearest first).
 * As a rate, a gap keeps its marker; a count without a population is a gap with no marker, and no
 * target is carried (targets are set for the figure as published).
 */
export function areaSeries(rows: readonly AreaValueRow[], homeCode: string, figure: Figure): AreaSeries[] {
	const byArea = new Map<string, AreaSeries>();
	for (const row of rows) {
		const parsed = parsePeriod(row.period_label);
		if (!parsed.ok) continue;
		const series = byArea.get(row.area_code) ?? { code: row.area_code, name: row.area_name, level: row.area_level, points: [] };
		byArea.set(row.area_code, series);
		const value = figure === 'rate' ? ratePer10000(row.value, row.population) : row.value;
		series.points.push({
			period: parsed.period,
			value,
			marker: row.value === null ? row.marker : null,
			target: figure === 'rate' ? null : row.target
		});
	}
	const all = [...byArea.values()];
	return [...all.filter((s) => s.code === homeCode), ...all.filter((s) => s.code !== homeCode)];
}
