/**
 * Which of a measure's rows make its series. Monthly data is kept as months beside the quarters
 * and years rolled up from them (ingest/formats/monthly-rollup.ts), so every query of a series
 * keeps one kind: the months when the user asks for months and the measure has them, else its
 * quarters, else its years. measure_series says, per measure, what it has; like home_values it is a
 * temporary table the database makes again in every transaction (open.ts).
 */
import type { Session } from './database';

export const MEASURE_SERIES = 'measure_series';

/** How finely periods are shown: quarters (the default, as boards report) or months. */
export type Grain = 'quarter' | 'month';

export function refreshMeasureSeries(db: Session): Promise<void> {
	return db.exec(`CREATE OR REPLACE TEMP TABLE ${MEASURE_SERIES} AS
		SELECT measure_id, bool_or(period_kind = 'month') AS has_months,
			CASE WHEN bool_or(period_kind = 'quarter') THEN 'quarter' WHEN bool_or(period_kind = 'year') THEN 'year' ELSE 'month' END AS kind
		FROM measure_values GROUP BY measure_id`);
}

/** Keeps, of the values `v` (by alias), the rows of each measure's series at `grain`. */
export function seriesJoin(alias: string, grain: Grain): string {
	const kind = grain === 'month' ? `CASE WHEN s.has_months THEN 'month' ELSE s.kind END` : 's.kind';
	// A semi join: it keeps rows of `alias` and adds no column, so later USING (measure_id) stays unambiguous.
	return `SEMI JOIN ${MEASURE_SERIES} s ON s.measure_id = ${alias}.measure_id AND ${alias}.period_kind = ${kind}`;
}

/** Whether any measure has monthly data: the page offers months only then. */
export async function hasMonthlyData(db: Session): Promise<boolean> {
	const [row] = await db.rows<{ any: boolean | null }>(`SELECT bool_or(has_months) AS "any" FROM ${MEASURE_SERIES}`);
	return row?.any === true;
}
