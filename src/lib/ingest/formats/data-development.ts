import { str } from '../../db/sql';
import { parseDataPriority } from '../../oba/data-priority';
import { parseQuadrant } from '../../oba/measure-meta';
import type { FormatContext, FormatHandler } from './context';
import { asWritten, blankCells, col, columnIndex, duplicateKeys } from './context';
import { clip, type Problem } from '../check/problems';
import { lookupField, textLookup } from '../check/cell-lookups';
import { agencyJoin, AGENCY_FIX, PRIORITY_FIX, priorityJoin, unknownAgencyRows, unknownPriorityRows } from './action-plan';
import { type Format, measure, measureMeta } from './specs';

/**
 * The data development agenda (DOMAIN.md §1): measures wanted but not yet available, each with an
 * owner and a data priority. The file is the agenda as the partnership keeps it, so importing one
 * replaces every row loaded before: a measure struck off the spreadsheet goes from the app too.
 */
export const importDataDevelopment: FormatHandler = async (ctx) => {
	const t = ctx.file.table;
	const dataPriority = textLookup(ctx, 'data_priority', (x) => { const p = parseDataPriority(x); return p.ok ? { ok: true, value: p.dataPriority } : p; },
		'Write High, Medium or Low.');
	const quadrant = textLookup(ctx, 'quadrant', (x) => { const p = parseQuadrant(x); return p.ok ? { ok: true, value: p.quadrant } : p; },
		'Write How much did we do?, How well did we do it?, Is anyone better off? or Population indicator, or leave it blank.');
	const lookupChecks = await ctx.lookups.build(ctx.db, ctx.file);
	const key = `coalesce(${col(ctx, 'measure_id')}, ${col(ctx, 'measure')})`;
	const owner = asWritten(ctx, 'owner');
	return {
		problems: await leavingTheAgenda(ctx, key),
		checks: [
			...lookupChecks,
			blankCells(ctx, 'measure', 'Name the measure wanted on every row.'),
			blankCells(ctx, 'owner', 'Name the agency that owns getting the data, as on the agency list.'),
			blankCells(ctx, 'data_priority', 'Write High, Medium or Low.'),
			{
				column: columnIndex(ctx, 'owner'),
				sql: `SELECT s."row", ${col(ctx, 'owner')} AS value, 'This agency is not in the agency list.' AS message
					FROM ${t} s WHERE ${unknownAgencyRows(owner, t)}`,
				fix: AGENCY_FIX
			},
			{
				column: columnIndex(ctx, 'priority'),
				sql: `SELECT s."row", ${col(ctx, 'priority')} AS value, 'No priority of the plan has this number or name.' AS message
					FROM ${t} s WHERE ${unknownPriorityRows(asWritten(ctx, 'priority'), t)}`,
				fix: PRIORITY_FIX
			},
			duplicateKeys(ctx, key, columnIndex(ctx, 'measure_id') === null ? 'measure' : 'measure_id', 'measure')
		],
		writes: ['data_development'],
		write: async (session) => {
			await session.exec(`
				DELETE FROM data_development;
				INSERT INTO data_development
				SELECT ${key}, ${col(ctx, 'measure')}, byOwner.agency_id, ${lookupField(dataPriority)}, byPriority.priority, ${lookupField(quadrant)},
					${col(ctx, 'why')}, ${col(ctx, 'due')}, s."row", ${str(ctx.source)}
				FROM ${t} s ${[dataPriority, quadrant].map((l) => l?.join ?? '').join('\n')}
				${agencyJoin('byOwner', owner, t)}
				${priorityJoin('byPriority', asWritten(ctx, 'priority'), t)}`);
		}
	};
};

/**
 * The measures on the agenda now that the file does not have: importing it takes them off, so the
 * preview says which before anything changes (undo would bring them back).
 */
async function leavingTheAgenda(ctx: FormatContext, key: string): Promise<Problem[]> {
	const [left] = await ctx.db.rows<{ n: number; names: string | null }>(`
		SELECT count(*) AS n, string_agg(name, '; ' ORDER BY ordinal) AS names FROM data_development
		WHERE measure_id NOT IN (SELECT ${key} FROM ${ctx.file.table} s WHERE ${key} IS NOT NULL)`);
	if (!left?.n) return [];
	const them = left.n === 1 ? 'it' : 'them';
	return [{
		severity: 'warning', file: ctx.file.name, row: null, column: null, value: clip(left.names),
		message: `Importing this file replaces the data development agenda: ${left.n} measure${left.n === 1 ? '' : 's'} on it now ${left.n === 1 ? 'is' : 'are'} not in this file and would leave it.`,
		fix: `To keep ${them}, add ${them} to the file; undoing the import would bring ${them} back.`
	}];
}

/** The format of data-development (DOMAIN.md §4): its columns and help text, read by the reader, the templates and the formats page. */
export const dataDevelopment: Format = {
	id: 'data-development',
	warnsOtherColumns: true,
	title: 'Data development agenda',
	description:
		'The measures the partnership wants but cannot yet report, one row each, with the agency that owns getting the data and how much it is needed. A file is the whole agenda: importing it replaces the agenda loaded before (undo brings that one back).',
	columns: [
		{ ...measure, description: 'The measure wanted, in words.', example: 'Young people whose CSE risk reduced after 12 months (%)' },
		{ name: 'owner', required: true, aliases: ['data owner', 'owner agency', 'responsible'], description: 'The agency that owns getting the data (a name or an alias from the agency list).', example: 'Children’s Social Care' },
		{ name: 'data_priority', required: true, aliases: ['agenda priority', 'importance', 'need'], description: 'How much the data is needed: High, Medium or Low (H, M, L; 1 is high, 3 low).', example: 'High' },
		{ name: 'measure_id', aliases: ['id', 'measure code', 'code'], description: 'The id the measure will have once its data is imported: the agenda then says when it arrived.', example: 'M30' },
		measureMeta[1]!,
		measureMeta[2]!,
		{ name: 'why', aliases: ['reason', 'rationale', 'notes', 'data needed'], description: 'Why it is wanted, and what data it needs.', example: 'Shows whether risk falls for good, not only at 6 months.' },
		{ name: 'due', aliases: ['expected', 'timescale', 'by when'], description: 'When the data is expected, as written.', example: 'March 2018' }
	],
	handler: () => importDataDevelopment
};
