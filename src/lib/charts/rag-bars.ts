import { RAG_ORDER, type Rag } from '../oba/rag';

export interface RagCount {
	review: string;
	rag: Rag | null;
	items: number;
}

export interface RagSegment {
	review: string;
	rag: Rag | null;
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
const STACK_ORDER: readonly (Rag | null)[] = [...RAG_ORDER, null];

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
