/** The row checks of a measures file (long or wide), asked of its parsed rows table. */
import { HOME_AREA_SQL } from '../../db/schema';
import type { Check } from './checks';
import type { FormatContext } from '../formats/context';
import { asWritten, col, columnIndex } from '../formats/context';
import type { Lookup } from './lookup';
import { cell } from '../stage/stage';
import { AGENCY_FIX, PRIORITY_FIX, unknownAgencyRows, unknownPriorityRows } from '../formats/action-plan';
import { mergedMeasuresSql } from '../commit/values-writer';
import { MEASURE_DETAILS } from '../formats/measure-details';
import { ROLLUP_RULES, ruleUnitProblem } from '../../oba/rollup-rules';
import { UNITS } from '../../oba/units';
import { ident, str } from '../../db/sql';

/** The metadata a measure has once, with the column it is written in. */
const ATTRIBUTES = [
	{ parsed: 'name', column: 'measure', what: 'name' },
	{ parsed: 'quadrant', column: 'quadrant', what: 'quadrant' },
	{ parsed: 'priority', column: 'priority', what: 'priority' },
	{ parsed: 'agency_id', column: 'agency', what: 'agency' },
	{ parsed: 'polarity', column: 'polarity', what: 'polarity' },
	{ parsed: 'unit', column: 'unit', what: 'unit' },
	...MEASURE_DETAILS.map((d) => ({ parsed: d.column.name, column: d.column.name, what: d.what }))
];

/**
 * The staged row `s` of each row of `r`, for quoting what the file says: the rows table keeps the
 * rowid (`cell`), not the text. Filter `r` first, and the join reads the few rows found.
 */
const withText = (ctx: FormatContext) => `JOIN ${ctx.file.table} s ON s.rowid = r.cell`;

/** Which of the checks below can find anything: most files have no mixed measure and no % or £ value. */
interface Found {
	/** The table of measures, each with a flag per attribute read two ways. */
	mixed: string;
	/** Some measure reads the attribute two ways. */
	attributes: Set<(typeof ATTRIBUTES)[number]['parsed']>;
	percent: boolean;
	pounds: boolean;
	/** Some row has no measure name, no priority or no agency (blank, or a priority or agency not known). */
	unnamed: boolean;
	noPriority: boolean;
	noAgency: boolean;
}

/** What a row may lack, counted per measure in the same pass: a row with none of these needs no check of it. */
const LACKS = { unnamed: 'name', no_priority: 'priority', no_agency: 'agency_id' } as const;

/**
 * Each measure with a flag per attribute read two different ways, and whether any of its values
 * is written with a % or a £, found in one pass; then, in the same query, which flags are set
 * anywhere. A check that can find nothing is not asked: in a clean file that is all of these, and
 * asking each over a million rows (or planning each, for a small file) cost more than the rest.
 */
async function mixedMeasures(ctx: FormatContext, rows: string): Promise<Found> {
	const mixed = ctx.temp('mixed');
	const flags = ATTRIBUTES.map((a) => `coalesce(min(${a.parsed}) <> max(${a.parsed}), false) AS ${a.parsed}`);
	const [any] = await ctx.db.rows<Record<string, boolean | null>>(`CREATE OR REPLACE TEMP TABLE ${mixed} AS
		SELECT measure_id, ${flags.join(', ')}, coalesce(bool_or(percent), false) AS "percent", coalesce(bool_or(pounds), false) AS pounds,
			${Object.entries(LACKS).map(([lack, field]) => `count(*) FILTER (${field} IS NULL) > 0 AS ${lack}`).join(', ')}
		FROM ${rows} GROUP BY measure_id;
		SELECT ${[...ATTRIBUTES.map((a) => a.parsed), 'percent', 'pounds', ...Object.keys(LACKS)].map((f) => `coalesce(bool_or(${ident(f)}), false) AS ${ident(f)}`).join(', ')} FROM ${mixed}`);
	return {
		mixed,
		attributes: new Set(ATTRIBUTES.filter((a) => any?.[a.parsed]).map((a) => a.parsed)),
		percent: any?.percent === true,
		pounds: any?.pounds === true,
		unnamed: any?.unnamed === true,
		noPriority: any?.no_priority === true,
		noAgency: any?.no_agency === true
	};
}

/** Rows whose measure metadata means something different from the measure's first row (spelling aside). */
function inconsistent(ctx: FormatContext, rows: string, mixed: string, a: (typeof ATTRIBUTES)[number]): Check {
	return {
		column: columnIndex(ctx, a.column),
		sql: `SELECT "row", text AS value,
				'Row ' || first_row || ' gives this measure the ${a.what} "' || first_text || '".' AS message
			FROM (SELECT r."row", r.${a.parsed} AS parsed, ${col(ctx, a.column)} AS text,
					first(r.${a.parsed} ORDER BY r."row") OVER w AS first_parsed, first(${col(ctx, a.column)} ORDER BY r."row") OVER w AS first_text,
					first(r."row" ORDER BY r."row") OVER w AS first_row
				FROM ${rows} r ${withText(ctx)}
				WHERE r.${a.parsed} IS NOT NULL AND r.measure_id IN (SELECT measure_id FROM ${mixed} WHERE ${a.parsed})
				WINDOW w AS (PARTITION BY r.measure_id))
			WHERE parsed <> first_parsed`,
		fix: `Give every row of a measure the same ${a.what}, or leave it blank after the first row.`
	};
}

/** A number as text without DuckDB's trailing ".0" on whole doubles. */
const plain = (sql: string) => `regexp_replace(CAST(${sql} AS VARCHAR), '\\.0$', '')`;

/** `period`: the file's period lookup, which gives a repeated period's months for the message. */
export async function measureChecks(ctx: FormatContext, rows: string, period: Lookup): Promise<Check[]> {
	const found = await mixedMeasures(ctx, rows);
	const monthsSql = `(SELECT months FROM ${period.table} p WHERE p.text = coalesce(s.${cell(columnIndex(ctx, 'period')!)}, ''))`;
	// A row with an unknown priority or agency has none in the rows table: where every row has one, there is nothing to look for.
	return [
		...(found.unnamed ? [{
			// The rows table has each cell trimmed already (name): reading the staged text again took as long as all other checks.
			column: columnIndex(ctx, 'measure'),
			sql: `SELECT "row", NULL AS value, 'This cell is blank; it needs a measure.' AS message FROM ${rows} WHERE name IS NULL`,
			fix: 'Name the measure on every row.'
		}] : []),
		...(found.noPriority ? [{
			column: columnIndex(ctx, 'priority'),
			sql: `SELECT s."row", ${col(ctx, 'priority')} AS value, 'No priority of the plan has this number or name.' AS message
				FROM ${ctx.file.table} s WHERE ${unknownPriorityRows(asWritten(ctx, 'priority'), ctx.file.table)}`,
			fix: PRIORITY_FIX
		}] : []),
		...(found.noAgency ? [{
			column: columnIndex(ctx, 'agency'),
			sql: `SELECT s."row", ${col(ctx, 'agency')} AS value, 'This agency is not in the agency list.' AS message
				FROM ${ctx.file.table} s WHERE ${unknownAgencyRows(asWritten(ctx, 'agency'), ctx.file.table)}`,
			fix: AGENCY_FIX
		}] : []),
		{
			column: columnIndex(ctx, 'area_code'),
			sql: `SELECT "row", area_code AS value,
					CASE WHEN area_code IS NULL THEN 'The row gives no area_code, and no area is chosen for the partnership yet.' ELSE 'No area with this code is loaded.' END AS message
				FROM ${rows} WHERE area_code IS NULL OR (area_code IS DISTINCT FROM ${HOME_AREA_SQL} AND area_code NOT IN (SELECT area_code FROM areas))`,
			fix: 'Leave area_code blank for the partnership’s own area (chosen on the Settings page), or load the area first (a DfE or population file that covers it).'
		},
		{
			// Every row of such a measure is listed: none of them can be imported without the quadrant.
			column: columnIndex(ctx, 'quadrant'),
			sql: `SELECT r."row", ${col(ctx, 'quadrant')} AS value, 'Measure "' || r.measure_id || '" is new, so it needs its OBA quadrant.' AS message
				FROM ${rows} r ${withText(ctx)} WHERE r.measure_id IN (
					SELECT measure_id FROM ${rows} WHERE measure_id NOT IN (SELECT measure_id FROM measures)
					GROUP BY measure_id HAVING count(quadrant) = 0)`,
			fix: 'Give the measure’s quadrant (How much did we do?, How well did we do it?, Is anyone better off? or Population indicator) on at least its first row.'
		},
		{
			column: null,
			columnPerRow: true,
			// In a wide file the cell at fault is the value under the period's header. The repeated keys
			// are found first (MATERIALIZED): joined in one plan, the rows met the staged text before
			// the few repeated ones were picked out, which took twice as long over a million rows.
			sql: `WITH d AS MATERIALIZED (SELECT measure_id, area_code, period_start, period_kind, min("row") AS first_row
					FROM ${rows} WHERE period_start IS NOT NULL AND measure_id IS NOT NULL GROUP BY ALL HAVING count(*) > 1)
				SELECT r."row", r.period_col AS col, CASE WHEN r.period_col = r.value_col THEN ${col(ctx, 'value')} ELSE ${col(ctx, 'period')} END AS value,
					'Row ' || d.first_row || ' already gives this measure a value for ' || r.period_label || ' (' || ${monthsSql} || ').' AS message
				FROM ${rows} r ${withText(ctx)} JOIN d USING (measure_id, area_code, period_start, period_kind)
				WHERE r."row" <> d.first_row`,
			fix: 'Keep one row per measure and period: delete the repeated row, or correct its period.'
		},
		{
			column: null,
			columnPerRow: true,
			sql: `SELECT r."row", r.value_col AS col, ${col(ctx, 'value')} AS value,
					'The value differs from numerator ÷ denominator (' || ${plain('numerator')} || ' ÷ ' || ${plain('denominator')}
						|| ' = ' || ${plain('round(100 * numerator / denominator, 1)')} || '%).' AS message
				FROM ${rows} r ${withText(ctx)} WHERE r.value IS NOT NULL AND r.numerator IS NOT NULL AND r.denominator > 0
				AND coalesce(r.unit, 'percent') = 'percent' AND abs(r.value - 100 * r.numerator / r.denominator) > 0.1`,
			fix: 'Check the value, the numerator and the denominator: the chart uses the value as given.',
			severity: 'warning'
		},
		...unitMismatches(ctx, rows, found),
		...rollupUnitMismatches(ctx, rows),
		...ATTRIBUTES.filter((a) => found.attributes.has(a.parsed)).map((a) => inconsistent(ctx, rows, found.mixed, a))
	];
}

/** The measure's unit in words, for a message: "a count". */
const UNIT_WORDS = `CASE u.unit WHEN 'count' THEN 'a count' WHEN 'percent' THEN 'a percentage' WHEN 'rate10k' THEN 'a rate per 10,000'
	WHEN 'days' THEN 'a number of days' WHEN 'gbp' THEN 'an amount in £' ELSE u.unit END`;

/**
 * Values written with a % or a £ that the measure's unit does not have: "12%" in a count would be
 * stored as 12 people. The unit is the one the import would store (values-writer.ts), worked
 * out only for the measures with such a value (few rows, in most files none).
 */
function unitMismatches(ctx: FormatContext, rows: string, found: Found): Check[] {
	const units = mergedMeasuresSql(`(SELECT * FROM ${rows} WHERE measure_id IN (SELECT measure_id FROM ${rows} WHERE percent OR pounds))`, ctx.source);
	const mismatch = (flag: 'percent' | 'pounds', unit: string, sign: string, fix: string): Check => ({
		column: null,
		columnPerRow: true,
		sql: `SELECT r."row", r.value_col AS col, ${col(ctx, 'value')} AS value,
				'This value is written with a ${sign}, but measure "' || r.measure_id || '" is ' || ${UNIT_WORDS} || ', so the ${sign} would be lost.' AS message
			FROM ${rows} r ${withText(ctx)} JOIN (${units}) u USING (measure_id)
			WHERE r.${flag} AND u.unit <> '${unit}'`,
		fix
	});
	return [
		...(found.percent ? [mismatch('percent', 'percent', '%', 'Write the value in the measure’s own unit (a number without %), or, if the measure is a percentage, give it the unit % in a unit column.')] : []),
		...(found.pounds ? [mismatch('pounds', 'gbp', '£', 'Write the value in the measure’s own unit (a number without £), or, if the measure is an amount of money, give it the unit £ in a unit column.')] : [])
	];
}

/**
 * A roll-up rule the measure's unit cannot take: a % or a rate summed or averaged across months
 * (oba/rollup-rules.ts). Asked only of the measures whose rule the file gives.
 */
function rollupUnitMismatches(ctx: FormatContext, rows: string): Check[] {
	if (columnIndex(ctx, 'rollup') === null) return [];
	const refused = ROLLUP_RULES.flatMap((rule) => UNITS.flatMap((unit) => {
		const problem = ruleUnitProblem(rule.id, unit.id);
		return problem ? [`(${str(rule.id)}, ${str(unit.id)}, ${str(`${problem[0]!.toUpperCase()}${problem.slice(1)}.`)})`] : [];
	}));
	const units = mergedMeasuresSql(`(SELECT * FROM ${rows} WHERE measure_id IN (SELECT measure_id FROM ${rows} WHERE rollup IS NOT NULL))`, ctx.source);
	return [{
		column: columnIndex(ctx, 'rollup'),
		sql: `SELECT r."row", ${col(ctx, 'rollup')} AS value, b.message FROM ${rows} r ${withText(ctx)} JOIN (${units}) u USING (measure_id)
			JOIN (VALUES ${refused.join(', ')}) b(rule, unit, message) ON b.rule = r.rollup AND b.unit = u.unit`,
		fix: 'For a % or a rate write ratio (the months’ numerators and denominators added up, then divided) or latest (the month-end figure).'
	}];
}
