import type { FormatHandler } from './context';
import { col, columnIndex } from './context';
import { numberLookup } from '../check/cell-lookups';
import { dfeAreaSql } from './dfe';
import { type Format, geography } from './specs';

const CHILDREN = `'children aged 0 to 17 years'`;

/** ONS mid-year estimates of children aged 0-17, in the DfE layout: the denominators of rates. */
export const importPopulation: FormatHandler = async (ctx) => {
	const t = ctx.file.table;
	const area = dfeAreaSql(ctx);
	const estimate = numberLookup(ctx, 'population_estimate')!;
	const children = `lower(${col(ctx, 'age_group')}) = ${CHILDREN}`;
	const year = `TRY_CAST(${col(ctx, 'time_period')} AS INTEGER)`;
	const lookupChecks = await ctx.lookups.build(ctx.db, ctx.file);
	const rows = `SELECT s."row", ${area.code} AS area_code, ${area.name} AS name, ${col(ctx, 'geographic_level')} AS level,
		TRY_CAST(${col(ctx, 'time_period')} AS INTEGER) AS mid_year, ${estimate.field('value')} AS population
		FROM ${t} s ${estimate.join} WHERE ${children} AND ${estimate.field('value')} IS NOT NULL`;
	const checks = [
		...lookupChecks,
		{
			column: columnIndex(ctx, 'time_period'),
			sql: `SELECT s."row", ${col(ctx, 'time_period')} AS value, 'The mid-year of the estimate must be a year such as 2024.' AS message
				FROM ${t} s WHERE ${year} IS NULL OR ${year} NOT BETWEEN 1900 AND 2100`,
			fix: 'Write the year of the estimate, e.g. 2024.'
		},
		{
			column: columnIndex(ctx, 'time_period'),
			sql: `SELECT "row", mid_year AS value, 'Row ' || first_row || ' already gives the estimate for ' || name || ' in ' || mid_year || '.' AS message
				FROM (SELECT *, min("row") OVER (PARTITION BY area_code, mid_year) AS first_row FROM (${rows}))
				WHERE "row" <> first_row`,
			fix: 'Keep one estimate per area and year.'
		}
	];
	return {
		checks,
		writes: ['populations', 'areas'],
		write: async (session, importId) => {
			await session.exec(`
				DELETE FROM populations p USING (${rows}) n WHERE p.area_code = n.area_code AND p.mid_year = n.mid_year;
				INSERT INTO populations SELECT area_code, mid_year, population, ${importId} FROM (${rows});
				INSERT INTO areas SELECT area_code, first(name ORDER BY mid_year DESC), first(level ORDER BY mid_year DESC) FROM (${rows})
					WHERE area_code NOT IN (SELECT area_code FROM areas) GROUP BY area_code`);
		}
	};
};

/** The format of population (DOMAIN.md §4): its columns and help text, read by the reader, the templates and the formats page. */
export const population: Format = {
	id: 'population',
	title: 'ONS mid-year population estimates (DfE layout)',
	description: 'Children aged 0 to 17 by area: the denominator of rates per 10,000.',
	columns: [
		{ name: 'time_period', required: true, description: 'The mid-year of the estimate.', example: '2024' },
		{ name: 'geographic_level', required: true, description: 'National, Regional, Local authority.', example: 'Local authority' },
		{ name: 'age_group', required: true, description: 'Must be children aged 0 to 17 years.', example: 'Children aged 0 to 17 years' },
		{ name: 'population_estimate', required: true, description: 'The estimate.', example: '33522' },
		...geography
	],
	handler: () => importPopulation
};
