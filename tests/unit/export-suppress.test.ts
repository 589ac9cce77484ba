import { describe, expect, test } from 'vitest';
import { SUPPRESSED, shown, suppressTable, type Suppression } from '../../src/lib/export/suppress';
import { anotherValuePossible } from '../helpers/disclosure';

/** The table with its totals as one grid, and which of its cells are hidden, as the reader sees it. */
function augmented(cells: number[][], s: Suppression) {
	const rows = cells.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
	const totals = rows[0]!.map((_, j) => rows.reduce((a, r) => a + r[j]!, 0));
	const grid = [...rows, totals];
	const hidden = [...s.cells.map((r, i) => [...r, s.rowTotals[i]!]), [...s.colTotals, s.grand]];
	return { grid, hidden };
}

function assertSafe(cells: number[][], threshold: number) {
	const s = suppressTable(cells, threshold);
	const { grid, hidden } = augmented(cells, s);
	grid.forEach((row, i) =>
		row.forEach((v, j) => {
			if (v >= 1 && v < threshold) expect(hidden[i]![j], `primary ${v} at ${i},${j} of ${JSON.stringify(cells)}`).toBe(true);
			if (v === 0) expect(hidden[i]![j], `zero at ${i},${j}`).toBe(false);
			if (hidden[i]![j]) expect(anotherValuePossible(grid, hidden, [i, j]), `recoverable ${i},${j} of ${JSON.stringify(cells)}`).toBe(true);
		})
	);
	return s;
}

/** A small seeded generator, so that a failure can be repeated. */
function random(seed: number) {
	let s = seed >>> 0;
	return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('primary suppression', () => {
	test('counts of 1 to 4 are hidden at the default threshold of 5; zeros and 5 and over are shown', () => {
		const s = suppressTable([[0, 4, 5, 9, 1, 30]]);
		expect(s.cells[0]).toEqual([false, true, false, false, true, false]);
	});

	test('a table with nothing small hides nothing', () => {
		expect(suppressTable([[5, 6], [7, 8]])).toEqual({ cells: [[false, false], [false, false]], rowTotals: [false, false], colTotals: [false, false], grand: false });
	});

	test('shown writes [c] for a hidden count', () => {
		expect(shown(3, true)).toBe(SUPPRESSED);
		expect(shown(3, false)).toBe(3);
	});
});

describe('secondary suppression', () => {
	test('one small count in a row with its total: a second count of the row, and of its column, are hidden', () => {
		// Row 1: 3 + 6 + 8 = 17, shown total. Hiding 3 alone would give it away as 17 − 6 − 8.
		const s = suppressTable([[3, 6, 8], [9, 7, 10]]);
		expect(s.cells).toEqual([[true, true, false], [true, true, false]]);
		expect(s.rowTotals).toEqual([false, false]);
		expect(s.colTotals).toEqual([false, false, false]);
	});

	test('a row total below the threshold is hidden with another row total, and every count in its row', () => {
		const s = assertSafe([[1, 1, 0], [6, 9, 8], [7, 5, 12]], 5);
		expect(s.rowTotals[0]).toBe(true);
		expect(s.rowTotals.filter(Boolean).length).toBeGreaterThanOrEqual(2);
	});

	test('the shipped plan at Dec 2017: no hidden count recoverable from the priorities’ and the plan’s totals', () => {
		// Priorities 1–6 × Red, Amber, Green, Blue, not rated (data/action-plan.csv and data/sample-reviews.csv).
		assertSafe([[0, 0, 2, 4, 0], [0, 0, 5, 1, 0], [0, 0, 1, 1, 0], [0, 1, 0, 0, 0], [0, 2, 1, 9, 0], [1, 0, 6, 3, 1]], 5);
	});
});

describe('no hidden count can be recovered from what is shown (brute force)', () => {
	test('every 2 × 2 table of counts 0–5 at threshold 3', () => {
		for (let n = 0; n < 6 ** 4; n++) {
			const v = [0, 1, 2, 3].map((k) => Math.floor(n / 6 ** k) % 6);
			assertSafe([[v[0]!, v[1]!], [v[2]!, v[3]!]], 3);
		}
	});

	test('300 random 3 × 3 and 2 × 4 tables of counts 0–9 at threshold 5', () => {
		const next = random(20261203);
		for (let n = 0; n < 300; n++) {
			const [rows, cols] = n % 2 ? [3, 3] : [2, 4];
			const cells = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(next() * 10)));
			assertSafe(cells, 5);
		}
	});
});
