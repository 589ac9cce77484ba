/**
 * Monthly data rolled up into quarters and years, in SQL, by each measure's rule (its `rollup`
 * detail, else the default for its unit: oba/rollup-rules.ts, whose pure rollUp this matches,
 * tests/db/monthly-rollup.test.ts). A quarter or year with a month missing has no value and the
 * marker "incomplete": it is never summed from the months there are. The months of a period are the
 * file's and those already loaded, so a later file completes a quarter; the periods with a month in
 * the file are rolled up, and every period of a measure whose rule the file changes (its rollup, or
 * its unit's default), so that all of a measure's quarters follow one rule; a period the file gives
 * itself is kept as given.
 */
import { DEFAULT_ROLLUP } from '../../oba/rollup-rules';
import { YEAR_STARTS, type YearType } from '../../oba/quarters';
import { RATIO_SCALE, type Unit } from '../../oba/units';
import { str } from '../../db/sql';
import { valueRowSql } from '../../db/value-columns';

const byUnit = (map: Readonly<Record<Unit, string | number>>, unit: string) =>
	`CASE ${unit} ${Object.entries(map).map(([u, v]) => `WHEN ${str(u)} THEN ${typeof v === 'number' ? v : str(v)}`).join(' ')} END`;

/** A financial-year label from the year it starts: 2016 → '2016/17'. */
const splitYear = (start: string) => `(${start} || '/' || lpad(CAST((${start} + 1) % 100 AS VARCHAR), 2, '0'))`;

/** The label formatPeriod gives a quarter or a year starting on `start` (a DATE). */
function labelSql(kind: string, start: string, academic: string): string {
	const fy = `(year(${start}) - CASE WHEN month(${start}) < 4 THEN 1 ELSE 0 END)`;
	const quarter = `(((month(${start}) + 8) % 12) // 3 + 1)`;
	return `CASE WHEN ${kind} = 'quarter' THEN ${splitYear(fy)} || ' Q' || ${quarter}
		WHEN ${academic} THEN 'AY ' || ${splitYear(`year(${start})`)} ELSE ${splitYear(fy)} END`;
}

/** A measure's rule, given its `rollup` and `unit` columns: the rule declared, else its unit's default. */
const ruleSql = (rollup: string, unit: string) => `coalesce(${rollup}, ${byUnit(DEFAULT_ROLLUP, unit)})`;

/** A measure's kind of year (its `year_type`, blank: financial), of the measures row `alias`. */
export const yearTypeSql = (alias: string) => `coalesce(${alias}.year_type, 'financial')`;

/**
 * The measures of `measuresTable` (as they will be stored) whose rule or kind of year differs from
 * the one loaded and that have months loaded: their quarters and years are rolled up again, months in the file or not.
 * Asked by the preview, before the writer replaces the measures.
 */
export function ruleChangedSql(measuresTable: string): string {
	return `SELECT n.measure_id FROM ${measuresTable} n JOIN measures o USING (measure_id)
		WHERE (${ruleSql('n.rollup', 'n.unit')} IS DISTINCT FROM ${ruleSql('o.rollup', 'o.unit')} OR ${yearTypeSql('n')} <> ${yearTypeSql('o')})
			AND n.measure_id IN (SELECT measure_id FROM measure_values WHERE period_kind = 'month')`;
}

/**
 * The rows of `values` (SQL of measure_values' rows with "row"), then the quarters and years rolled
 * up from its months. `measuresTable`: the measures as they will be stored (unit, rollup, year_type);
 * `remade`: those whose rule changed (ruleChangedSql), every period of which is rolled up again.
 */
export function rolledUpSql(values: string, measuresTable: string, remade: readonly string[] = []): string {
	const complete = `CASE WHEN g.rule = 'ratio' THEN g.derivable ELSE g.valued END = g.expected`;
	const yearStart = `CASE WHEN r.academic THEN ${YEAR_STARTS.academic} ELSE ${YEAR_STARTS.financial} END`;
	const denominator = `CASE WHEN g.unit = 'rate10k' THEN g.mean_denominator ELSE g.sum_denominator END`;
	const value = `CASE WHEN NOT (${complete}) THEN NULL
		WHEN g.rule = 'sum' THEN g.sum_value WHEN g.rule = 'mean' THEN g.mean_value WHEN g.rule = 'latest' THEN g.latest_value
		WHEN ${denominator} > 0 THEN g.sum_numerator * ${byUnit(RATIO_SCALE, 'g.unit')} / ${denominator} END`;
	return `WITH incoming AS MATERIALIZED (${values}),
	rules AS (SELECT measure_id, unit, ${ruleSql('rollup', 'unit')} AS rule, coalesce(year_type = 'academic', false) AS academic FROM ${measuresTable}),
	changed AS (SELECT measure_id FROM (VALUES ${['(CAST(NULL AS VARCHAR))', ...remade.map((id) => `(${str(id)})`)].join(', ')}) v(measure_id) WHERE measure_id IS NOT NULL),
	file_months AS (SELECT * FROM incoming WHERE period_kind = 'month'),
	months AS (
		SELECT "row", measure_id, area_code, period_start, value, numerator, denominator, target, true AS from_file FROM file_months
		UNION ALL
		SELECT NULL, o.measure_id, o.area_code, o.period_start, o.value, o.numerator, o.denominator, o.target, false FROM measure_values o
		WHERE o.period_kind = 'month' AND (o.measure_id IN (SELECT measure_id FROM file_months) OR o.measure_id IN (SELECT measure_id FROM changed))
			AND NOT EXISTS (SELECT 1 FROM file_months i WHERE i.measure_id = o.measure_id AND i.area_code = o.area_code AND i.period_start = o.period_start)),
	periods AS (
		SELECT m.*, r.unit, r.rule, r.academic, 'quarter' AS kind, CAST(date_trunc('quarter', m.period_start) AS DATE) AS start, 3 AS expected
		FROM months m JOIN rules r USING (measure_id)
		UNION ALL
		SELECT m.*, r.unit, r.rule, r.academic, 'year', make_date(year(m.period_start) - CASE WHEN month(m.period_start) < ${yearStart} THEN 1 ELSE 0 END, ${yearStart}, 1), 12
		FROM months m JOIN rules r USING (measure_id)),
	g AS (
		SELECT measure_id, area_code, kind, start, any_value(unit) AS unit, any_value(rule) AS rule, any_value(academic) AS academic,
			any_value(expected) AS expected, max("row") AS "row",
			count(value) AS valued, count(*) FILTER (numerator IS NOT NULL AND denominator IS NOT NULL) AS derivable,
			sum(value) AS sum_value, avg(value) AS mean_value, arg_max(value, period_start) AS latest_value,
			arg_max(numerator, period_start) AS latest_numerator, arg_max(denominator, period_start) AS latest_denominator,
			sum(numerator) AS sum_numerator, sum(denominator) AS sum_denominator, avg(denominator) AS mean_denominator,
			count(target) AS targets, sum(target) AS sum_target, arg_max(target, period_start) FILTER (target IS NOT NULL) AS latest_target
		FROM periods GROUP BY measure_id, area_code, kind, start HAVING bool_or(from_file) OR measure_id IN (SELECT measure_id FROM changed))
	SELECT * FROM incoming
	UNION ALL BY NAME
	SELECT g."row", true AS rolled_up, ${valueRowSql({
		measure_id: 'g.measure_id', area_code: 'g.area_code', period_start: 'g.start',
		period_end: `CAST(g.start + to_months(g.expected) - INTERVAL 1 DAY AS DATE)`,
		period_kind: 'g.kind', period_label: labelSql('g.kind', 'g.start', 'g.academic'),
		value, marker: `CASE WHEN ${complete} THEN NULL ELSE 'incomplete' END`,
		numerator: `CASE WHEN NOT (${complete}) THEN NULL WHEN g.rule = 'ratio' THEN g.sum_numerator WHEN g.rule = 'latest' THEN g.latest_numerator END`,
		denominator: `CASE WHEN NOT (${complete}) THEN NULL WHEN g.rule = 'ratio' THEN ${denominator} WHEN g.rule = 'latest' THEN g.latest_denominator END`,
		target: `CASE WHEN g.rule = 'sum' THEN CASE WHEN g.targets = g.expected THEN g.sum_target END ELSE g.latest_target END`
	})}
	FROM g WHERE NOT EXISTS (SELECT 1 FROM incoming i
		WHERE i.measure_id = g.measure_id AND i.area_code = g.area_code AND i.period_start = g.start AND i.period_kind = g.kind)`;
}

/**
 * The measures of `measuresTable` whose kind of year the file changes, each with its new kind: their
 * stored years of the other kind go (otherYearsSql). Asked by the preview, before the writer replaces the measures.
 */
export function retypedSql(measuresTable: string): string {
	return `SELECT n.measure_id, ${yearTypeSql('n')} AS kind FROM ${measuresTable} n JOIN measures o USING (measure_id)
		WHERE ${yearTypeSql('n')} <> ${yearTypeSql('o')}`;
}

/** Measures whose kind of year changes, by their new kind. */
export type Retyped = readonly { measure_id: string; kind: YearType }[];

/**
 * The stored years that a change of kind leaves behind (a financial year of a measure now academic,
 * or the other way round): a measure's years are all of one kind, so the import removes them.
 * null when no measure changes its kind of year.
 */
export function otherYearsSql(retyped: Retyped): string | null {
	if (retyped.length === 0) return null;
	const other = (kind: YearType): YearType => (kind === 'academic' ? 'financial' : 'academic');
	return `SELECT * FROM measure_values WHERE period_kind = 'year' AND (${retyped.map((r) =>
		`(measure_id = ${str(r.measure_id)} AND month(period_start) = ${YEAR_STARTS[other(r.kind)]})`).join(' OR ')})`;
}
