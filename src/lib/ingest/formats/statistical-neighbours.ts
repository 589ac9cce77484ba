import { str } from '../../db/sql';
import { NEIGHBOURS, parseCloseness } from '../../oba/neighbours';
import type { Check } from '../check/checks';
import type { FormatHandler } from './context';
import { blankCells, col, columnIndex, duplicateKeys } from './context';
import { textLookup } from '../check/cell-lookups';
import type { Lookup } from '../check/lookup';
import { type Format } from './specs';

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

/** The format of statistical-neighbours (DOMAIN.md §4): its columns and help text, read by the reader, the templates and the formats page. */
export const statisticalNeighbours: Format = {
	id: 'statistical-neighbours',
	warnsOtherColumns: true,
	title: 'Statistical neighbours (DfE model)',
	description:
		'The DfE’s children’s services statistical neighbour model: one row per authority with its ten nearest neighbours, nearest first, and how close each is, by ONS code. The app ships the 2025 model; the DfE publishes it with old 3-digit codes, which scripts/reference/statistical-neighbours.js maps to ONS codes. Importing a model replaces the neighbours of each authority in it.',
	columns: [
		{ name: 'area_code', required: true, aliases: ['new_la_code', 'la_code'], description: 'The authority’s ONS code (E06…, E08…, E09…, E10…).', example: 'E06000052' },
		{ name: 'la_name', required: true, aliases: ['area_name', 'name'], description: 'Its name.', example: 'Cornwall' },
		{ name: 'model', required: true, aliases: ['model_year'], description: 'The model’s year.', example: '2025' },
		{ name: 'old_la_code', description: 'The DfE’s old 3-digit code, for reference.', example: '908' },
		// Cornwall's neighbours in the 2025 model, as the example.
		...['E10000020', 'E08000002', 'E10000011', 'E10000007', 'E06000057', 'E10000029', 'E10000008', 'E10000024', 'E10000017', 'E10000016'].flatMap((code, i) => [
			{ name: `SN_${i + 1}`, required: true, description: `Neighbour ${i + 1} (1 is the nearest): its ONS code.`, example: code },
			{ name: `SN_${i + 1}P`, required: true, description: 'How close: Extremely close, Very close, Close, Somewhat close or Not close.', example: 'Very close' }
		])
	],
	handler: () => importNeighbours
};
