/** The row checks of a measures file (long or wide), asked of its parsed rows table. */
import { HOME_AREA } from '../db/schema';
import { str } from '../db/sql';
import type { Check } from './checks';
import type { FormatContext } from './context';
import { blankCells, columnIndex } from './context';
import { AGENCY_FIX, PRIORITY_FIX } from './plan';

/** The metadata a measure has once, with the column it is written in. */
const ATTRIBUTES = [
	{ parsed: 'name', text: 'name', column: 'measure', what: 'name' },
	{ parsed: 'quadrant', text: 'quadrant_text', column: 'quadrant', what: 'quadrant' },
	{ parsed: 'priority', text: 'priority_text', column: 'priority', what: 'priority' },
	{ parsed: 'agency_id', text: 'agency_text', column: 'agency', what: 'agency' },
	{ parsed: 'polarity', text: 'polarity_text', column: 'polarity', what: 'polarity' },
	{ parsed: 'unit', text: 'unit_text', column: 'unit', what: 'unit' }
] as const;

/**
 * The measures with two different readings of some attribute, found in one pass (a flag per
 * attribute): the checks below window only their rows, and in a clean file there are none.
 */
async function mixedMeasures(ctx: FormatContext, rows: string): Promise<string> {
	const mixed = ctx.temp('mixed');
	const flags = ATTRIBUTES.map((a) => `min(${a.parsed}) <> max(${a.parsed})`);
	await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${mixed} AS
		SELECT measure_id, ${flags.map((f, i) => `coalesce(${f}, false) AS ${ATTRIBUTES[i]!.parsed}`).join(', ')}
		FROM ${rows} GROUP BY measure_id HAVING ${flags.join(' OR ')}`);
	return mixed;
}

/** Rows whose measure metadata means something different from the measure's first row (spelling aside). */
function inconsistent(ctx: FormatContext, rows: string, mixed: string, a: (typeof ATTRIBUTES)[number]): Check {
	return {
		column: columnIndex(ctx, a.column),
		sql: `SELECT "row", ${a.text} AS value,
				'Row ' || first_row || ' gives this measure the ${a.what} "' || first_text || '".' AS message
			FROM (SELECT "row", ${a.parsed} AS parsed, ${a.text},
					first(${a.parsed} ORDER BY "row") OVER w AS first_parsed, first(${a.text} ORDER BY "row") OVER w AS first_text,
					first("row" ORDER BY "row") OVER w AS first_row
				FROM ${rows} WHERE ${a.parsed} IS NOT NULL AND measure_id IN (SELECT measure_id FROM ${mixed} WHERE ${a.parsed})
				WINDOW w AS (PARTITION BY measure_id))
			WHERE parsed <> first_parsed`,
		fix: `Give every row of a measure the same ${a.what}, or leave it blank after the first row.`
	};
}

/** A number as text without DuckDB's trailing ".0" on whole doubles. */
const plain = (sql: string) => `regexp_replace(CAST(${sql} AS VARCHAR), '\\.0$', '')`;

export async function measureChecks(ctx: FormatContext, rows: string): Promise<Check[]> {
	const mixed = await mixedMeasures(ctx, rows);
	return [
		blankCells(ctx, 'measure', 'Name the measure on every row.'),
		{
			column: columnIndex(ctx, 'priority'),
			sql: `SELECT "row", priority_text AS value, 'No priority of the plan has this number or name.' AS message
				FROM ${rows} WHERE priority_text IS NOT NULL AND priority IS NULL`,
			fix: PRIORITY_FIX
		},
		{
			column: columnIndex(ctx, 'agency'),
			sql: `SELECT "row", agency_text AS value, 'This agency is not in the agency list.' AS message
				FROM ${rows} WHERE agency_text IS NOT NULL AND agency_id IS NULL`,
			fix: AGENCY_FIX
		},
		{
			column: columnIndex(ctx, 'area_code'),
			sql: `SELECT "row", area_code AS value, 'No area with this code is loaded.' AS message
				FROM ${rows} WHERE area_code <> ${str(HOME_AREA.code)} AND area_code NOT IN (SELECT area_code FROM areas)`,
			fix: `Leave area_code blank for ${HOME_AREA.name}, or load the area first (a DfE or population file that covers it).`
		},
		{
			// Every row of such a measure is listed: none of them can be imported without the quadrant.
			column: columnIndex(ctx, 'quadrant'),
			sql: `SELECT "row", quadrant_text AS value, 'Measure "' || measure_id || '" is new, so it needs its OBA quadrant.' AS message
				FROM ${rows} WHERE measure_id IN (
					SELECT measure_id FROM ${rows} WHERE measure_id NOT IN (SELECT measure_id FROM measures)
					GROUP BY measure_id HAVING count(quadrant) = 0)`,
			fix: 'Give the measure’s quadrant (How much did we do?, How well did we do it?, Is anyone better off? or Population indicator) on at least its first row.'
		},
		{
			column: null,
			columnPerRow: true,
			// In a wide file the cell at fault is the value under the period's header.
			sql: `SELECT r."row", r.period_col AS col, CASE WHEN r.period_col = r.value_col THEN r.value_text ELSE r.period_text END AS value,
					'Row ' || d.first_row || ' already gives this measure a value for ' || r.period_label || ' (' || r.period_months || ').' AS message
				FROM ${rows} r JOIN (SELECT measure_id, area_code, period_start, period_kind, min("row") AS first_row
					FROM ${rows} WHERE period_start IS NOT NULL AND measure_id IS NOT NULL GROUP BY ALL HAVING count(*) > 1) d
					USING (measure_id, area_code, period_start, period_kind)
				WHERE r."row" <> d.first_row`,
			fix: 'Keep one row per measure and period: delete the repeated row, or correct its period.'
		},
		{
			column: null,
			columnPerRow: true,
			sql: `SELECT "row", value_col AS col, value_text AS value,
					'The value differs from numerator ÷ denominator (' || ${plain('numerator')} || ' ÷ ' || ${plain('denominator')}
						|| ' = ' || ${plain('round(100 * numerator / denominator, 1)')} || '%).' AS message
				FROM ${rows} WHERE value IS NOT NULL AND numerator IS NOT NULL AND denominator > 0
				AND coalesce(unit, 'percent') = 'percent' AND abs(value - 100 * numerator / denominator) > 0.1`,
			fix: 'Check the value, the numerator and the denominator: the chart uses the value as given.',
			severity: 'warning'
		},
		...ATTRIBUTES.map((a) => inconsistent(ctx, rows, mixed, a))
	];
}
