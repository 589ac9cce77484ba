import { RAG_ORDER, ragLabel, type Rag } from '../oba/rag';

/** Safe to publish: the counts hidden as "[c]" in a column, drawn as one segment (their sum is no secret: the total less the rest). */
export const HIDDEN = 'c';
export type BarRag = Rag | null | typeof HIDDEN;

export interface RagCount {
	review: string;
	rag: BarRag;
	items: number;
}

export function barLabel(rag: BarRag): string {
	return rag === HIDDEN ? 'Suppressed ([c])' : ragLabel(rag);
}

/** The counts with the hidden ones merged, per review, into one HIDDEN segment. */
export function mergeHidden<T extends RagCount>(counts: readonly T[], isHidden: (c: T) => boolean): RagCount[] {
	const merged: RagCount[] = [];
	for (const c of counts) {
		if (!isHidden(c)) merged.push({ review: c.review, rag: c.rag, items: c.items });
		else {
			const there = merged.find((m) => m.review === c.review && m.rag === HIDDEN);
			if (there) there.items += c.items;
			else merged.push({ review: c.review, rag: HIDDEN, items: c.items });
		}
	}
	return merged;
}

export interface RagSegment {
	review: string;
	rag: BarRag;
	items: number;
	/** Share of the review's items, 0–1. */
	share: number;
	/** Bottom and top of the segment in items (or shares, when stacked as %). */
	y0: number;
	y1: number;
}

export interface RagColumn {
	review: string;
	total: number;
	segments: RagSegment[];
}

/** Worst at the bottom, so the red and amber the board must see sit on the baseline. */
const STACK_ORDER: readonly BarRag[] = [...RAG_ORDER, null, HIDDEN];

/** Stacks each review's RAG counts; `asShare` stacks shares (0–1) instead of item counts. */
export function stackRag(counts: readonly RagCount[], reviews: readonly string[], asShare = false): RagColumn[] {
	return reviews.map((review) => {
		const here = counts.filter((c) => c.review === review);
		const total = here.reduce((sum, c) => sum + c.items, 0);
		let y = 0;
		const segments: RagSegment[] = [];
		for (const rag of STACK_ORDER) {
			const items = here.filter((c) => c.rag === rag).reduce((sum, c) => sum + c.items, 0);
			if (items === 0) continue;
			const share = total ? items / total : 0;
			const height = asShare ? share : items;
			segments.push({ review, rag, items, share, y0: y, y1: y + height });
			y += height;
		}
		return { review, total, segments };
	});
}

/** The data table of a RAG trajectory: a review a row, a rating a column (with the items in all, when asked). */
export function ragTableColumns(withTotal = false) {
	return [
		{ key: 'review', label: 'Review' },
		...(['R', 'A', 'G', 'B'] as const).map((rag) => ({ key: rag, label: barLabel(rag), numeric: true })),
		{ key: 'none', label: barLabel(null), numeric: true },
		...(withTotal ? [{ key: 'total', label: 'Items', numeric: true }] : []),
		{ key: 'source', label: 'Source' }
	];
}
