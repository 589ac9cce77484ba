// Statistical neighbours, rank, quartile and the funnel plot over every authority of the published
// DfE and ONS files, imported through the app's ingest. Every expected value below was worked out
// independently from the published CSVs (Python's csv module and scipy.stats.chi2.ppf, not the
// app's code): the 2024/25 figures (DfE reporting year 2025) over the ONS mid-2024 children aged 0–17.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { areaValues, type AreaValueRow } from '../../src/lib/db/queries/comparators';
import { statisticalNeighbours, type NeighbourRow } from '../../src/lib/db/queries/neighbours';
import { importFile } from '../../src/lib/ingest/import-file';
import { FUNNEL_LEVELS, funnelLimits } from '../../src/lib/oba/funnel';
import { benchmarkYears, funnelPeriods, funnelYear } from '../../src/lib/state/benchmark';
import { averageSeries } from '../../src/lib/state/benchmark-view';
import { loadHome } from '../../src/lib/state/home';
import { allAuthoritiesDatabase } from '../helpers/all-authorities';

let db: Database;
let cse: AreaValueRow[];
beforeAll(async () => {
	db = await allAuthoritiesDatabase();
	cse = await areaValues(db, 'dfe-cse');
}, 120_000);

const NEL = 'E06000012';
const CORNWALL = 'E06000052';
const pick = (n: NeighbourRow) => [n.rank, n.neighbour_code, n.name, n.closeness];

describe('the DfE statistical neighbour model, as shipped', () => {
	test('is loaded whole: 153 authorities, ten neighbours each, with the names of all', async () => {
		expect(await db.rows(`SELECT count(*) AS n, count(DISTINCT area_code) AS areas, min(model) AS model FROM statistical_neighbours`)).toEqual([
			{ n: 1530, areas: 153, model: '2025' }
		]);
		expect(await db.rows(`SELECT count(*) AS n FROM statistical_neighbours WHERE neighbour_code NOT IN (SELECT area_code FROM areas)`)).toEqual([{ n: 0 }]);
	});

	test('North East Lincolnshire (812): old codes 371, 861, 372, 894, 335, 384, 841, 370, 807, 357 as ONS codes', async () => {
		expect((await statisticalNeighbours(db, NEL)).map(pick)).toEqual([
			[1, 'E08000017', 'Doncaster', 'Very close'],
			[2, 'E06000021', 'Stoke-on-Trent', 'Very close'],
			[3, 'E08000018', 'Rotherham', 'Very close'],
			[4, 'E06000020', 'Telford and Wrekin', 'Very close'],
			[5, 'E08000030', 'Walsall', 'Close'],
			[6, 'E08000036', 'Wakefield', 'Close'],
			[7, 'E06000005', 'Darlington', 'Close'],
			[8, 'E08000016', 'Barnsley', 'Close'],
			[9, 'E06000003', 'Redcar and Cleveland', 'Close'],
			[10, 'E08000008', 'Tameside', 'Close']
		]);
	});

	test('Cornwall (908, South West): 926, 351, 845, 830, 929, 935, 878, 891, 888, 886', async () => {
		expect((await statisticalNeighbours(db, CORNWALL)).map(pick)).toEqual([
			[1, 'E10000020', 'Norfolk', 'Very close'],
			[2, 'E08000002', 'Bury', 'Very close'],
			[3, 'E10000011', 'East Sussex', 'Very close'],
			[4, 'E10000007', 'Derbyshire', 'Very close'],
			[5, 'E06000057', 'Northumberland', 'Very close'],
			[6, 'E10000029', 'Suffolk', 'Very close'],
			[7, 'E10000008', 'Devon', 'Very close'],
			[8, 'E10000024', 'Nottinghamshire', 'Very close'],
			[9, 'E10000017', 'Lancashire', 'Very close'],
			[10, 'E10000016', 'Kent', 'Very close']
		]);
	});

	test('an authority whose code changed takes today’s: North Yorkshire (815) is E06000065, not E10000023', async () => {
		expect(await db.rows(`SELECT DISTINCT neighbour_code FROM statistical_neighbours WHERE neighbour_code IN ('E06000065', 'E10000023') ORDER BY 1`)).toEqual([
			{ neighbour_code: 'E06000065' }
		]);
	});

	test('the DfE’s own file, with old 3-digit codes, is refused with how to map them', async () => {
		const bytes = new TextEncoder().encode(
			'\uFEFFarea_code,la_name,model,' + Array.from({ length: 10 }, (_, i) => `SN_${i + 1},SN_${i + 1}P`).join(',') + '\n' +
			'812,North East Lincolnshire,2025,371,Very close,861,Very close,372,Very close,894,Very close,335,Close ,384,Close ,841,Close ,370,Close ,807,Close ,357,Near\n'
		);
		const outcome = await importFile(db, { name: 'sn.csv', bytes });
		expect(outcome.importId).toBeNull();
		const messages = outcome.problems.filter((p) => p.severity === 'error').map((p) => [p.column, p.value, p.message]);
		expect(messages).toEqual(expect.arrayContaining([
			['area_code', '812', 'This is not the ONS code of a local authority; each authority needs one.'],
			['SN_1', '371', 'This is not the ONS code of a local authority; each neighbour needs one.'],
			['SN_10P', 'Near', '"Near" is not a closeness of the DfE model; expected Extremely close, Very close, Close, Somewhat close, Not close.']
		]));
		expect(await db.rows(`SELECT count(*) AS n FROM statistical_neighbours`)).toEqual([{ n: 1530 }]);
	});
});

describe('neighbours’ average, rank and quartile (child sexual exploitation, 2024/25)', () => {
	test('North East Lincolnshire: 80 of 33,522 children is 23.9 per 10,000; its neighbours average 12.97; 11th of 153, 1st quartile', async () => {
		const years = benchmarkYears(cse, NEL, await statisticalNeighbours(db, NEL), 'highest-first');
		const latest = years.at(-1)!;
		expect(latest.period).toBe('2024/25');
		expect(latest.home).toBeCloseTo(23.864924527176182, 12);
		// Doncaster 24 / 68,271, Stoke-on-Trent 174 / 62,520, Rotherham 76 / 59,521, Telford and Wrekin 33 / 44,248,
		// Walsall 29 / 71,799, Wakefield 135 / 77,481, Darlington 26 / 22,771, Barnsley 56 / 51,799,
		// Redcar and Cleveland 36 / 27,499, Tameside 113 / 52,901: the mean of the ten rates × 10,000.
		expect(latest.neighbours.map((n) => n.rate)).toEqual([
			(24 / 68271) * 1e4, (174 / 62520) * 1e4, (76 / 59521) * 1e4, (33 / 44248) * 1e4, (29 / 71799) * 1e4,
			(135 / 77481) * 1e4, (26 / 22771) * 1e4, (56 / 51799) * 1e4, (36 / 27499) * 1e4, (113 / 52901) * 1e4
		]);
		expect(latest.average.used).toBe(10);
		expect(latest.average.mean).toBeCloseTo(12.971683386431973, 12);
		// 153 authorities have a rate; 10 are above 23.9 (as shown, one decimal), none tied.
		expect(latest.standing).toEqual({ rank: 11, of: 153, tiedWith: 0, quartile: 1 });
		expect(years.map((y) => [y.period, y.standing?.rank, y.standing?.of, y.standing?.quartile])).toEqual([
			['2017/18', 124, 149, 4], ['2018/19', 122, 148, 4], ['2019/20', 2, 151, 1], ['2020/21', 2, 150, 1],
			['2021/22', 11, 149, 1], ['2022/23', 3, 152, 1], ['2023/24', 56, 150, 2], ['2024/25', 11, 153, 1]
		]);
	});

	test('Cornwall: 63 of 105,786 is 6.0 per 10,000; its neighbours average 10.03; 118th of 153 (tied with one), 4th quartile', async () => {
		const latest = benchmarkYears(cse, CORNWALL, await statisticalNeighbours(db, CORNWALL), 'highest-first').at(-1)!;
		expect(latest.home).toBeCloseTo((63 / 105786) * 1e4, 12);
		expect(latest.average.mean).toBeCloseTo(10.029702384565478, 12);
		// 117 ahead of it: 117 / 153 = 76.5% ahead, so the 4th quartile.
		expect(latest.standing).toEqual({ rank: 118, of: 153, tiedWith: 1, quartile: 4 });
		// Lowest first (were lower better): 153 − 118 − 1 + 1 = 35th.
		const lowest = benchmarkYears(cse, CORNWALL, [], 'lowest-first').at(-1)!;
		expect(lowest.standing).toEqual({ rank: 35, of: 153, tiedWith: 1, quartile: 1 });
	});
});

describe('the funnel plot (child sexual exploitation, 2024/25)', () => {
	test('England’s 12,400 assessments over 12,183,016 children is the centre: 10.18 per 10,000', () => {
		expect(funnelPeriods(cse)).toEqual(['2017/18', '2018/19', '2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25']);
		const f = funnelYear(cse, '2024/25', NEL, [])!;
		expect(f.centre).toBeCloseTo(10.178103681387269, 12);
		expect([f.englandCount, f.englandChildren, f.points.length, f.left]).toEqual([12400, 12183016, 153, 0]);
	});

	test('limits at North East Lincolnshire’s 33,522 children (34.12 expected): it is above the 99.8% limit', async () => {
		// scipy: m = 10.178103681387269e-4 × 33522 = 34.119039160746404;
		// chi2.ppf(0.025, 2m)/2/n × 1e4 = 7.05357532939812, chi2.ppf(0.975, 2m+2)/2/n × 1e4 = 14.214661473973772,
		// chi2.ppf(0.001, 2m)/2/n × 1e4 = 5.628530719752785, chi2.ppf(0.999, 2m+2)/2/n × 1e4 = 16.797488055751078.
		const f = funnelYear(cse, '2024/25', NEL, (await statisticalNeighbours(db, NEL)).map((n) => n.neighbour_code))!;
		const [l95, l998] = FUNNEL_LEVELS.map((l) => funnelLimits(f.centre, 33522, l.coverage));
		expect(l95!.lower).toBeCloseTo(7.05357532939812, 9);
		expect(l95!.upper).toBeCloseTo(14.214661473973772, 9);
		expect(l998!.lower).toBeCloseTo(5.628530719752785, 9);
		expect(l998!.upper).toBeCloseTo(16.797488055751078, 9);
		const home = f.points.find((p) => p.role === 'home')!;
		expect([home.name, home.count, home.children, home.position]).toEqual(['North East Lincolnshire', 80, 33522, 'above-99.8']);
		// Each neighbour's rate against its own limits, worked out the same way with scipy.
		const neighbours = f.points.filter((p) => p.role === 'neighbour').map((p) => [p.name, p.position]);
		expect(neighbours.sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual([
			['Barnsley', 'within'], ['Darlington', 'within'], ['Doncaster', 'below-99.8'], ['Redcar and Cleveland', 'within'],
			['Rotherham', 'within'], ['Stoke-on-Trent', 'above-99.8'], ['Tameside', 'above-99.8'], ['Telford and Wrekin', 'within'],
			['Wakefield', 'above-99.8'], ['Walsall', 'below-99.8']
		]);
	});

	test('limits at Cornwall’s 105,786 children (107.67 expected): it is below the 99.8% limit', () => {
		// scipy: m = 107.67008760392335; 95%: 8.346637390472035 to 12.291964944590285; 99.8%: 7.413964476946347 to 13.588900407128248.
		const f = funnelYear(cse, '2024/25', CORNWALL, [])!;
		const [l95, l998] = FUNNEL_LEVELS.map((l) => funnelLimits(f.centre, 105786, l.coverage));
		expect(l95!.lower).toBeCloseTo(8.346637390472035, 9);
		expect(l95!.upper).toBeCloseTo(12.291964944590285, 9);
		expect(l998!.lower).toBeCloseTo(7.413964476946347, 9);
		expect(l998!.upper).toBeCloseTo(13.588900407128248, 9);
		expect(f.points.find((p) => p.code === CORNWALL)!.position).toBe('below-99.8');
	});
});

describe('the home page’s population indicators', () => {
	test('carry the neighbours’ average as a line once every authority is loaded: 12.97 in 2024/25', async () => {
		const home = await loadHome(db);
		expect(home.neighbours.map((n) => n.name)).toEqual([
			'Doncaster', 'Stoke-on-Trent', 'Rotherham', 'Telford and Wrekin', 'Walsall', 'Wakefield', 'Darlington', 'Barnsley', 'Redcar and Cleveland', 'Tameside'
		]);
		const cseRows = home.indicators.find((i) => i.measure.measure_id === 'dfe-cse')!.rows;
		const line = averageSeries(cseRows, NEL, home.neighbours)!;
		expect(line.label).toBe('Statistical neighbours’ average');
		expect(line.points.map((p) => p.label)).toEqual(['2017/18', '2018/19', '2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25']);
		expect(line.points.at(-1)!.y).toBeCloseTo(12.971683386431973, 12);
	});
});
