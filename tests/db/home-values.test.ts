// home_values (src/lib/db/home-values.ts) is measure_values of the home area, rebuilt in every
// transaction: after each way the data changes, it must hold exactly those rows, and the report
// card's queries over it must answer as they would over measure_values.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { HOME_VALUES } from '../../src/lib/db/home-values';
import { filteredValues } from '../../src/lib/db/queries/explorer';
import { measureWhere, periodWhere } from '../../src/lib/db/queries/filter-sql';
import { saveLock } from '../../src/lib/db/queries/locks';
import { EXAMPLE_AREA as HOME_AREA } from '../helpers/example';
import { str } from '../../src/lib/db/sql';
import { loadWorkspace } from '../../src/lib/db/load-workspace';
import { fileSource, workspaceFile } from '../../src/lib/db/workspace-format';
import { importFile } from '../../src/lib/ingest/import-file';
import { tableNames } from '../../src/lib/ingest/table-text';
import { undoImport } from '../../src/lib/ingest/commit/undo';
import { openWorkspaceFile } from '../../src/lib/ingest/workspace-file';
import { forecast, lockForecast } from '../../src/lib/oba/baseline';
import { NO_FILTERS, type Filters } from '../../src/lib/state/filters';
import { loadMeasure } from '../../src/lib/state/measure';
import { emptyDatabase, sampleDatabase } from '../helpers/workspace';

const REGION = 'E12000003'; // Yorkshire and The Humber, an area the sample knows (its DfE comparators)
const FILTERS: Filters[] = [
	NO_FILTERS,
	{ ...NO_FILTERS, priorities: [5] },
	{ ...NO_FILTERS, priorities: [1, 4], quadrants: ['how_much'] },
	{ ...NO_FILTERS, from: '2016/17 Q1', to: '2017/18 Q4' },
	{ ...NO_FILTERS, search: 'return' },
	{ ...NO_FILTERS, quadrants: ['population'] }
];

/** The report card's values asked of measure_values itself, as before home_values. */
function valuesFromEveryArea(db: Database, filters: Filters) {
	return db.rows(`
		SELECT v.measure_id, v.area_code, v.period_start, v.period_label, v.value, v.marker, v.numerator, v.denominator, v.target, v.note
		FROM measure_values v JOIN measures m USING (measure_id)
		WHERE v.area_code = ${str(HOME_AREA.code)} AND ${measureWhere(filters)} AND ${periodWhere(filters)}
		ORDER BY v.measure_id, v.period_start`);
}

/** home_values holds exactly the home area's rows of measure_values, and answers the same. */
async function expectCurrent(db: Database) {
	const home = await db.rows(`SELECT * FROM ${HOME_VALUES} ORDER BY ALL`);
	expect(home).toEqual(await db.rows(`SELECT * FROM measure_values WHERE area_code = ${str(HOME_AREA.code)} ORDER BY ALL`));
	for (const filters of FILTERS) expect(await filteredValues(db, filters), JSON.stringify(filters)).toEqual(await valuesFromEveryArea(db, filters));
	return home.length;
}

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');
const bothAreas = csv([
	'measure_id,measure,area_code,period,value',
	`M19,Return interviews offered within 72 hours (%),${HOME_AREA.code},2019/20 Q1,93`,
	`M19,Return interviews offered within 72 hours (%),${REGION},2019/20 Q1,71`,
	`M19,Return interviews offered within 72 hours (%),${REGION},2019/20 Q2,72`
]);

let db: Database;
let sampleRows: number;
beforeAll(async () => {
	db = await sampleDatabase();
	sampleRows = await expectCurrent(db);
});

describe('the home area’s values, kept apart', () => {
	test('hold the sample’s home values, and are no table of the workspace file or the snapshot', async () => {
		expect(sampleRows).toBeGreaterThan(500);
		expect(await tableNames(db)).not.toContain(HOME_VALUES);
	});

	test('follow an import, its home rows only, and its undo', async () => {
		const { importId } = await importFile(db, { name: 'both-areas.csv', bytes: bothAreas });
		expect(importId).not.toBeNull();
		expect(await expectCurrent(db)).toBe(sampleRows + 1);
		expect(await undoImport(db, importId!)).toMatchObject({ undone: true });
		expect(await expectCurrent(db)).toBe(sampleRows);
	});

	test('do not change when an import is refused', async () => {
		const refused = await importFile(db, { name: 'bad.csv', bytes: csv(['measure_id,measure,period,value', 'M19,Return interviews offered within 72 hours (%),2019/20 Q1,ninety']) });
		expect(refused.importId).toBeNull();
		expect(await expectCurrent(db)).toBe(sampleRows);
	});

	test('stay current when a forecast is locked (a transaction that writes no values)', async () => {
		const { points } = await loadMeasure(db, 'M19');
		const lock = lockForecast(forecast(points, { method: 'linear', from: points[0]!.period, to: points[9]!.period }), '2017-01-31');
		if (!lock.ok) throw new Error(lock.reason);
		await saveLock(db, { measureId: 'M19', areaCode: HOME_AREA.code, per10000: false, locked: lock.locked });
		expect(await expectCurrent(db)).toBe(sampleRows);
	});

	test('follow a workspace file opened in place of what was loaded', async () => {
		const other = await sampleDatabase();
		await importFile(other, { name: 'both-areas.csv', bytes: bothAreas });
		const file = await workspaceFile(other);
		const opened = await emptyDatabase();
		expect(await expectCurrent(opened)).toBe(0);
		expect((await openWorkspaceFile(opened, file, 'w.oba')).ok).toBe(true);
		expect(await expectCurrent(opened)).toBe(sampleRows + 1);
		// Over data already loaded: everything is replaced, home_values too.
		expect((await openWorkspaceFile(db, file, 'w.oba')).ok).toBe(true);
		expect(await expectCurrent(db)).toBe(sampleRows + 1);
	});

	test('follow a snapshot loaded', async () => {
		const loaded = await emptyDatabase();
		await loadWorkspace(loaded, fileSource(await workspaceFile(db)));
		expect(await expectCurrent(loaded)).toBe(sampleRows + 1);
	});
});
