// BRAG ratings for action-plan items: Red, Amber, Green, and Blue for
// complete. One rating per item per review; blank means not rated at that
// review, which is a fact to show, not a Red.

export type Rag = 'R' | 'A' | 'G' | 'B';

export type RagParse = { ok: true; rag: Rag | null } | { ok: false; message: string };

export type RagTransition = 'improved' | 'held' | 'slipped' | 'completed' | 'newly rated' | 'not rated';

/** Worst to best. Blue (complete) is best: nothing is left to do. */
export const RAG_ORDER: readonly Rag[] = ['R', 'A', 'G', 'B'];

const LABELS: Record<Rag, string> = { R: 'Red', A: 'Amber', G: 'Green', B: 'Blue (complete)' };

// Colour must never carry meaning alone: each rating also has a shape.
const SHAPES: Record<Rag, 'triangle' | 'diamond' | 'circle' | 'square'> = {
	R: 'triangle',
	A: 'diamond',
	G: 'circle',
	B: 'square'
};

const SPELLINGS = new Map<string, Rag>(Object.entries({
	r: 'R',
	red: 'R',
	a: 'A',
	amber: 'A',
	g: 'G',
	green: 'G',
	b: 'B',
	blue: 'B',
	complete: 'B',
	completed: 'B',
	bluecomplete: 'B',
	bluecompleted: 'B'
} satisfies Record<string, Rag>));

export const RAG_EXPECTED =
	'expected a RAG rating: R, A, G or B (Red, Amber, Green, Blue = complete), or a blank for not rated';

/** Never throws. Blank is a valid answer: not rated at this review. */
export function parseRag(text: string): RagParse {
	const written = String(text ?? '').trim();
	const key = written.toLowerCase().replace(/[\s()\-/]+/g, '');
	if (key === '') return { ok: true, rag: null };
	const rag = SPELLINGS.get(key);
	if (rag) return { ok: true, rag };
	const parts = written.toLowerCase().split(/[\s/\-]+/).filter((p) => SPELLINGS.has(p));
	if (parts.length > 1) {
		return { ok: false, message: `"${written}" gives more than one rating; choose one. ${RAG_EXPECTED}` };
	}
	return { ok: false, message: `"${written}" is not a RAG rating; ${RAG_EXPECTED}` };
}

export function ragLabel(rag: Rag | null): string {
	return rag === null ? 'Not rated' : LABELS[rag];
}

export function ragShape(rag: Rag): 'triangle' | 'diamond' | 'circle' | 'square' {
	return SHAPES[rag];
}

/** 0 for Red up to 3 for Blue. */
export function ragRank(rag: Rag): number {
	return RAG_ORDER.indexOf(rag);
}

/** The worst rating given; null when nothing was rated. */
export function worstOf(rags: readonly (Rag | null)[]): Rag | null {
	let worst: Rag | null = null;
	for (const r of rags) if (r !== null && (worst === null || ragRank(r) < ragRank(worst))) worst = r;
	return worst;
}

/** How an item moved between two reviews. Reaching Blue is 'completed' from anything but Blue. */
export function transition(from: Rag | null, to: Rag | null): RagTransition {
	if (to === null) return 'not rated';
	if (to === 'B' && from !== 'B') return 'completed';
	if (from === null) return 'newly rated';
	const change = ragRank(to) - ragRank(from);
	return change > 0 ? 'improved' : change < 0 ? 'slipped' : 'held';
}

export type RagCounts = Record<Rag, number> & { notRated: number; total: number };

export function countRag(list: readonly (Rag | null)[]): RagCounts {
	const counts: RagCounts = { R: 0, A: 0, G: 0, B: 0, notRated: 0, total: list.length };
	for (const r of list) {
		if (r === null) counts.notRated += 1;
		else counts[r] += 1;
	}
	return counts;
}

/**
 * True when the latest `times` reviews (default 2) were all Red: the item has
 * stayed Red and needs escalating. History is oldest first, one entry per
 * review; a review where the item was not rated breaks the run.
 */
export function redAtConsecutiveReviews(history: readonly (Rag | null)[], times = 2): boolean {
	const n = Math.max(1, Math.floor(times));
	return history.length >= n && history.slice(-n).every((r) => r === 'R');
}

/** True when the item was Green at the previous review and is Amber or Red at the latest. */
export function slippedFromGreen(history: readonly (Rag | null)[]): boolean {
	const latest = history[history.length - 1];
	const previous = history[history.length - 2];
	return previous === 'G' && (latest === 'A' || latest === 'R');
}
