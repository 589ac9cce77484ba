import type { IndicatorValueRow } from '../db/queries/population';
import type { ValueRow } from '../db/queries/measures';
import type { LinePoint, LineSeries } from './line-geometry';

/** A measure's values as a line: one point per period, a gap where there is no value. */
export function valuePoints(rows: readonly ValueRow[]): LinePoint[] {
	return rows.map((r) => ({ x: new Date(r.period_start), y: r.value, label: r.period_label, marker: r.marker }));
}

export function targetPoints(rows: readonly ValueRow[]): LinePoint[] {
	return rows.some((r) => r.target !== null)
		? rows.map((r) => ({ x: new Date(r.period_start), y: r.target, label: r.period_label }))
		: [];
}

/** One line per area, the home area first, for counts or rates per 10,000. */
export function areaSeries(
	rows: readonly IndicatorValueRow[],
	areaOrder: readonly string[],
	colours: readonly string[],
	measure: 'value' | 'rate'
): LineSeries[] {
	return areaOrder
		.map((code, i) => {
			const mine = rows.filter((r) => r.area_code === code);
			return {
				id: code,
				label: mine[0]?.area_name ?? code,
				colour: colours[i % colours.length]!,
				dashed: i > 0,
				points: mine.map((r) => ({
					x: new Date(r.period_start),
					y: r[measure],
					label: r.period_label,
					marker: r.value === null ? r.marker : null
				}))
			};
		})
		.filter((s) => s.points.length > 0);
}
