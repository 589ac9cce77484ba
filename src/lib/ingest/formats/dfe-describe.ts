/**
 * What a DfE open-data file offers, so the page can let the user choose: its areas (with the ONS
 * populations already loaded for them), its filter columns, and its indicator columns (the numeric
 * ones after the filters), each with its latest figure per area as a count and a rate per 10,000.
 */
import type { Database } from '../../db/database';
import { populationJoin } from '../../db/queries/population';
import { str, valuesList } from '../../db/sql';
import { MISSING_MARKER_SPELLINGS } from '../../oba/missing';
import { financialYearLabel, parseDfePeriod } from '../../oba/periods';
import { matchColumns } from '../match/columns';
import { col } from './context';
import { dfeAreaSql, dfeOpenData } from './dfe';

import { cell, type StagedFile } from '../stage/stage';

export interface DfeArea {
	code: string;
	name: string;
	level: string;
	rows: number;
	/** Mid-years of the ONS estimates of children loaded for this area: rates need them. */
	populationYears: number[];
}

export interface DfeFilter {
	column: string;
	/** Its values (at most 50), each with its number of rows. */
	values: { value: string; rows: number }[];
}

export interface DfeLatest {
	areaCode: string;
	period: string;
	value: number | null;
	marker: string | null;
	population: number | null;
	populationYear: number | null;
	/** Per 10,000 children aged 0-17; null without a value or a population. */
	rate: number | null;
}

export interface DfeIndicatorColumn {
	column: string;
	numbers: number;
	/** Cells holding a missing-value marker. */
	gaps: number;
	/** The latest period's figure for each area (its first row there, when filters give several). */
	latest: DfeLatest[];
}

export interface DfeDescription {
	areas: DfeArea[];
	filters: DfeFilter[];
	indicators: DfeIndicatorColumn[];
	/** The periods the file covers, in order, as labels such as 2024/25. */
	periods: string[];
}

// Geography and time columns beyond the ones the format names (old_la_code, lad_name …) are neither.
const GEOGRAPHY = /(_code|_name)$/i;
const MARKERS = MISSING_MARKER_SPELLINGS.map((m) => str(m.spelling)).join(', ');

interface Stats {
	numbers: number;
	gaps: number;
	blanks: number;
	total: number;
}

export async function describeDfeFile(db: Database, staged: StagedFile): Promise<DfeDescription> {
	const match = matchColumns(staged.headers, dfeOpenData);
	const ctx = { match };
	const area = dfeAreaSql(ctx);
	const t = staged.table;
	const named = new Set(match.found.values());
	const candidates = staged.headers.flatMap((h, i) => (h !== '' && !named.has(i) && !GEOGRAPHY.test(h) ? [i] : []));

	const areas = await db.rows<DfeArea & { years: string | null }>(`
		SELECT code, first(name ORDER BY "row") AS name, first(level ORDER BY "row") AS level, count(*) AS rows,
			(SELECT string_agg(mid_year, ',' ORDER BY mid_year) FROM populations p WHERE p.area_code = code) AS years
		FROM (SELECT s."row", ${area.code} AS code, ${area.name} AS name, ${col(ctx, 'geographic_level')} AS level FROM ${t} s)
		WHERE code IS NOT NULL GROUP BY code ORDER BY CASE first(level) WHEN 'National' THEN 1 WHEN 'Regional' THEN 2 ELSE 3 END, name`);

	const statsSql = candidates.map((i) => {
		const c = `trim(s.${cell(i)})`;
		return `count(*) FILTER (TRY_CAST(${c} AS DOUBLE) IS NOT NULL) AS n${i}, count(*) FILTER (lower(${c}) IN (${MARKERS})) AS g${i},
			count(*) FILTER (coalesce(${c}, '') = '') AS b${i}`;
	});
	const [stats] = candidates.length ? await db.rows<Record<string, number>>(`SELECT count(*) AS total, ${statsSql.join(', ')} FROM ${t} s`) : [];
	const statsOf = (i: number): Stats => ({ numbers: stats?.[`n${i}`] ?? 0, gaps: stats?.[`g${i}`] ?? 0, blanks: stats?.[`b${i}`] ?? 0, total: stats?.total ?? 0 });
	const numeric = (s: Stats) => s.numbers > 0 && s.numbers + s.gaps + s.blanks === s.total;

	const filters: DfeFilter[] = [];
	for (const i of candidates.filter((i) => !numeric(statsOf(i)))) {
		const values = await db.rows<{ value: string; rows: number }>(`
			SELECT coalesce(s.${cell(i)}, '') AS value, count(*) AS rows FROM ${t} s GROUP BY ALL ORDER BY rows DESC, value LIMIT 50`);
		filters.push({ column: staged.headers[i]!, values });
	}

	const periods = await periodTable(db, staged, ctx);
	const indicators: DfeIndicatorColumn[] = [];
	for (const i of candidates.filter((i) => numeric(statsOf(i)))) {
		const latest = periods.values ? await latestFigures(db, t, area.code, periods.values, ctx, i) : [];
		indicators.push({ column: staged.headers[i]!, numbers: statsOf(i).numbers, gaps: statsOf(i).gaps, latest });
	}
	return {
		areas: areas.map(({ years, ...a }) => ({ ...a, populationYears: years ? years.split(',').map(Number) : [] })),
		filters,
		indicators,
		periods: periods.labels
	};
}

/** The file's (time_period, time_identifier) pairs, parsed, as a VALUES list to join. */
async function periodTable(db: Database, staged: StagedFile, ctx: { match: ReturnType<typeof matchColumns> }) {
	const pairs = await db.rows<{ tp: string | null; ti: string | null }>(`
		SELECT DISTINCT ${col(ctx, 'time_period')} AS tp, ${col(ctx, 'time_identifier')} AS ti FROM ${staged.table} s`);
	const parsed = pairs.flatMap((p) => {
		const r = parseDfePeriod(p.tp ?? '', p.ti ?? '');
		return r.ok ? [{ ...p, start: r.period.start, label: financialYearLabel(r.period) }] : [];
	}).sort((a, b) => a.start.localeCompare(b.start));
	const values = parsed.length ? valuesList(parsed.map((p) => [str(p.tp), str(p.ti), `DATE ${str(p.start)}`, str(p.label)])) : null;
	return { values, labels: [...new Set(parsed.map((p) => p.label))] };
}

/** An indicator's latest figure per area, with the rate per 10,000 children from the loaded populations. */
function latestFigures(db: Database, table: string, areaCode: string, periods: string, ctx: { match: ReturnType<typeof matchColumns> }, column: number): Promise<DfeLatest[]> {
	return db.rows<DfeLatest>(`
		WITH p(tp, ti, start, label) AS (VALUES ${periods}),
		cells AS (
			SELECT ${areaCode} AS area_code, p.start, p.label, trim(s.${cell(column)}) AS cell,
				row_number() OVER (PARTITION BY ${areaCode} ORDER BY p.start DESC, s."row") AS n
			FROM ${table} s JOIN p ON p.tp IS NOT DISTINCT FROM ${col(ctx, 'time_period')} AND p.ti IS NOT DISTINCT FROM ${col(ctx, 'time_identifier')})
		SELECT c.area_code AS "areaCode", c.label AS period, TRY_CAST(c.cell AS DOUBLE) AS value,
			CASE WHEN TRY_CAST(c.cell AS DOUBLE) IS NULL THEN nullif(c.cell, '') END AS marker,
			pop.population, pop.mid_year AS "populationYear",
			round(TRY_CAST(c.cell AS DOUBLE) / pop.population * 10000, 1) AS rate
		FROM cells c ${populationJoin('pop', 'c', 'start')}
		WHERE c.n = 1 ORDER BY c.area_code`);
}
