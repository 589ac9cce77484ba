import { parsePolarity, parseQuadrant, parseUnit } from '../oba/measure-meta';
import { HOME_AREA } from '../db/schema';
import { str } from '../db/sql';
import type { FormatContext, FormatHandler } from './context';
import { blankCells, col, columnIndex } from './context';
import { numberLookup, periodLookup, textLookup } from './cell-lookups';
import type { Check } from './checks';
import type { Lookup } from './lookup';
import { AGENCY_FIX, prioritySql, unknownPriorities } from './plan';

let batches = 0;

const field = (lookup: Lookup | null, name = 'value', type = 'VARCHAR') =>
	lookup ? `${lookup.alias}.${name}` : `CAST(NULL AS ${type})`;

/** Rows whose measure metadata disagrees with the measure's first row. */
function inconsistent(ctx: FormatContext, rows: string, name: string): Check {
	return {
		column: columnIndex(ctx, name === 'agency_id' ? 'agency' : name === 'name' ? 'measure' : name),
		sql: `SELECT "row", ${name} AS value,
			'Row ' || first_row || ' gives this measure the ${name} "' || first_value || '".' AS message
		 FROM (SELECT "row", ${name}, first(${name} ORDER BY "row") OVER w AS first_value, first("row" ORDER BY "row") OVER w AS first_row
		       FROM ${rows} WHERE ${name} IS NOT NULL WINDOW w AS (PARTITION BY measure_id))
		 WHERE ${name} <> first_value`,
		fix: `Give every row of a measure the same ${name.replace('_id', '')}, or leave it blank after the first row.`
	};
}

/** Quarterly measures, long form: one row per measure per period (DOMAIN.md §4a). */
export const importMeasuresLong: FormatHandler = async (ctx) => {
	const t = ctx.file.table;
	const period = periodLookup(ctx)!;
	const value = numberLookup(ctx, 'value');
	const numerator = numberLookup(ctx, 'numerator');
	const denominator = numberLookup(ctx, 'denominator');
	const target = numberLookup(ctx, 'target');
	const quadrant = textLookup(ctx, 'quadrant', (x) => { const p = parseQuadrant(x); return p.ok ? { ok: true, value: p.quadrant } : p; },
		'Write How much did we do?, How well did we do it?, Is anyone better off? or Population indicator.');
	const polarity = textLookup(ctx, 'polarity', (x) => { const p = parsePolarity(x); return p.ok ? { ok: true, value: p.polarity } : p; },
		'Write higher is better, lower is better or target range.');
	const unit = textLookup(ctx, 'unit', (x) => { const p = parseUnit(x); return p.ok ? { ok: true, value: p.unit } : p; },
		'Write count, %, rate per 10,000, days or £.');
	const lookups = [period, value, numerator, denominator, target, quadrant, polarity, unit].filter((l) => l !== null);

	const lookupChecks = await ctx.lookups.build(ctx.db, ctx.file);
	const measureId = `coalesce(${col(ctx, 'measure_id')}, ${col(ctx, 'measure')})`;
	const rows = `batch_${++batches}`;
	await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${rows} AS
		SELECT s."row", ${measureId} AS measure_id, ${col(ctx, 'measure')} AS name,
			${field(quadrant)} AS quadrant, ${prioritySql(col(ctx, 'priority'))} AS priority,
			(SELECT a.agency_id FROM agency_aliases a WHERE a.alias_key = agency_key(${col(ctx, 'agency')})) AS agency_id,
			${col(ctx, 'agency')} AS agency_text,
			${field(polarity)} AS polarity, ${field(unit)} AS unit,
			coalesce(${col(ctx, 'area_code')}, ${str(HOME_AREA.code)}) AS area_code,
			${period.alias}.start AS period_start, ${period.alias}."end" AS period_end,
			${period.alias}.kind AS period_kind, ${period.alias}.label AS period_label,
			${field(value, 'value', 'DOUBLE')} AS value, ${field(value, 'marker')} AS marker,
			${field(value, 'percent', 'BOOLEAN')} AS percent,
			${field(numerator, 'value', 'DOUBLE')} AS numerator, ${field(denominator, 'value', 'DOUBLE')} AS denominator,
			${field(target, 'value', 'DOUBLE')} AS target, ${col(ctx, 'notes')} AS note
		FROM ${t} s ${lookups.map((l) => l.join).join('\n')}`);

	const checks: Check[] = [
		...lookupChecks,
		blankCells(ctx, 'measure', 'Name the measure on every row.'),
		blankCells(ctx, 'period', 'Give the period on every row, e.g. 2016/17 Q3.'),
		...(columnIndex(ctx, 'priority') === null ? [] : [unknownPriorities(ctx)]),
		{
			column: columnIndex(ctx, 'agency'),
			sql: `SELECT "row", agency_text AS value, 'This agency is not in the agency list.' AS message
				FROM ${rows} WHERE agency_text IS NOT NULL AND agency_id IS NULL`,
			fix: AGENCY_FIX
		},
		{
			column: columnIndex(ctx, 'quadrant'),
			sql: `SELECT min("row") AS "row", NULL AS value, 'Measure "' || measure_id || '" is new, so it needs its OBA quadrant.' AS message
				FROM ${rows} WHERE measure_id NOT IN (SELECT measure_id FROM measures)
				GROUP BY measure_id HAVING count(quadrant) = 0`,
			fix: 'Add a quadrant column and fill it in for this measure.'
		},
		{
			column: columnIndex(ctx, 'period'),
			sql: `SELECT "row", period_label AS value, 'Row ' || first_row || ' already gives this measure a value for ' || period_label || '.' AS message
				FROM (SELECT *, min("row") OVER (PARTITION BY measure_id, area_code, period_start, period_kind) AS first_row FROM ${rows})
				WHERE "row" <> first_row`,
			fix: 'Keep one row per measure and period.'
		},
		{
			column: columnIndex(ctx, 'value'),
			sql: `SELECT "row", value, 'The value differs from numerator ÷ denominator (' || round(100 * numerator / denominator, 1) || '%).' AS message
				FROM ${rows} WHERE value IS NOT NULL AND numerator IS NOT NULL AND denominator > 0
				AND coalesce(unit, 'percent') = 'percent' AND abs(value - 100 * numerator / denominator) > 0.1`,
			fix: 'Check the value, the numerator and the denominator: the chart uses the value as given.',
			severity: 'warning'
		},
		...['name', 'quadrant', 'priority', 'agency_id', 'polarity', 'unit'].map((name) => inconsistent(ctx, rows, name))
	];

	return {
		checks,
		write: async (session, importId) => {
			await session.exec(`
				CREATE OR REPLACE TEMP TABLE ${rows}_measures AS
				SELECT n.measure_id,
					coalesce(first(n.name ORDER BY n."row"), first(m.name)) AS name,
					coalesce(first(n.quadrant ORDER BY n."row") FILTER (n.quadrant IS NOT NULL), first(m.quadrant)) AS quadrant,
					coalesce(first(n.priority ORDER BY n."row") FILTER (n.priority IS NOT NULL), first(m.priority)) AS priority,
					coalesce(first(n.agency_id ORDER BY n."row") FILTER (n.agency_id IS NOT NULL), first(m.agency_id)) AS agency_id,
					coalesce(first(n.polarity ORDER BY n."row") FILTER (n.polarity IS NOT NULL), first(m.polarity)) AS polarity,
					coalesce(first(n.unit ORDER BY n."row") FILTER (n.unit IS NOT NULL), first(m.unit),
						CASE WHEN bool_or(n.percent) OR count(n.numerator) > 0 THEN 'percent' ELSE 'count' END) AS unit
				FROM ${rows} n LEFT JOIN measures m USING (measure_id) GROUP BY n.measure_id;
				DELETE FROM measures WHERE measure_id IN (SELECT measure_id FROM ${rows}_measures);
				INSERT INTO measures SELECT measure_id, name, quadrant, priority, agency_id, polarity, unit,
					${str(ctx.source)}, NULL FROM ${rows}_measures;
				DELETE FROM measure_values v USING ${rows} n WHERE v.measure_id = n.measure_id AND v.area_code = n.area_code
					AND v.period_start = n.period_start AND v.period_kind = n.period_kind;
				INSERT INTO measure_values
				SELECT n.measure_id, n.area_code, n.period_start, n.period_end, n.period_kind, n.period_label,
					coalesce(n.value, CASE WHEN n.marker IS NULL AND n.denominator > 0 THEN
						n.numerator / n.denominator * CASE m.unit WHEN 'rate10k' THEN 10000 ELSE 100 END END),
					n.marker, n.numerator, n.denominator, n.target, n.note, ${str(ctx.source)}, ${importId}
				FROM ${rows} n JOIN ${rows}_measures m USING (measure_id)`);
			return ctx.file.rowCount;
		}
	};
};
