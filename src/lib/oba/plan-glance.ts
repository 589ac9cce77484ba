// The whole plan at a glance: its measures counted by the SPC signal of their latest point, as
// Making Data Count reads an XmR chart, and by their RAG against target. Plain counting, no DOM, no DuckDB.
import type { MeasureRag } from './measure-rag';
import type { Variation } from './spc-icons';

export type SpcSignal = 'improvement' | 'concern' | 'neither' | 'common' | 'too-few';

/** In the order a board reads them: what is getting better, what needs attention, then the rest. */
export const SPC_SIGNALS: readonly { id: SpcSignal; label: string }[] = [
	{ id: 'improvement', label: 'Special cause improvement' },
	{ id: 'concern', label: 'Special cause concern' },
	{ id: 'neither', label: 'Special cause, neither (no better direction)' },
	{ id: 'common', label: 'Common cause variation' },
	{ id: 'too-few', label: 'Too few points for an XmR chart' }
];

/** A measure's signal from its variation icon: no icon means too few values to draw the chart. */
export function spcSignalOf(variation: Variation | null): SpcSignal {
	if (variation === null) return 'too-few';
	if (variation === 'common') return 'common';
	return variation.split('-')[0] as SpcSignal;
}

export interface SignalCount {
	signal: SpcSignal;
	label: string;
	measures: number;
}

/** Measures per signal, every signal listed (zeros too), in SPC_SIGNALS order. */
export function countSignals(variations: readonly (Variation | null)[]): SignalCount[] {
	const signals = variations.map(spcSignalOf);
	return SPC_SIGNALS.map(({ id, label }) => ({ signal: id, label, measures: signals.filter((s) => s === id).length }));
}

export interface MeasureRagCount {
	/** Null: not rated (no target, or no value). */
	rag: MeasureRag | null;
	measures: number;
}

/** Measures per RAG, Red first, then those not rated; every rating listed (zeros too). */
export function countRatings(rags: readonly (MeasureRag | null)[]): MeasureRagCount[] {
	return (['R', 'A', 'G', null] as const).map((rag) => ({ rag, measures: rags.filter((r) => r === rag).length }));
}
