// Any authority's published figures, with its region's and England's: values read by eye (awk)
// from the published files in data/dfe (DfE C3 2018–2025, ONS mid-year estimates 2012–2024).
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { fileSource, workspaceFile } from '../../src/lib/db/workspace-format';
import { readSettings } from '../../src/lib/db/queries/settings';
import { loadAreaFigures, homeAndComparators } from '../../src/lib/ingest/areas/area-figures';
import { openWorkspaceFile } from '../../src/lib/ingest/workspace-file';
import { loadHome, type HomeData } from '../../src/lib/state/home';
import { areaData, commandsOn, emptyDatabase } from '../helpers/workspace';


/** A population indicator's row for an area and year, as the home page has it. */
function row(home: HomeData, measure: string, area: string, period: string) {
	const r = home.indicators.find((i) => i.measure.measure_id === measure)?.rows.find((x) => x.area_code === area && x.period_label === period);
	return r && { value: r.value, marker: r.marker, population: r.population, rate: r.rate };
}

describe('Stoke-on-Trent, West Midlands: a partnership starts its own', () => {
	let db: Database;
	let home: HomeData;
	beforeAll(async () => {
		db = await emptyDatabase();
		const commands = await commandsOn(db);
		const started = await commands.startOwn({ areaCode: 'E06000021', partnership: 'Stoke-on-Trent Safeguarding Children Partnership', planTitle: 'Exploitation plan 2025–27' });
		expect(started.ok).toBe(true);
		home = await loadHome(db);
	});

	test('its settings, its region and England follow from the authority', () => {
		expect(home.home).toMatchObject({
			code: 'E06000021', name: 'Stoke-on-Trent', partnership: 'Stoke-on-Trent Safeguarding Children Partnership', planTitle: 'Exploitation plan 2025–27',
			example: false, regionName: 'West Midlands', boundary: null,
			comparators: [{ code: 'E12000005', name: 'West Midlands' }, { code: 'E92000001', name: 'England' }]
		});
	});

	test('its ten statistical neighbours, from the DfE model the app ships (data/reference/statistical-neighbours-2025.csv)', () => {
		expect(home.neighbours.map((n) => [n.rank, n.neighbour_code, n.closeness])).toEqual([
			[1, 'E08000030', 'Very close'], [2, 'E08000005', 'Very close'], [3, 'E08000031', 'Very close'], [4, 'E08000017', 'Very close'], [5, 'E06000012', 'Very close'],
			[6, 'E06000010', 'Very close'], [7, 'E08000028', 'Close'], [8, 'E08000008', 'Close'], [9, 'E06000015', 'Close'], [10, 'E08000018', 'Close']
		]);
	});

	test('its five population indicators, no plan and no measure of its own', () => {
		expect(home.priorities).toEqual([]);
		expect(home.indicators.map((i) => i.measure.measure_id)).toEqual(['dfe-cse', 'dfe-missing', 'dfe-cce', 'dfe-trafficking', 'dfe-gangs']);
		expect(new Set(home.indicators.flatMap((i) => i.rows.map((r) => r.area_code)))).toEqual(new Set(['E06000021', 'E12000005', 'E92000001']));
	});

	test('its figures as published, rates from the ONS estimate of its children aged 0–17', () => {
		// 2025 row of C3: CSE 174, missing 214, CCE 253, trafficking 54, gangs 122; 62,520 children at mid-2024.
		expect(row(home, 'dfe-cse', 'E06000021', '2024/25')).toEqual({ value: 174, marker: null, population: 62520, rate: 27.8 });
		expect(row(home, 'dfe-missing', 'E06000021', '2024/25')).toMatchObject({ value: 214 });
		expect(row(home, 'dfe-cce', 'E06000021', '2024/25')).toMatchObject({ value: 253 });
		expect(row(home, 'dfe-trafficking', 'E06000021', '2024/25')).toMatchObject({ value: 54 });
		expect(row(home, 'dfe-gangs', 'E06000021', '2024/25')).toMatchObject({ value: 122 });
		expect(row(home, 'dfe-cse', 'E06000021', '2017/18')).toMatchObject({ value: 131 });
		// CCE was not collected before 2021/22: x, a gap with its marker (58,610 children at mid-2020).
		expect(row(home, 'dfe-cce', 'E06000021', '2020/21')).toEqual({ value: null, marker: 'x', population: 58610, rate: null });
		// Its region and England: CSE 1,160 and 12,400 in 2024/25; 1,351,245 and 12,183,016 children.
		expect(row(home, 'dfe-cse', 'E12000005', '2024/25')).toEqual({ value: 1160, marker: null, population: 1351245, rate: 8.6 });
		expect(row(home, 'dfe-cse', 'E92000001', '2024/25')).toEqual({ value: 12400, marker: null, population: 12183016, rate: 10.2 });
	});

	test('the settings travel in the workspace file: saved, and opened in a fresh database', async () => {
		const commands = await commandsOn(db);
		expect((await commands.setSettings({ areaCode: 'E06000021', partnership: 'Stoke SCP', planTitle: 'Our plan' })).ok).toBe(true);
		const file = await workspaceFile(db);
		const fresh = await emptyDatabase();
		expect((await openWorkspaceFile(fresh, file, 'stoke.oba')).ok).toBe(true);
		expect(await readSettings(fresh)).toEqual({ area_code: 'E06000021', area_name: 'Stoke-on-Trent', partnership: 'Stoke SCP', plan_title: 'Our plan', example: false });
		expect(row(await loadHome(fresh), 'dfe-cse', 'E06000021', '2024/25')).toMatchObject({ value: 174 });
		expect(fileSource(file).index.tables.some((t) => t.table === 'settings' && t.rows === 1)).toBe(true);
	});
});

describe('Cornwall, South West: chosen on a workspace of its own', () => {
	test('its figures with the South West and England; a suppressed figure stays a gap marked c', async () => {
		const db = await emptyDatabase();
		const commands = await commandsOn(db);
		expect((await commands.setSettings({ areaCode: 'E06000052', partnership: null, planTitle: null })).ok).toBe(true);
		const home = await loadHome(db);
		expect(home.home).toMatchObject({ code: 'E06000052', name: 'Cornwall', regionName: 'South West', partnership: null });
		// 2025 row: CSE 63, trafficking c, gangs 9; 105,786 children at mid-2024.
		expect(row(home, 'dfe-cse', 'E06000052', '2024/25')).toEqual({ value: 63, marker: null, population: 105786, rate: 6 });
		expect(row(home, 'dfe-trafficking', 'E06000052', '2024/25')).toEqual({ value: null, marker: 'c', population: 105786, rate: null });
		expect(row(home, 'dfe-gangs', 'E06000052', '2024/25')).toEqual({ value: 9, marker: null, population: 105786, rate: 0.9 });
		expect(row(home, 'dfe-cse', 'E12000009', '2024/25')).toEqual({ value: 950, marker: null, population: 1114244, rate: 8.5 });
		expect(row(home, 'dfe-cse', 'E92000001', '2024/25')).toMatchObject({ value: 12400 });
		// Only its own area, its region and England are drawn, though every area's children are loaded.
		expect(new Set(home.indicators.flatMap((i) => i.rows.map((r) => r.area_code)))).toEqual(new Set(['E06000052', 'E12000009', 'E92000001']));
	});
});

describe('a boundary change is said, never spliced', () => {
	test('Cumberland’s figures start in 2023/24; Cumbria’s are not joined to them', async () => {
		const db = await emptyDatabase();
		const data = await areaData();
		expect((await (await commandsOn(db)).startOwn({ areaCode: 'E06000063', partnership: null, planTitle: null })).ok).toBe(true);
		const home = await loadHome(db);
		expect(home.home?.boundary).toBe('Cumberland’s figures start in 2023/24 (children aged 0–17 from mid-2023): it was formed from the north and west of Cumbria county on 1 April 2023. ' +
			'The figures of Cumbria (E10000006) are not joined to its own, because they are not for the same area or council.');
		const cse = home.indicators.find((i) => i.measure.measure_id === 'dfe-cse')!.rows.filter((r) => r.area_code === 'E06000063');
		expect(cse.map((r) => [r.period_label, r.value, r.population])).toEqual([['2023/24', 92, 52019], ['2024/25', 93, 52489]]);
		expect(homeAndComparators(data.index, 'E06000063')).toEqual(['E06000063', 'E12000002', 'E92000001']);
		// Cumbria's own rows are loaded only when every authority is (comparisons), and stay its own.
		await loadAreaFigures(db, data, 'all');
		const [cumbria] = await db.rows<{ n: number; last: string }>(`SELECT count(*) AS n, max(period_label) AS last FROM measure_values WHERE area_code = 'E10000006' AND measure_id = 'dfe-cse'`);
		expect(cumbria).toEqual({ n: 6, last: '2022/23' });
	});
});
