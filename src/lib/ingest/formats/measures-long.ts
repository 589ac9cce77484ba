import { parsePolarity, parseQuadrant, parseUnit } from '../../oba/measure-meta';
import { HOME_AREA_SQL } from '../../db/schema';
import type { FormatContext, FormatHandler } from './context';
import { asWritten, col, columnIndex } from './context';
import { lookupField as field, numberLookup, periodLookup, textLookup, type AcademicMeasures } from '../check/cell-lookups';
import { parseYearType } from '../../oba/year-type';
import { measureChecks } from '../check/measure-checks';
import { agencyJoin, priorityJoin } from './action-plan';
import { mergedMeasuresSql, valuesOfMeasuresSql, VALUES_HISTORY, writeMeasures, type RollUp } from '../commit/values-writer';
import { otherYearsSql, retypedSql, ruleChangedSql, type Retyped } from './monthly-rollup';
import { MEASURE_DETAILS } from './measure-details';
import { type Format, measure, measureMeta, measureDetails, notes } from './specs';

/** The header position of a canonical column's cell: per row in a wide file, else fixed. */
function cellColumnSql(ctx: FormatContext, name: string): string {
	return ctx.cellColumn?.[name] ?? String(columnIndex(ctx, name) ?? 'NULL');
}

/**
 * The measures whose years are academic: those the file declares so (year_type), and those loaded
 * so that the file leaves undeclared. A row's period is read by its measure's kind of year.
 */
async function academicMeasures(ctx: FormatContext, measureId: string): Promise<AcademicMeasures> {
	const declared = columnIndex(ctx, 'year_type') === null ? [] : await ctx.db.rows<{ id: string; text: string }>(`
		SELECT DISTINCT ${measureId} AS id, ${col(ctx, 'year_type')} AS text FROM ${ctx.file.table} s WHERE ${col(ctx, 'year_type')} IS NOT NULL`);
	const loaded = await ctx.db.rows<{ id: string }>(`SELECT measure_id AS id FROM measures WHERE year_type = 'academic'`);
	const said = new Set(declared.map((d) => d.id));
	const ids = new Set([...declared.filter((d) => { const p = parseYearType(d.text); return p.ok && p.yearType === 'academic'; }).map((d) => d.id),
		...loaded.map((l) => l.id).filter((id) => !said.has(id))]);
	return { measureIdSql: measureId, ids: [...ids] };
}

/**
 * Quarterly measures, long form: one row per measure per period (DOMAIN.md §4a). The wide form
 * (wide.ts) unpivots into the same shape and comes through here too.
 */
export const importMeasuresLong: FormatHandler = async (ctx) => {
	const t = ctx.file.table;
	const measureId = `coalesce(${col(ctx, 'measure_id')}, ${col(ctx, 'measure')})`;
	const period = periodLookup(ctx, 'period', await academicMeasures(ctx, measureId))!;
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
	const details = MEASURE_DETAILS.map((d) => textLookup(ctx, d.column.name, (x) => d.read(x), d.fix));
	const lookups = [period, value, numerator, denominator, target, quadrant, polarity, unit, ...details].filter((l) => l !== null);

	const lookupChecks = await ctx.lookups.build(ctx.db, ctx.file);
	const rows = ctx.temp('rows');
	// One row per file row (per cell of a wide file): the parsed values, and `cell`, the rowid of the
	// staged row, through which checks quote the analyst's own words (measure-checks.ts). The text
	// is not copied here: a million rows of copied text took most of this table's time.
	await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${rows} AS
		SELECT s."row", s.rowid AS cell, ${measureId} AS measure_id, ${col(ctx, 'measure')} AS name,
			${field(quadrant)} AS quadrant, byPriority.priority, byAgency.agency_id,
			${field(polarity)} AS polarity, ${field(unit)} AS unit,
			${MEASURE_DETAILS.map((d, i) => `${field(details[i]!)} AS ${d.column.name}`).join(', ')},
			coalesce(${col(ctx, 'area_code')}, ${HOME_AREA_SQL}) AS area_code,
			${period.field('start')} AS period_start, ${period.field('end')} AS period_end,
			${period.field('kind')} AS period_kind, ${period.field('label')} AS period_label,
			${cellColumnSql(ctx, 'period')} AS period_col,
			${field(value, 'value', 'DOUBLE')} AS value, ${field(value, 'marker')} AS marker,
			${field(value, 'percent', 'BOOLEAN')} AS percent, ${field(value, 'pounds', 'BOOLEAN')} AS pounds,
			${cellColumnSql(ctx, 'value')} AS value_col,
			${field(numerator, 'value', 'DOUBLE')} AS numerator, ${field(denominator, 'value', 'DOUBLE')} AS denominator,
			${field(target, 'value', 'DOUBLE')} AS target, ${col(ctx, 'notes')} AS note
		FROM ${t} s ${lookups.map((l) => l.join).join('\n')}
		${priorityJoin('byPriority', asWritten(ctx, 'priority'), t)}
		${agencyJoin('byAgency', asWritten(ctx, 'agency'), t)}`);

	const kept = (['target', 'note'] as const).filter((name) => columnIndex(ctx, name === 'note' ? 'notes' : name) === null);
	// The preview reads the measures several times (names, details, the values' units): grouping a million rows once is enough.
	const merged = ctx.temp('merged_measures');
	await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${merged} AS ${mergedMeasuresSql(rows, ctx.source)}`);
	const [months] = await ctx.db.rows<{ n: number }>(`SELECT count(*) AS n FROM ${rows} WHERE period_kind = 'month'`);
	const remade = (await ctx.db.rows<{ measure_id: string }>(ruleChangedSql(merged))).map((r) => r.measure_id);
	const rollUp: RollUp = (months?.n ?? 0) > 0 || remade.length > 0 ? { remade } : null;
	// Only a file with a year_type column can change a measure's kind of year.
	const retyped = columnIndex(ctx, 'year_type') === null ? [] : await ctx.db.rows<Retyped[number]>(retypedSql(merged));
	const removes = otherYearsSql(retyped);
	return {
		checks: [...lookupChecks, ...(await measureChecks(ctx, rows, period))],
		period: { lookup: period, table: t },
		measures: `SELECT * FROM ${merged}`,
		writes: ['measures', 'areas', 'measure_values'],
		recordsOwnHistory: VALUES_HISTORY,
		incoming: {
			values: valuesOfMeasuresSql(rows, merged, kept, rollUp),
			rolledUp: rollUp !== null,
			...(removes ? { removes } : {}),
			// Rolled up from the months that are left, as the writer does once the rows with errors are deleted (commit.ts).
			...(rollUp ? { validValues: (errorRows: string) => valuesOfMeasuresSql(`(SELECT * FROM ${rows} WHERE "row" NOT IN (${errorRows}))`, merged, kept, rollUp) } : {})
		},
		write: async (session, importId, previewed) => {
			// The measures as merged for the preview, unless rows were left out since: their details may come from those rows.
			await writeMeasures(session, rows, { source: ctx.source, importId, kept, temp: ctx.temp, previewed, merged: previewed && merged, rollUp, removes });
		}
	};
};

/** The format of measures-long (DOMAIN.md §4): its columns and help text, read by the reader, the templates and the formats page. */
export const measuresLong: Format = {
	id: 'measures-long',
	warnsOtherColumns: true,
	title: 'Measures, long form',
	description:
		'One row per measure per period: a quarter, a year, or a month (Apr 2018, 2018-04, 04/2018). Months are rolled up into quarters and years by each measure’s rule (the rollup column); a quarter with a month missing is marked incomplete.',
	requiredOneOf: [['value'], ['numerator', 'denominator']],
	columns: [
		{ name: 'period', required: true, aliases: ['quarter', 'month', 'time period'], description: 'The period: a quarter (2016/17 Q3, Q3 2016/17, 2016 Q4, Oct-Dec 2016, 31/12/2016), a month (Apr 2018, April 2018, 2018-04, 04/2018) or a year (2016/17: financial unless the measure’s year_type is academic; AY 2016/17)', example: '2016/17 Q3' },
		measure,
		{ name: 'value', aliases: ['actual', 'actual value', 'result'], description: 'The value: 1,234, 45%, 7, or a missing-value marker (c, x, z, [c], .., …).', example: '87.5' },
		...measureMeta.slice(0, 3),
		{ name: 'numerator', aliases: ['num'], description: 'For a % measure: the count that meets the standard.', example: '35' },
		{ name: 'denominator', aliases: ['denom', 'den'], description: 'For a % measure: the count it is a share of.', example: '40' },
		{ name: 'target', description: 'The target for that period, on the measure’s scale.', example: '90' },
		...measureMeta.slice(3),
		...measureDetails,
		notes
	],
	handler: () => importMeasuresLong
};
