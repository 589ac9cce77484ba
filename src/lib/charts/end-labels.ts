// Names written at the right-hand end of lines (direct labels, so a line is named by text, not by
// colour alone), moved apart just enough not to overlap. Pure.

/** The labels' y positions, each at least `gap` below the one above it, in the order given. */
export function spreadLabels(ys: readonly number[], gap: number): number[] {
	const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
	const placed = new Array<number>(ys.length);
	let previous = -Infinity;
	for (const { y, i } of order) {
		previous = Math.max(y, previous + gap);
		placed[i] = previous;
	}
	return placed;
}

/** Room for the longest name at 11px (about 6.2px a character), or none without names. */
export function labelRoom(names: readonly string[]): number {
	const longest = Math.max(0, ...names.map((n) => n.length));
	return longest === 0 ? 0 : Math.ceil(longest * 6.2) + 12;
}
