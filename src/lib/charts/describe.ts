import { formatValue } from '../oba/format';
import type { LinePoint } from './line-geometry';
import { barLabel, HIDDEN, type RagColumn } from './rag-bars';

/** The text alternative of a line: its span, its latest value against the one before and the target, its gaps. */
export function describeLine(points: readonly LinePoint[], unit: string, target?: readonly LinePoint[]): string {
	if (points.length === 0) return 'No values yet.';
	const withValue = points.filter((p) => p.y !== null);
	const parts = [`${points[0]!.label} to ${points[points.length - 1]!.label}.`];
	const latest = withValue[withValue.length - 1];
	if (latest) {
		let sentence = `Latest ${formatValue(latest.y, unit)} in ${latest.label}`;
		const previous = withValue[withValue.length - 2];
		if (previous) sentence += `, against ${formatValue(previous.y, unit)} in ${previous.label}`;
		const goal = target?.find((t) => t.label === latest.label)?.y;
		if (goal !== undefined && goal !== null) sentence += `; target ${formatValue(goal, unit)}`;
		parts.push(`${sentence}.`);
	}
	const gaps = points.filter((p) => p.y === null);
	if (gaps.length) {
		parts.push(`No value for ${gaps.length} period${gaps.length > 1 ? 's' : ''} (${gaps.map((g) => `${g.label}${g.marker ? `: ${g.marker}` : ''}`).join(', ')}).`);
	}
	return parts.join(' ');
}

/**
 * The text alternative of a RAG trajectory: the mix at the first and the latest review. Suppressed
 * counts are named, never given; `hideTotal` leaves out the number of items (when it is suppressed too).
 */
export function describeRag(columns: readonly RagColumn[], hideTotal = false): string {
	if (columns.length === 0) return 'No reviews yet.';
	const mix = (c: RagColumn) =>
		c.segments.map((s) => (s.rag === HIDDEN ? `others suppressed ([c])` : `${s.items} ${barLabel(s.rag).toLowerCase()}`)).join(', ');
	const first = columns[0]!;
	const last = columns[columns.length - 1]!;
	const of = hideTotal ? '' : `, of ${first.total} rated items`;
	if (first === last) return `${first.review}: ${mix(first)}${of}.`;
	return `${first.review}: ${mix(first)}. ${last.review}: ${mix(last)}.${hideTotal ? '' : ` ${last.total} rated items.`}`;
}
