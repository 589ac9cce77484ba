import { financialYearLabel, parseDfePeriod } from '../oba/periods';
import type { Polarity } from '../oba/measure-meta';
import { str } from '../db/sql';
import type { FormatContext, FormatHandler } from './context';
import { col, columnIndex } from './context';
import { headerIndex, lookupColumn, numberLookup } from './cell-lookups';
import type { Lookup } from './lookup';
import { fileProblem } from './problems';

/** What to take from a DfE open-data file: the user picks the areas and the indicators. */
export interface DfeSelection {
	/** ONS codes of the areas to keep: the partnership's own and its comparators. */
	areas: readonly string[];
	indicators: readonly DfeIndicator[];
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
export function dfeAreaSql(ctx: FormatContext): { code: string; name: string } {
	const level = col(ctx, 'geographic_level');
	return {
		code: `CASE ${level} WHEN 'National' THEN ${col(ctx, 'country_code')} WHEN 'Regional' THEN ${col(ctx, 'region_code')}
			ELSE ${col(ctx, 'new_la_code')} END`,
		name: `CASE ${level} WHEN 'National' THEN ${col(ctx, 'country_name')} WHEN 'Regional' THEN ${col(ctx, 'region_name')}
			ELSE ${col(ctx, 'la_name')} END`
	};
}

/** DfE / Explore Education Statistics open data (DOMAIN.md §4d), as population indicators. */
export function importDfe(selection: DfeSelection): FormatHandler {
	return async (ctx) => {
		const t = ctx.file.table;
		const area = dfeAreaSql(ctx);
		const problems = selection.indicators
			.filter((i) => headerIndex(ctx, i.column) === null)
			.map((i) => fileProblem(ctx.file.name, `The file has no column "${i.column}".`, 'Choose indicators from the file’s own columns.'));
		const period = lookupColumn(ctx, 'time_period', {
			textSql: `coalesce(${col(ctx, 'time_period')}, '') || '|' || coalesce(${col(ctx, 'time_identifier')}, '')`,
			fields: { start: 'DATE', end: 'DATE', kind: 'VARCHAR', label: 'VARCHAR' },
			parse: (text) => {
				const [timePeriod = '', identifier = ''] = text.split('|');
				const parsed = parseDfePeriod(timePeriod, identifier);
				if (!parsed.ok) return parsed;
				const { start, end, kind } = parsed.period;
				return { ok: true, fields: { start, end, kind, label: financialYearLabel(parsed.period) } };
			},
			fix: 'DfE files give time_period as 2025 or 201617 with time_identifier such as Reporting year or Financial year Q3.'
		})!;
		const values: { indicator: DfeIndicator; lookup: Lookup }[] = selection.indicators.flatMap((indicator) => {
			const lookup = numberLookup(ctx, indicator.column);
			return lookup ? [{ indicator, lookup }] : [];
		});
		const checks = await ctx.lookups.build(ctx.db, ctx.file);
		const inSelection = `${area.code} IN (${selection.areas.map(str).join(', ')})`;
		if (columnIndex(ctx, 'geographic_level') !== null) {
			const [found] = await ctx.db.rows<{ n: number }>(`SELECT count(*) AS n FROM ${t} s WHERE ${inSelection}`);
			if (!found?.n) problems.push(fileProblem(ctx.file.name, 'No row of the file is for the chosen areas.', 'Choose areas the file covers.'));
		}
		return {
			problems,
			checks,
			write: async (session, importId) => {
				const source = str(ctx.source);
				await session.exec(`
					DELETE FROM areas WHERE area_code IN (SELECT ${area.code} FROM ${t} s WHERE ${inSelection});
					INSERT INTO areas SELECT DISTINCT ${area.code}, ${area.name}, ${col(ctx, 'geographic_level')} FROM ${t} s WHERE ${inSelection}`);
				let written = 0;
				for (const { indicator, lookup } of values) {
					const id = str(indicator.measureId);
					await session.exec(`
						DELETE FROM measures WHERE measure_id = ${id};
						INSERT INTO measures VALUES (${id}, ${str(indicator.name)}, 'population', ${indicator.priority ?? 'NULL'},
							NULL, ${str(indicator.polarity ?? null)}, 'count', ${source}, ${str(indicator.description ?? null)});
						DELETE FROM measure_values WHERE measure_id = ${id} AND area_code IN (${selection.areas.map(str).join(', ')});
						INSERT INTO measure_values
						SELECT ${id}, ${area.code}, ${period.alias}.start, ${period.alias}."end", ${period.alias}.kind, ${period.alias}.label,
							${lookup.alias}.value, ${lookup.alias}.marker, NULL, NULL, NULL, NULL, ${source}, ${importId}
						FROM ${t} s ${period.join} ${lookup.join} WHERE ${inSelection}`);
					const [count] = await session.rows<{ n: number }>(`SELECT count(*) AS n FROM measure_values WHERE measure_id = ${id}`);
					written += count?.n ?? 0;
				}
				return written;
			}
		};
	};
}
