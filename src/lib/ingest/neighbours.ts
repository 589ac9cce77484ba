import { str } from '../db/sql';
import { NEIGHBOURS, parseCloseness } from '../oba/neighbours';
import type { Check } from './checks';
import type { FormatHandler } from './context';
import { blankCells, col, columnIndex, duplicateKeys } from './context';
import { textLookup } from './cell-lookups';
import type { Lookup } from './lookup';

/** An ONS code of a local authority with children's services: unitary, metropolitan, London borough, county. */
export const LA_CODE = '^E(06|08|09|10)[0-9]{6}$';
const CODE_FIX =
	'Give ONS codes such as E06000052. The DfE publishes the model with old 3-digit codes: scripts/reference/statistical-neighbours.js maps them through the C3 and ONS files.';

/**
 * The DfE statistical neighbour model (one row per authority, its ten neighbours in SN_1 … SN_10
 * with their closeness in SN_1P … SN_10P) as one row per authority and neighbour. An authority in
 * the file has its neighbours replaced; the names of authorities not yet loaded are added to areas.
 */
export const importNeighbours: FormatHandler = async (ctx) => {
	const t = ctx.file.table;
	const ranks = Array.from({ length: NEIGHBOURS }, (_, i) => i + 1);
	const closeness = new Map<number, Lookup | null>(
		ranks.map((k) => [k, textLookup(ctx, `SN_${k}P`, (x) => { const p = parseCloseness(x); return p.ok ? { ok: true, value: p.value } : p; },
			'Write Extremely close, Very close, Close, Somewhat close or Not close.')])
	);
	const lookupChecks = await ctx.lookups.build(ctx.db, ctx.file);
	const codeCheck = (name: string, what: string): Check => ({
		column: columnIndex(ctx, name),
		sql: `SELECT s."row", ${col(ctx, name)} AS value, ${str(`This is not the ONS code of a local authority; ${what} needs one.`)} AS message
			FROM ${t} s WHERE ${col(ctx, name)} IS NOT NULL AND NOT regexp_full_match(${col(ctx, name)}, ${str(LA_CODE)})`,
		fix: CODE_FIX
	});
	const rows = ranks
		.map((k) => `SELECT s."row", ${col(ctx, 'area_code')} AS area_code, ${k} AS rank, ${col(ctx, `SN_${k}`)} AS neighbour_code,
				${closeness.get(k)?.field('value') ?? 'CAST(NULL AS VARCHAR)'} AS closeness, ${col(ctx, 'model')} AS model
			FROM ${t} s ${closeness.get(k)?.join ?? ''}`)
		.join('\nUNION ALL\n');
	return {
		checks: [
			...lookupChecks,
			blankCells(ctx, 'area_code', 'Give each authority’s ONS code.'),
			blankCells(ctx, 'la_name', 'Give each authority’s name.'),
			blankCells(ctx, 'model', 'Give the model’s year, e.g. 2025.'),
			codeCheck('area_code', 'each authority'),
			...ranks.flatMap((k) => [
				blankCells(ctx, `SN_${k}`, 'Give all ten neighbours.'),
				blankCells(ctx, `SN_${k}P`, 'Say how close each neighbour is.'),
				codeCheck(`SN_${k}`, 'each neighbour')
			]),
			{
				column: columnIndex(ctx, 'SN_1'),
				sql: `SELECT "row", neighbour_code AS value, 'This neighbour is the authority itself, or given twice.' AS message
					FROM (SELECT "row", neighbour_code, count(*) OVER (PARTITION BY "row", neighbour_code) AS n, area_code FROM (${rows}))
					WHERE n > 1 OR neighbour_code = area_code`,
				fix: 'Give ten different neighbours, none of them the authority itself.'
			},
			duplicateKeys(ctx, col(ctx, 'area_code'), 'area_code', 'authority')
		],
		writes: ['statistical_neighbours', 'areas'],
		write: async (session, importId) => {
			await session.exec(`
				DELETE FROM statistical_neighbours WHERE area_code IN (SELECT ${col(ctx, 'area_code')} FROM ${t} s);
				INSERT INTO statistical_neighbours SELECT area_code, rank, neighbour_code, closeness, model, ${importId} FROM (${rows});
				INSERT INTO areas SELECT ${col(ctx, 'area_code')}, first(${col(ctx, 'la_name')} ORDER BY s."row"), 'Local authority' FROM ${t} s
					WHERE ${col(ctx, 'area_code')} NOT IN (SELECT area_code FROM areas) GROUP BY ALL`);
		}
	};
};
