// What someone trying to undo safe-to-publish suppression could work out: used by the unit tests of
// the rule and by the browser test of the exported report.

/**
 * Brute force, as someone trying to undo the suppression would: every assignment of non-negative
 * whole numbers to the hidden cells that agrees with every line's sum. Returns, for one hidden cell,
 * whether another value than its true one is possible.
 */
export function anotherValuePossible(grid: number[][], hidden: boolean[][], cell: [number, number]): boolean {
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

