import { financialYearLabel, parseDfePeriod, quarterMonths } from '../../oba/periods';
import type { Polarity } from '../../oba/measure-meta';
import { str } from '../../db/sql';
import type { DataSource, FormatContext, FormatHandler } from './context';
import { col, columnIndex } from './context';
import { headerIndex, lookupColumn, numberLookup, PERIOD_FIELDS } from '../check/cell-lookups';
import type { Check } from '../check/checks';
import type { Lookup } from '../check/lookup';
import { fileProblem } from '../check/problems';
import { cell } from '../stage/stage';
import { VALUES_HISTORY, writeValues } from '../commit/values-writer';
import { NO_MEASURE_DETAILS_SQL } from './measure-details';
import { valueRowSql } from '../../db/value-columns';
import { type Format, geography } from './specs';

/** What to take from a DfE open-data file: the user picks the areas and the indicators. */
export interface DfeSelection {
	/** ONS codes of the areas to keep: the partnership's own and its comparators; or every area of the file. */
	areas: readonly string[] | 'all';
	indicators: readonly DfeIndicator[];
	/** One value of each filter column (e.g. category) where the file has several; see describeDfeFile. */
	filters?: Readonly<Record<string, string>>;
}

export interface DfeIndicator {
	/** The file's column, e.g. Child_sexual_exploitation. */
	column: string;
	measureId: string;
	name: string;
	polarity?: Polarity | null;
	priority?: number | null;
	description?: string;
}

/** The area a DfE row describes, by its geographic level. */
export function dfeAreaSql(ctx: Pick<FormatContext, 'match'>): { code: string; name: string } {
	const level = col(ctx, 'geographic_level');
	return {
		code: `CASE ${level} WHEN 'National' THEN ${col(ctx, 'country_code')} WHEN 'Regional' THEN ${col(ctx, 'region_code')}
			ELSE ${col(ctx, 'new_la_code')} END`,
		name: `CASE ${level} WHEN 'National' THEN ${col(ctx, 'country_name')} WHEN 'Regional' THEN ${col(ctx, 'region_name')}
			ELSE ${col(ctx, 'la_name')} END`
	};
}

/** A DfE file's two period columns, read together. */
export function dfePeriodLookup(ctx: FormatContext): Lookup {
	const [timePeriod, identifier] = [columnIndex(ctx, 'time_period')!, columnIndex(ctx, 'time_identifier')!];
	return lookupColumn(ctx, 'time_period', {
		textSql: `coalesce(${col(ctx, 'time_period')}, '') || '|' || coalesce(${col(ctx, 'time_identifier')}, '')`,
		// The parser's message names the column at fault; the problem names it too, and shows both cells.
		columnSql: `CASE WHEN starts_with(l.message, 'time_period') THEN ${timePeriod} ELSE ${identifier} END`,
		valueSql: `coalesce(${col(ctx, 'time_period')}, '') || ' / ' || coalesce(${col(ctx, 'time_identifier')}, '')`,
		fields: PERIOD_FIELDS,
		parse: (text) => {
			const [period = '', id = ''] = text.split('|');
			const parsed = parseDfePeriod(period, id);
			if (!parsed.ok) return parsed;
			const { start, end, kind } = parsed.period;
			return { ok: true, fields: { start, end, kind, label: financialYearLabel(parsed.period), months: quarterMonths(parsed.period), reading: parsed.reading } };
		},
		fix: 'DfE files give time_period as 2025 or 201617 with time_identifier such as Reporting year or Financial year Q3.'
	})!;
}

/** The measures row of a chosen indicator: a population indicator, counted. */
function measureRowSql(indicator: DfeIndicator, source: DataSource): string {
	return `SELECT ${str(indicator.measureId)} AS measure_id, ${str(indicator.name)} AS name, 'population' AS quadrant,
		CAST(${indicator.priority ?? 'NULL'} AS INTEGER) AS priority, CAST(NULL AS VARCHAR) AS agency_id,
		CAST(${str(indicator.polarity ?? null)} AS VARCHAR) AS polarity, 'count' AS unit, ${str(source)} AS source,
		CAST(${str(indicator.description ?? null)} AS VARCHAR) AS description, ${NO_MEASURE_DETAILS_SQL}`;
}

/** DfE / Explore Education Statistics open data (DOMAIN.md §4d), as population indicators. */
export function importDfe(selection: DfeSelection): FormatHandler {
	return async (ctx) => {
		const t = ctx.file.table;
		const area = dfeAreaSql(ctx);
		const problems = selection.indicators
			.filter((i) => headerIndex(ctx, i.column) === null)
			.map((i) => fileProblem(ctx.file.name, `The file has no column "${i.column}".`, 'Choose indicators from the file’s own columns.'));
		const filters = Object.entries(selection.filters ?? {}).flatMap(([column, value]) => {
			const index = headerIndex(ctx, column);
			if (index === null) problems.push(fileProblem(ctx.file.name, `The file has no filter column "${column}".`, 'Choose filters from the file’s own columns.'));
			return index === null ? [] : [`s.${cell(index)} = ${str(value)}`];
		});
		// Only the chosen areas and filter values are read, checked and written: a bad cell in another
		// council's row is not this import's business. The staged table is this import's own copy.
		const areas = selection.areas === 'all' ? 'true' : `${area.code} IN (${selection.areas.map(str).join(', ') || 'NULL'})`;
		const chosen = [areas, ...filters].join(' AND ');
		await ctx.db.exec(`DELETE FROM ${t} s WHERE NOT coalesce(${chosen}, false)`);
		const [left] = await ctx.db.rows<{ n: number }>(`SELECT count(*) AS n FROM ${t}`);
		if (!left?.n) problems.push(fileProblem(ctx.file.name, 'No row of the file is for the chosen areas (and filter values).', 'Choose areas the file covers.'));

		const period = dfePeriodLookup(ctx);
		const values: { indicator: DfeIndicator; lookup: Lookup }[] = selection.indicators.flatMap((indicator) => {
			const lookup = numberLookup(ctx, indicator.column);
			return lookup ? [{ indicator, lookup }] : [];
		});
		const checks: Check[] = [
			...(await ctx.lookups.build(ctx.db, ctx.file)),
			{
				column: columnIndex(ctx, 'time_period'),
				sql: `SELECT "row", ${col(ctx, 'time_period')} AS value,
						'Row ' || first_row || ' already gives ' || area || ' for this period: the file has more than one row per area and period.' AS message
					FROM (SELECT s.*, ${area.name} AS area, min(s."row") OVER (PARTITION BY ${area.code}, ${period.field('start')}, ${period.field('kind')}) AS first_row
						FROM ${t} s ${period.join}) s
					WHERE "row" <> first_row`,
				fix: 'Choose one value of each filter column (a column such as category or population_type, whose values name groups) on the Import page.'
			}
		];
		const incoming = values
			.map(({ indicator, lookup }) => `SELECT s."row", ${valueRowSql({
					measure_id: str(indicator.measureId), area_code: area.code, period_start: period.field('start'), period_end: period.field('end'),
					period_kind: period.field('kind'), period_label: period.field('label'), value: lookup.field('value'), marker: lookup.field('marker')
				})}
				FROM ${t} s ${period.join} ${lookup.join}`)
			.join('\nUNION ALL\n');
		return {
			problems,
			checks,
			period: { lookup: period, table: t },
			writes: ['areas', 'measures', 'measure_values'],
			recordsOwnHistory: VALUES_HISTORY,
			measures: values.map(({ indicator }) => measureRowSql(indicator, ctx.source)).join('\nUNION ALL\n') || undefined,
			incoming: incoming ? { values: incoming } : {},
			write: async (session, importId, previewed) => {
				await session.exec(`
					DELETE FROM areas WHERE area_code IN (SELECT ${area.code} FROM ${t} s);
					INSERT INTO areas SELECT code, first(name ORDER BY "row"), first(level ORDER BY "row") FROM
						(SELECT s."row", ${area.code} AS code, ${area.name} AS name, ${col(ctx, 'geographic_level')} AS level FROM ${t} s) GROUP BY code`);
				for (const { indicator } of values) {
					await session.exec(`
						DELETE FROM measures WHERE measure_id = ${str(indicator.measureId)};
						INSERT INTO measures BY NAME ${measureRowSql(indicator, ctx.source)}`);
				}
				if (incoming) await writeValues(session, incoming, ctx.source, importId, ctx.temp('values'), { replacing: previewed?.valuesReplacing });
			}
		};
	};
}

/** The format of dfe (DOMAIN.md §4): its columns and help text, read by the reader, the templates and the formats page. */
export const dfeOpenData: Format = {
	id: 'dfe',
	title: 'DfE / Explore Education Statistics open data',
	description:
		'The layout of DfE open data files: time and geography columns, filter columns, then one column per indicator. You choose the area and the indicators.',
	columns: [
		{ name: 'time_period', required: true, description: 'e.g. 2025, 201617.', example: '2025' },
		{ name: 'time_identifier', required: true, description: 'e.g. Reporting year, Financial year Q3.', example: 'Reporting year' },
		{ name: 'geographic_level', required: true, description: 'National, Regional, Local authority.', example: 'Local authority' },
		...geography
	],
	// The user chooses the areas and indicators first: until then there is nothing to check.
	handler: (request) => (request.dfe ? importDfe(request.dfe) : null)
};
