// Safe to publish: statistical disclosure control of a table of counts with its totals, as UK
// official statistics do it ("[c]" for confidential). Primary suppression hides every count from
// 1 to threshold − 1; zeros are shown (a zero identifies no one). Secondary suppression then hides
// more cells so that no hidden count can be worked out from the cells and totals that are shown.
//
// Why it is safe: the table with its row totals, column totals and grand total is a bipartite graph
// (rows and columns of the table with its totals as vertices, each cell an edge), and every line sums
// to its total. A hidden cell can be recovered from what is shown exactly when it is a bridge of the
// graph of hidden cells. So every hidden cell is put on a cycle of hidden cells, all of them at least
// 1: adding and taking 1 alternately round the cycle gives another table with the same visible
// cells, so each hidden cell has at least two possible values. Totals count as shown whether or not
// the page prints them (the safe assumption: another table may show them).
// Plain rules: no DOM, no DuckDB.

export const SUPPRESSED = '[c]';
export const DEFAULT_THRESHOLD = 5;

export interface Suppression {
	/** Hidden body cells, [row][column]. */
	cells: boolean[][];
	rowTotals: boolean[];
	colTotals: boolean[];
	grand: boolean;
}

/** A count to show: the number, or "[c]". */
export function shown(value: number, hidden: boolean): number | string {
	return hidden ? SUPPRESSED : value;
}

/** The table with its totals as one (rows + 1) × (columns + 1) grid: the last row and column are totals. */
function withTotals(cells: readonly (readonly number[])[], columns: number): number[][] {
	const rows = cells.map((r) => [...r, r.reduce((s, v) => s + v, 0)]);
	const totals = Array.from({ length: columns + 1 }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0));
	return [...rows, totals];
}

/** Is the hidden cell (i, j) a bridge: do its row and column stay apart without it? */
function isBridge(hidden: boolean[][], i: number, j: number): boolean {
	const R = hidden.length;
	const C = hidden[0]!.length;
	// Vertices: rows 0..R-1, columns R..R+C-1.
	const seen = new Set<number>([i]);
	const queue = [i];
	while (queue.length) {
		const v = queue.pop()!;
		const next: number[] = [];
		if (v < R) {
			for (let c = 0; c < C; c++) if (hidden[v]![c] && !(v === i && c === j)) next.push(R + c);
		} else {
			const c = v - R;
			for (let r = 0; r < R; r++) if (hidden[r]![c] && !(r === i && c === j)) next.push(r);
		}
		for (const n of next) {
			if (n === R + j) return false;
			if (!seen.has(n)) {
				seen.add(n);
				queue.push(n);
			}
		}
	}
	return true;
}

/**
 * The cheapest rectangle of nonzero cells that puts (i, j) on a cycle: a total costs more than ten
 * counts and the grand total most of all (the number of items is the figure every reader wants),
 * then as few new cells as it can, then the smallest counts (the least information lost).
 */
function closeCycle(grid: number[][], hidden: boolean[][], i: number, j: number): [number, number][] | null {
	const R = grid.length - 1;
	const C = grid[0]!.length - 1;
	let best: { cost: number; add: [number, number][] } | null = null;
	for (let r = 0; r <= R; r++) {
		for (let c = 0; c <= C; c++) {
			if (r === i || c === j) continue;
			const corners: [number, number][] = [[i, c], [r, j], [r, c]];
			if (corners.some(([a, b]) => grid[a]![b]! === 0)) continue;
			const add = corners.filter(([a, b]) => !hidden[a]![b]);
			const cost = add.reduce((s, [a, b]) => s + (a === R && b === C ? 100_000_000 : a === R || b === C ? 10_000_000 : 1_000_000) + grid[a]![b]!, 0);
			if (!best || cost < best.cost) best = { cost, add };
		}
	}
	return best?.add ?? null;
}

/** Which cells (and totals) of a table of counts to hide so that none below the threshold can be seen or worked out. */
export function suppressTable(cells: readonly (readonly number[])[], threshold: number = DEFAULT_THRESHOLD): Suppression {
	const columns = cells[0]?.length ?? 0;
	const grid = withTotals(cells, columns);
	const hidden = grid.map((row) => row.map((v) => v >= 1 && v < threshold));
	for (;;) {
		let changed = false;
		for (let i = 0; i < grid.length && !changed; i++) {
			for (let j = 0; j < grid[0]!.length && !changed; j++) {
				if (!hidden[i]![j] || !isBridge(hidden, i, j)) continue;
				const add = closeCycle(grid, hidden, i, j);
				// No rectangle of nonzero cells: hide every nonzero cell, which always leaves each on a cycle
				// through its row's and column's totals.
				const cellsToHide = add ?? grid.flatMap((row, a) => row.flatMap((v, b) => (v > 0 ? [[a, b] as [number, number]] : [])));
				for (const [a, b] of cellsToHide) hidden[a]![b] = true;
				changed = true;
			}
		}
		if (!changed) break;
	}
	const R = cells.length;
	return {
		cells: hidden.slice(0, R).map((row) => row.slice(0, columns)),
		rowTotals: hidden.slice(0, R).map((row) => row[columns]!),
		colTotals: hidden[R]!.slice(0, columns),
		grand: hidden[R]![columns]!
	};
}
