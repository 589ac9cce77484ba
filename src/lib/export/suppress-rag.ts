// Safe to publish for the plan's RAG counts. They are one cube, priority × review × RAG, shown in
// slices: the whole plan per review (the glance), priorities per review (the summary) and reviews
// per priority (each priority's trajectory). At one review, the priorities' counts sum to the whole
// plan's and each priority's to its items: one table with its totals. Suppressing each review's
// table once, and reading every view from it, hides a count the same way wherever it appears.
import type { Rag } from '../oba/rag';
import { suppressTable } from './suppress';

export type RagKey = Rag | 'none';
export const RAG_KEYS: readonly RagKey[] = ['R', 'A', 'G', 'B', 'none'];

export interface RagCell {
	priority: number;
	/** The review's ISO date. */
	review: string;
	rag: Rag | null;
	items: number;
}

export interface RagSuppression {
	/** Is this count hidden? priority 'plan' is the whole plan; rag 'total' is the items counted. */
	hidden(review: string, priority: number | 'plan', rag: RagKey | 'total'): boolean;
	/** Were any counts hidden? */
	any: boolean;
}

export const NO_SUPPRESSION: RagSuppression = { hidden: () => false, any: false };

export function suppressRagCounts(cells: readonly RagCell[], threshold: number): RagSuppression {
	const hidden = new Set<string>();
	const key = (review: string, priority: number | 'plan', rag: RagKey | 'total') => `${review}|${priority}|${rag}`;
	for (const review of new Set(cells.map((c) => c.review))) {
		const here = cells.filter((c) => c.review === review);
		const priorities = [...new Set(here.map((c) => c.priority))].sort((a, b) => a - b);
		const table = priorities.map((p) =>
			RAG_KEYS.map((k) => here.filter((c) => c.priority === p && (c.rag ?? 'none') === k).reduce((s, c) => s + c.items, 0))
		);
		const s = suppressTable(table, threshold);
		priorities.forEach((p, i) => {
			RAG_KEYS.forEach((k, j) => s.cells[i]![j] && hidden.add(key(review, p, k)));
			if (s.rowTotals[i]) hidden.add(key(review, p, 'total'));
		});
		RAG_KEYS.forEach((k, j) => s.colTotals[j] && hidden.add(key(review, 'plan', k)));
		if (s.grand) hidden.add(key(review, 'plan', 'total'));
	}
	return { hidden: (review, priority, rag) => hidden.has(key(review, priority, rag)), any: hidden.size > 0 };
}
