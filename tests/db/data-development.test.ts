import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { dataDevelopmentAgenda } from '../../src/lib/db/queries/data-development';
import { importFile } from '../../src/lib/ingest/import-file';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { loadReportCard } from '../../src/lib/state/report-card';
import { NO_FILTERS } from '../../src/lib/state/filters';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');
const ids = async (filters = {}) => (await dataDevelopmentAgenda(db, { ...NO_FILTERS, ...filters })).map((w) => w.measure_id);

describe('the data development agenda', () => {
	test('lists the sample agenda most needed first, then in the file’s order, with owners and priorities by name', async () => {
		const agenda = await dataDevelopmentAgenda(db, NO_FILTERS);
		expect(agenda.map((w) => `${w.data_priority} ${w.measure_id}`)).toEqual([
			'high M30', 'high M31', 'medium M32', 'medium M33', 'medium M34', 'low M35'
		]);
		expect(agenda[0]).toMatchObject({
			name: 'Young people whose CSE risk reduced after 12 months (%)',
			owner: 'Young and Safe vulnerability team',
			priority: 5,
			priority_name: 'Risk management',
			quadrant: 'better_off',
			due: 'March 2018',
			source: 'sample',
			arrived_from: null
		});
	});

	test('takes the page’s filters: priority, agency (as owner), quadrant and search', async () => {
		expect(await ids({ priorities: [4] })).toEqual(['M34']);
		expect(await ids({ agencies: ['humberside-police', 'schools'] })).toEqual(['M31', 'M32']);
		expect(await ids({ quadrants: ['population'] })).toEqual(['M35']);
		expect(await ids({ search: 'ONLINE' })).toEqual(['M32']);
		expect(await ids({ priorities: [1] })).toEqual([]);
		// The report card's loader carries it, so the Measures page asks one question per filter change.
		expect((await loadReportCard(db, { ...NO_FILTERS, priorities: [4] })).agenda.map((w) => w.measure_id)).toEqual(['M34']);
	});

	test('says since when a wanted measure has data, once its values are imported, and not after they are undone', async () => {
		const outcome = await importFile(db, {
			name: 'm30.csv',
			bytes: csv([
				'measure_id,measure,quadrant,priority,period,value',
				'M30,Young people whose CSE risk reduced after 12 months (%),Is anyone better off?,5,2017/18 Q3,41',
				'M30,Young people whose CSE risk reduced after 12 months (%),Is anyone better off?,5,2017/18 Q2,38'
			])
		});
		expect(outcome.problems).toEqual([]);
		const arrived = async () => (await dataDevelopmentAgenda(db, NO_FILTERS)).find((w) => w.measure_id === 'M30')?.arrived_from;
		expect(await arrived()).toBe('2017/18 Q2');
		await undoImport(db, outcome.importId!);
		expect(await arrived()).toBeNull();
	});

	test('an agenda file replaces the whole agenda, and undoing it brings the sample one back', async () => {
		const before = await ids();
		const outcome = await importFile(db, {
			name: 'agenda.csv',
			bytes: csv(['measure,owner,data_priority', 'Repeat missing episodes after a return interview,Humberside Police,Medium', 'M31,Humberside Police,High'])
		});
		// Before anything is written, the preview says which of the measures on the agenda now would leave it: not M31, which the file keeps.
		expect(outcome.problems).toEqual([{
			severity: 'warning', file: 'agenda.csv', row: null, column: null,
			value: 'Young people whose CSE risk reduced after 12 months (%); Young people who know how to stay safe online a term after a session (%); Health practitioners using the CSE risk assessment tool in practice (… (362 characters)',
			message: 'Importing this file replaces the data development agenda: 5 measures on it now are not in this file and would leave it.',
			fix: 'To keep them, add them to the file; undoing the import would bring them back.'
		}]);
		expect(outcome.format).toBe('data-development');
		const agenda = await dataDevelopmentAgenda(db, NO_FILTERS);
		expect(agenda.map((w) => [w.measure_id, w.owner, w.source])).toEqual([
			['M31', 'Humberside Police', 'imported'],
			['Repeat missing episodes after a return interview', 'Humberside Police', 'imported']
		]);
		await undoImport(db, outcome.importId!);
		expect(await ids()).toEqual(before);
	});
});
