import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addQuarters, financialQuarter, type Period } from '../../src/lib/oba/quarters';
import type { SeriesPoint } from '../../src/lib/oba/series-point';
import { forecast, lockForecast } from '../../src/lib/oba/baseline';
import {
	baselineValue,
	reportCardRow,
	sortRows,
	sortValue,
	type ReportCardMeasure,
	type ReportCardRow,
	type SortKey
} from '../../src/lib/oba/report-card';

const q = (startYear: number, n: number): Period => financialQuarter(startYear, n);
const Q1_2016 = q(2016, 1);

function series(start: Period, values: (number | string | null)[], target?: number): SeriesPoint[] {
	return values.map((v, i) => ({
		period: addQuarters(start, i),
		value: typeof v === 'number' ? v : null,
		marker: typeof v === 'string' ? v : null,
		target: target ?? null
	}));
}

const missingEpisodes: ReportCardMeasure = { id: 'M1', name: 'Missing episodes', unit: 'count', polarity: 'lower' };

describe('reportCardRow: lower is better, with a target', () => {
	// 2016/17 Q1 .. 2017/18 Q2; target 25 every quarter.
	const points = series(Q1_2016, [30, 28, 31, 29, 27, 24], 25);
	const row = reportCardRow(missingEpisodes, points);

	it('says the XmR chart’s variation and assurance in words', () => {
		// By hand: mean 169 / 6 = 28.17; moving ranges 2, 3, 2, 2, 3 (mean 2.4); limits
		// 28.17 ± 2.66 × 2.4 = 21.78 to 34.55, 2 sigma 23.91 to 32.42. The latest, 24, is within both:
		// common cause. The target, 25, lies within the limits: hit and miss.
		expect(row.spc.result.ok && row.spc.result.limits.upper).toBeCloseTo(169 / 6 + 2.66 * 2.4, 12);
		expect(row.spc.variationText).toBe('Common cause variation');
		expect(row.spc.assuranceText).toBe('Hit and miss: the target lies within the process limits');
		expect(row.spc.baselineText).toBe('Limits from all 6 points (no plan review to fix them at); fewer than 12 points: trial limits');
		expect(sortValue(row, 'spc')).toBe('Common cause variation');
		const reviewed = reportCardRow(missingEpisodes, points, {}, { firstReview: '2016-10-01' });
		expect(reviewed.spc.baselineText).toBe('Limits from all 6 points (fewer than 12 points up to the plan’s first review); fewer than 12 points: trial limits');
	});

	it('shows the latest and previous actuals', () => {
		expect(row.latest).toEqual({ period: q(2017, 2), value: 24, marker: null, meaning: null, missing: null });
		expect(row.previous).toEqual({ period: q(2017, 1), value: 27, marker: null, meaning: null, missing: null });
	});

	it('signs the gap to target so that positive is better: 25 − 24 = +1', () => {
		expect(row.target).toBe(25);
		expect(row.gapToTarget).toBe(1);
		expect(row.targetMet).toBe(true);
	});

	it('carries the current trend with its run: 31 → 29 → 27 → 24 is down for 3, better', () => {
		expect(row.currentTrend).toMatchObject({ direction: 'down', judgement: 'better', run: 3, from: q(2016, 3) });
	});

	it('carries the short and long trends', () => {
		expect(row.shortTrend.previous).toMatchObject({ value: 27, change: -3, judgement: 'better' });
		expect(row.shortTrend.lastYear).toMatchObject({ period: q(2016, 2), value: 28, change: -4, judgement: 'better' });
		// mean of 2016/17 Q2 .. 2017/18 Q1 = (28 + 31 + 29 + 27) / 4 = 28.75
		expect(row.longTrend).toMatchObject({ mean: 28.75, change: -4.75, judgement: 'better' });
	});

	it('measures % change from the baseline MEAN: window 2016/17 Q1 .. 2017/18 Q1, mean 145 / 5 = 29', () => {
		expect(row.baseline).toMatchObject({ window: { from: q(2016, 1), to: q(2017, 1) }, value: 29, used: 5, change: -5, judgement: 'better', lockedOn: null, reason: null });
		expect(row.baseline.percentChange).toBeCloseTo((-5 / 29) * 100, 10);
	});

	it('judges the latest quarter against the forecast from all history before it', () => {
		// x = 0..4: 30, 28, 31, 29, 27 → slope −0.5, intercept 30; residuals 0, −1.5, 2, 0.5, −1; SSE = 7.5
		// s = √(7.5 / 3) = √2.5; t(0.90, 3) = 1.637744; x = 5: ŷ = 27.5, √(1 + 1/5 + (5 − 2)²/10) = √2.1
		// half-width = 1.637744 × √(2.5 × 2.1) = 1.637744 × 2.291288 = 3.752543 → band [23.747457, 31.252543]
		// 24 is better than the line but inside the band: not yet.
		expect(row.verdict.verdict).toBe('not-yet');
		expect(row.verdict.periods[0]).toMatchObject({ period: q(2017, 2), actual: 24, versusLine: 'better', standing: 'within-band' });
		expect(row.verdict.periods[0]?.low).toBeCloseTo(23.747457, 5);
		if (!('ok' in row.forecast) || !row.forecast.ok) throw new Error('expected a fitted forecast');
		expect(row.forecast.points[0]?.period).toEqual(q(2017, 2));
	});

	it('passes the measure through', () => {
		expect(row).toMatchObject({ id: 'M1', name: 'Missing episodes', unit: 'count', polarity: 'lower', targetRange: null });
	});
});

describe('reportCardRow: a missing latest quarter is shown as its marker, never 0', () => {
	const points = series(Q1_2016, [30, 28, 31, 29, 27, '[c]'], 25);
	const row = reportCardRow(missingEpisodes, points);

	it('shows the marker and what it means', () => {
		expect(row.latest).toEqual({
			period: q(2017, 2),
			value: null,
			marker: '[c]',
			meaning: 'suppressed',
			missing: 'Confidential: withheld so that no child or family can be identified (GSS shorthand)'
		});
	});

	it('leaves every figure that needs the value empty, with reasons', () => {
		expect(row.gapToTarget).toBeNull();
		expect(row.targetMet).toBeNull();
		expect(row.currentTrend).toMatchObject({ direction: null, brokenBy: q(2017, 2) });
		expect(row.shortTrend.previous.change).toBeNull();
		expect(row.baseline).toMatchObject({ change: null, percentChange: null, reason: 'The latest period has no value' });
		expect(row.verdict.verdict).toBe('no-new-data');
	});

	it('says what an unknown marker or a blank is', () => {
		const odd = reportCardRow(missingEpisodes, series(Q1_2016, [30, 28, 'n/a']));
		expect(odd.latest).toMatchObject({ value: null, marker: 'n/a', meaning: null, missing: 'Marked "n/a"' });
		const blank: SeriesPoint[] = [...series(Q1_2016, [30]), { period: q(2016, 2), value: null, marker: null }, ...series(q(2016, 3), [28])];
		expect(reportCardRow(missingEpisodes, blank).previous).toMatchObject({ value: null, marker: null, missing: 'No value given' });
		const absent = reportCardRow(missingEpisodes, [{ period: q(2016, 3), value: 5 }]);
		expect(absent.previous).toMatchObject({ period: q(2016, 2), value: null, missing: 'Not in the series' });
	});
});

describe('reportCardRow: polarities and targets', () => {
	it('higher is better: value − target', () => {
		const row = reportCardRow({ id: 'H', name: 'Return interviews within 72 hours', unit: 'percent', polarity: 'higher' }, series(Q1_2016, [55, 60], 75));
		expect(row.gapToTarget).toBe(-15);
		expect(row.targetMet).toBe(false);
	});

	it('a target range: the margin inside it, or minus the distance outside', () => {
		const m: ReportCardMeasure = { id: 'R', name: 'Cases per worker', unit: 'count', polarity: 'range', targetRange: { low: 70, high: 90 } };
		expect(reportCardRow(m, series(Q1_2016, [80, 85])).gapToTarget).toBe(5);
		expect(reportCardRow(m, series(Q1_2016, [80, 95])).gapToTarget).toBe(-5);
		expect(reportCardRow(m, series(Q1_2016, [80, 60])).gapToTarget).toBe(-10);
		expect(reportCardRow(m, series(Q1_2016, [80, 95])).targetRange).toEqual({ low: 70, high: 90 });
	});

	it('no polarity: no signed gap and no verdict', () => {
		const row = reportCardRow({ id: 'N', name: 'Referrals', unit: 'count', polarity: null }, series(Q1_2016, [1, 2, 3, 4, 5, 6], 4));
		expect(row.target).toBe(4);
		expect(row.gapToTarget).toBeNull();
		expect(row.verdict.verdict).toBe('no-direction');
		expect(row.baseline.judgement).toBe('unknown');
	});
});

describe('reportCardRow: an agreed baseline', () => {
	const baseline = series(Q1_2016, [20, 23, 23, 27, 28, 29, 33, 34]);
	const points = [...baseline, ...series(q(2018, 1), [33, 32, 31])];

	it('a locked forecast sets the window and judges the later actuals', () => {
		const r = lockForecast(forecast(baseline), '2018-05-10');
		if (!r.ok) throw new Error(r.reason);
		const row = reportCardRow(missingEpisodes, points, { locked: r.locked });
		expect(row.forecast).toBe(r.locked);
		expect(row.baseline).toMatchObject({ window: r.locked.window, lockedOn: '2018-05-10', used: 8 });
		// mean of the locked window: (20 + 23 + 23 + 27 + 28 + 29 + 33 + 34) / 8 = 27.125
		expect(row.baseline.value).toBe(27.125);
		expect(row.verdict).toMatchObject({ verdict: 'turning', run: 3, lockedOn: '2018-05-10' });
	});

	it('a chosen window and method are used as given', () => {
		const row = reportCardRow(missingEpisodes, points, { from: q(2016, 1), to: q(2017, 4), method: 'theil-sen' });
		expect(row.forecast).toMatchObject({ ok: true, method: 'theil-sen', window: { from: q(2016, 1), to: q(2017, 4) } });
		expect(row.verdict.periods).toHaveLength(3);
	});

	it('baselineValue skips gaps and periods outside the window', () => {
		expect(baselineValue(series(Q1_2016, [10, 'c', 20, 99]), { from: q(2016, 1), to: q(2016, 3) })).toEqual({ value: 15, used: 2 });
		expect(baselineValue(series(Q1_2016, ['c']), { from: q(2016, 1), to: q(2016, 3) })).toEqual({ value: null, used: 0 });
	});

	it('one value is too little history, not a window that runs backwards', () => {
		const row = reportCardRow(missingEpisodes, series(Q1_2016, [12]));
		expect(row.verdict.verdict).toBe('too-little-history');
		expect(row.verdict.detail).toMatch(/it has 0$/);
	});

	it('an empty series gives an empty row, not an error', () => {
		const row = reportCardRow(missingEpisodes, []);
		expect(row).toMatchObject({ latest: null, previous: null, target: null, gapToTarget: null });
		expect(row.baseline.reason).toBe('No baseline window: no values yet');
		expect(row.verdict.verdict).toBe('too-little-history');
	});
});

describe('sortRows', () => {
	const make = (id: string, name: string, values: (number | string)[], polarity: 'higher' | 'lower' | null = 'lower') =>
		reportCardRow({ id, name, unit: 'count', polarity }, series(Q1_2016, values));
	const rows: ReportCardRow[] = [
		make('a', 'Measure 10', [10, 12, 14]), // up 2, worse
		make('b', 'Measure 2', [5, 'c']), // latest missing
		make('c', 'measure 1', [30, 20, 10]), // down 2, better
		make('d', 'Measure 3', [7, 7]), // flat, same
		make('e', 'Measure 4', [3, 1, 2]) // up 1, worse
	];
	const ids = (rs: ReportCardRow[]) => rs.map((r) => r.id);

	it('sorts numbers both ways with gaps last in both', () => {
		expect(ids(sortRows(rows, 'latestValue', 'ascending'))).toEqual(['e', 'd', 'c', 'a', 'b']);
		expect(ids(sortRows(rows, 'latestValue', 'descending'))).toEqual(['a', 'c', 'd', 'e', 'b']);
	});

	it('sorts names as people read them: 1, 2, 3, 4, 10, whatever the case', () => {
		expect(ids(sortRows(rows, 'name'))).toEqual(['c', 'b', 'd', 'e', 'a']);
	});

	it('sorts the trend by its run signed by judgement: better first when descending', () => {
		expect(rows.map((r) => sortValue(r, 'currentTrend'))).toEqual([-2, null, 2, 0, -1]);
		expect(ids(sortRows(rows, 'currentTrend', 'descending'))).toEqual(['c', 'd', 'e', 'a', 'b']);
	});

	it('keeps ties in their order and does not change the input', () => {
		const before = ids(rows);
		expect(ids(sortRows(rows, 'target', 'descending'))).toEqual(before); // every target is a gap
		expect(ids(rows)).toEqual(before);
	});

	it('sorts every column without losing a row, gaps last', () => {
		const keys: SortKey[] = ['name', 'id', 'latestPeriod', 'latestValue', 'previousValue', 'target', 'gapToTarget', 'currentTrend', 'shortTrendPrevious', 'shortTrendLastYear', 'longTrend', 'baselineChange', 'verdict'];
		for (const key of keys) {
			for (const dir of ['ascending', 'descending'] as const) {
				const sorted = sortRows(rows, key, dir);
				expect([...ids(sorted)].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
				const gaps = sorted.map((r) => sortValue(r, key) === null);
				expect(gaps).toEqual([...gaps].sort((x, y) => Number(x) - Number(y)));
			}
		}
	});
});

describe('report card properties', () => {
	it('never throws on arbitrary series, and sorts whatever it makes', () => {
		const arbPoint = fc.record({
			skip: fc.nat(3),
			value: fc.option(fc.double(), { nil: null }),
			marker: fc.option(fc.constantFrom('c', '[x]', 'low', '??', ''), { nil: null }),
			target: fc.option(fc.double(), { nil: null })
		});
		const arbMeasure = fc.record({
			polarity: fc.constantFrom('higher', 'lower', 'range', null) as fc.Arbitrary<'higher' | 'lower' | 'range' | null>,
			range: fc.option(fc.record({ low: fc.double(), high: fc.double() }), { nil: undefined }),
			raw: fc.array(arbPoint, { maxLength: 20 })
		});
		fc.assert(
			fc.property(fc.array(arbMeasure, { maxLength: 5 }), fc.constantFrom<SortKey>('latestValue', 'currentTrend', 'verdict', 'baselineChange', 'name'), (measures, key) => {
				const rows = measures.map(({ polarity, range, raw }, i) => {
					let period = q(2015, 4);
					const points = raw.map((r) => ({ period: (period = addQuarters(period, r.skip === 3 ? 2 : 1)), value: r.value, marker: r.marker, target: r.target }));
					const row = reportCardRow({ id: String(i), name: `M${i}`, unit: 'count', polarity, targetRange: range }, points);
					if (row.latest && row.latest.value === null) expect(row.gapToTarget).toBeNull();
					return row;
				});
				expect(sortRows(rows, key, 'descending')).toHaveLength(rows.length);
			})
		);
	});
});
