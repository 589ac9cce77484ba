import { describe, expect, test } from 'vitest';
import { SUPPRESSED, shown, suppressTable, type Suppression } from '../../src/lib/export/suppress';

/** The table with its totals as one grid, and which of its cells are hidden, as the reader sees it. */
function augmented(cells: number[][], s: Suppression) {
	const rows = cells.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
	const totals = rows[0]!.map((_, j) => rows.reduce((a, r) => a + r[j]!, 0));
	const grid = [...rows, totals];
	const hidden = [...s.cells.map((r, i) => [...r, s.rowTotals[i]!]), [...s.colTotals, s.grand]];
	return { grid, hidden };
}

/**
 * Brute force, as someone trying to undo the suppression would: every assignment of non-negative
 * whole numbers to the hidden cells that agrees with every line's sum. Returns, for one hidden cell,
 * whether another value than its true one is possible.
 */
function anotherValuePossible(grid: number[][], hidden: boolean[][], cell: [number, number]): boolean {
	const R = grid.length - 1;
	const C = grid[0]!.length - 1;
	const unknown: [number, number][] = [];
	grid.forEach((row, i) => row.forEach((_, j) => hidden[i]![j] && unknown.push([i, j])));
	const bound = grid[R]![C]!;
	// Each line: its body cells sum to its total (the last cell): coefficient +1 for the body, −1 for the total.
	const lines: { cells: [number, number][]; coef: number[] }[] = [];
	for (let i = 0; i <= R; i++) lines.push({ cells: grid[i]!.map((_, j) => [i, j]), coef: grid[i]!.map((_, j) => (j === C ? -1 : 1)) });
	for (let j = 0; j <= C; j++) lines.push({ cells: grid.map((_, i) => [i, j]), coef: grid.map((_, i) => (i === R ? -1 : 1)) });
	const value = grid.map((r) => [...r]);
	const assigned = grid.map((r) => r.map(() => true));
	for (const [i, j] of unknown) assigned[i]![j] = false;
	const feasible = () =>
		lines.every(({ cells, coef }) => {
			let sum = 0;
			let pos = false;
			let neg = false;
			cells.forEach(([i, j], k) => {
				if (assigned[i]![j]) sum += coef[k]! * value[i]![j]!;
				else if (coef[k]! > 0) pos = true;
				else neg = true;
			});
			if (!pos && !neg) return sum === 0;
			if (!neg) return sum <= 0;
			if (!pos) return sum >= 0;
			return true;
		});
	const truth = grid[cell[0]]![cell[1]]!;
	const search = (k: number): boolean => {
		if (k === unknown.length) return value[cell[0]]![cell[1]] !== truth;
		const [i, j] = unknown[k]!;
		assigned[i]![j] = true;
		for (let v = 0; v <= bound; v++) {
			if (i === cell[0] && j === cell[1] && v === truth) continue;
			value[i]![j] = v;
			if (feasible() && search(k + 1)) return true;
		}
		assigned[i]![j] = false;
		value[i]![j] = grid[i]![j]!;
		return false;
	};
	// The cell under test first, so that its true value is ruled out from the start.
	unknown.sort((a, b) => Number(b[0] === cell[0] && b[1] === cell[1]) - Number(a[0] === cell[0] && a[1] === cell[1]));
	return search(0);
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
