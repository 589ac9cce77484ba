import type { FormatHandler } from './context';
import { blankCells, col, columnIndex, duplicateKeys } from './context';
import { type Format } from './specs';

/** The plan's priorities: numbers, short names and borough outcomes. */
export const importPriorities: FormatHandler = async (ctx) => {
	const t = ctx.file.table;
	const number = `TRY_CAST(${col(ctx, 'priority')} AS INTEGER)`;
	return {
		checks: [
			blankCells(ctx, 'name', 'Give each priority a short name.'),
			{
				column: columnIndex(ctx, 'priority'),
				sql: `SELECT s."row", ${col(ctx, 'priority')} AS value, 'A priority is a whole number from 1 to 99.' AS message
					FROM ${t} s WHERE ${number} IS NULL OR ${number} NOT BETWEEN 1 AND 99`,
				fix: 'Number the priorities 1, 2, 3 … in the plan’s order.'
			},
			duplicateKeys(ctx, col(ctx, 'priority'), 'priority', 'priority number')
		],
		writes: ['priorities'],
		write: async (session) => {
			// A column the file does not have keeps what is stored: leaving it out is not blanking it.
			const given = (name: string) => (columnIndex(ctx, name) === null ? `p.${name}` : col(ctx, name));
			const rows = ctx.temp('priorities');
			await session.exec(`
				CREATE OR REPLACE TEMP TABLE ${rows} AS SELECT ${number} AS priority, ${col(ctx, 'name')} AS name,
					${given('heading')} AS heading, ${given('outcome')} AS outcome, ${given('outcome_note')} AS outcome_note
				FROM ${t} s LEFT JOIN priorities p ON p.priority = ${number};
				DELETE FROM priorities WHERE priority IN (SELECT priority FROM ${rows});
				INSERT INTO priorities SELECT * FROM ${rows}`);
		}
	};
};

/** The canonical agency list; every spelling (the name, the id and each alias) becomes an alias. */
export const importAgencies: FormatHandler = async (ctx) => {
	const t = ctx.file.table;
	const spellings = `
		SELECT s."row", ${col(ctx, 'agency_id')} AS agency_id, trim(spelling) AS spelling
		FROM ${t} s, unnest([${col(ctx, 'agency_id')}, ${col(ctx, 'agency')}]
			|| coalesce(regexp_split_to_array(${col(ctx, 'aliases')}, '[;\\n]'), [])) AS u(spelling)
		WHERE trim(spelling) <> ''`;
	return {
		checks: [
			blankCells(ctx, 'agency_id', 'Give each agency a short id, such as humberside-police.'),
			blankCells(ctx, 'agency', 'Give each agency the name to show.'),
			blankCells(ctx, 'kind', 'Say what kind of agency it is: police, health, education …'),
			duplicateKeys(ctx, col(ctx, 'agency_id'), 'agency_id', 'agency id'),
			{
				column: columnIndex(ctx, 'aliases'),
				sql: `SELECT "row", spelling AS value,
						'This spelling already means agency "' || first_agency || '" (row ' || first_row || ').' AS message
					FROM (SELECT *, first(agency_id ORDER BY "row") OVER w AS first_agency, min("row") OVER w AS first_row
						FROM (${spellings}) WINDOW w AS (PARTITION BY agency_key(spelling)))
					WHERE agency_id <> first_agency`,
				fix: 'One spelling can mean only one agency: remove it from one of the two.'
			}
		],
		writes: ['agencies', 'agency_aliases'],
		write: async (session) => {
			await session.exec(`
				DELETE FROM agencies WHERE agency_id IN (SELECT ${col(ctx, 'agency_id')} FROM ${t} s);
				INSERT INTO agencies SELECT ${col(ctx, 'agency_id')}, ${col(ctx, 'agency')}, lower(${col(ctx, 'kind')}) FROM ${t} s;
				DELETE FROM agency_aliases WHERE alias_key IN (SELECT agency_key(spelling) FROM (${spellings}));
				INSERT INTO agency_aliases
					SELECT agency_key(spelling), first(spelling ORDER BY "row"), first(agency_id ORDER BY "row")
					FROM (${spellings}) GROUP BY agency_key(spelling)`);
		}
	};
};

/** The format of agencies (DOMAIN.md §4): its columns and help text, read by the reader, the templates and the formats page. */
export const agencies: Format = {
	id: 'agencies',
	warnsOtherColumns: true,
	title: 'Agency list',
	description: 'The canonical agencies and the other spellings (aliases) that mean them.',
	columns: [
		{ name: 'agency_id', required: true, description: 'A short id.', example: 'humberside-police' },
		{ name: 'agency', required: true, aliases: ['name'], description: 'The name to show.', example: 'Humberside Police' },
		{ name: 'kind', required: true, aliases: ['sector'], description: 'police, health, childrens-social-care, education, …', example: 'police' },
		{ name: 'aliases', description: 'Other spellings, separated by ";".', example: 'Police; Humberside Police.' }
	],
	handler: () => importAgencies
};

/** The format of priorities (DOMAIN.md §4): its columns and help text, read by the reader, the templates and the formats page. */
export const priorities: Format = {
	id: 'priorities',
	warnsOtherColumns: true,
	title: 'Plan priorities',
	description: 'The plan’s priorities and the borough outcome each serves.',
	columns: [
		{ name: 'priority', required: true, description: 'Its number.', example: '2' },
		{ name: 'name', required: true, description: 'A short name.', example: 'Online safety' },
		{ name: 'heading', description: 'The plan’s heading, verbatim.', example: 'Raising awareness of on line safety …' },
		{ name: 'outcome', description: 'The borough outcome.', example: 'Safe' },
		{ name: 'outcome_note', description: 'Why, where the plan does not say.', example: '' }
	],
	handler: () => importPriorities
};
