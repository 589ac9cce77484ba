import { describe, expect, test } from 'vitest';
import { lockForecast, projectLocked, type Forecast, type LockedForecast } from '../../src/lib/oba/baseline';
import { addQuarters, financialQuarter } from '../../src/lib/oba/quarters';
import type { SeriesPoint } from '../../src/lib/oba/series-point';
import { turnTheCurve } from '../../src/lib/oba/verdict';
import { turnTheCurveView } from '../../src/lib/state/turn-the-curve';

const start = financialQuarter(2014, 1);
// Eight quarters rising by 2 from 10 (with a little scatter), then four well above the line.
const values = [10, 12.5, 14, 15.5, 18, 20, 22.5, 24, 40, 42, 44, 46];
const points: SeriesPoint[] = values.map((value, i) => ({ period: addQuarters(start, i), value }));
const window = { method: 'linear' as const, from: start, to: addQuarters(start, 7) };

function locked(f: Forecast, on: string): LockedForecast {
	const r = lockForecast(f, on);
	if (!r.ok) throw new Error(r.reason);
	return r.locked;
}

describe('a turn-the-curve view with a locked forecast', () => {
	const live = turnTheCurveView(points, 'count', window);
	const lock = locked(live.forecast, '2016-04-01');

	test('draws the locked line over its window and past it, whatever baseline is chosen now', () => {
		// Another baseline choice (all twelve quarters) would refit; the locked line does not move.
		const view = turnTheCurveView(points, 'count', { method: 'theil-sen', from: start, to: addQuarters(start, 11) }, { locked: lock });
		expect(view.locked).toBe(lock);
		expect(view.fitted.map((p) => p.label)).toEqual(points.slice(0, 8).map((_, i) => view.actual[i]!.label));
		expect(view.fitted.map((p) => p.y)).toEqual(points.slice(0, 8).map((p) => projectLocked(lock, p.period)!.value));
		// The projection starts at the window's end and runs to the latest quarter.
		expect(view.projected[0]).toEqual(view.fitted.at(-1));
		expect(view.projected.at(-1)!.label).toBe(view.actual.at(-1)!.label);
		expect(view.band).toHaveLength(4);
		expect(view.band[0]!.low).toBeCloseTo(projectLocked(lock, addQuarters(start, 8))!.low, 12);
		// The table gives the locked line beside each actual, and its column names the day.
		expect(view.table[8]!.baseline).toBe(String(Math.round(projectLocked(lock, addQuarters(start, 8))!.value * 10) / 10));
		expect(view.columns.find((c) => c.key === 'baseline')!.label).toBe('Forecast locked 1 Apr 2016');
	});

	test('still offers the forecast of the chosen baseline, which is what would be locked next', () => {
		const view = turnTheCurveView(points, 'count', window, { locked: lock });
		expect(view.forecast.ok).toBe(true);
		expect(view.forecast.window).toEqual(lock.window);
	});

	test('the verdict judges only what ended after the lock', () => {
		expect(turnTheCurve(points, lock, 'higher')).toMatchObject({ verdict: 'turning', run: 4, lockedOn: '2016-04-01' });
		const late = locked(live.forecast, '2017-06-30');
		expect(turnTheCurve(points, late, 'higher')).toMatchObject({ verdict: 'no-new-data', detail: 'No actual since the forecast was locked on 2017-06-30' });
	});
});

describe('a turn-the-curve view with comparators', () => {
	test('draws each as a named line and gives each a column of the table, the same periods as the measure’s', () => {
		const england = points.slice(0, 11).map((p, i) => ({ ...p, value: i === 3 ? null : 30, marker: i === 3 ? 'c' : null }));
		const view = turnTheCurveView(points, 'count', window, { comparators: [{ code: 'E92000001', name: 'England', points: england }] });
		expect(view.comparators).toHaveLength(1);
		expect(view.comparators[0]).toMatchObject({ id: 'E92000001', label: 'England' });
		expect(view.comparators[0]!.points[3]).toMatchObject({ y: null, marker: 'c' });
		expect(view.columns.map((c) => c.label)).toEqual(['Period', 'Actual', 'Baseline and forecast', '80% band', 'Target', 'England']);
		expect(view.table.map((r) => r['area:E92000001'])).toEqual(['30', '30', '30', 'c', '30', '30', '30', '30', '30', '30', '30', '']);
	});
});
