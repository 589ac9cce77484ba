// An XmR chart's geometry: the values as a line (a gap stays a gap), the mean and process limits
// as horizontal lines, and each point marked by its class with a shape and a letter as well as
// a colour. Pure, beside its thin renderer XmrChart.svelte.
import { symbol, symbolCircle, symbolSquare, symbolTriangle } from 'd3';
import type { PointClass, SpcLimits } from '../oba/spc';
import { lineGeometry, type LineGeometry, type LinePoint, type Margins } from './line-geometry';

export interface XmrPoint extends LinePoint {
	/** null for a gap. */
	class: PointClass | null;
	/** The special cause in words, for the point's title; null for common cause. */
	why: string | null;
}

export interface XmrLine {
	id: 'mean' | 'upper' | 'lower' | 'target';
	label: string;
	value: number;
	y: number;
}

export interface XmrMark {
	label: string;
	value: number;
	class: PointClass;
	cx: number;
	cy: number;
	/** A d3 symbol centred on the origin: translate it to (cx, cy). */
	d: string;
	/** I (improvement), C (concern), N (neither); none for common cause. */
	letter: string;
	why: string | null;
}

export interface XmrGeometry extends LineGeometry {
	lines: XmrLine[];
	marks: XmrMark[];
	/** Where the baseline ends (half a step after its last period), when it ends before the last point. */
	baselineX: number | null;
}

// Shape and letter per class: the classes read apart in greyscale and for colour-blind readers.
const SHAPES = {
	common: { type: symbolCircle, size: 28, letter: '' },
	improvement: { type: symbolCircle, size: 90, letter: 'I' },
	concern: { type: symbolSquare, size: 80, letter: 'C' },
	neither: { type: symbolTriangle, size: 90, letter: 'N' }
} as const;

export const XMR_LETTERS = { improvement: 'I: special cause improvement', concern: 'C: special cause concern', neither: 'N: special cause, neither' } as const;

export function xmrGeometry(
	points: readonly XmrPoint[],
	limits: SpcLimits,
	target: number | null,
	baselineEnd: Date | null,
	width: number,
	height: number,
	margin: Margins
): XmrGeometry {
	const levels: Omit<XmrLine, 'y'>[] = [
		{ id: 'upper', label: 'Upper process limit', value: limits.upper },
		{ id: 'mean', label: 'Mean', value: limits.mean },
		{ id: 'lower', label: 'Lower process limit', value: limits.lower },
		...(target !== null ? [{ id: 'target' as const, label: 'Target', value: target }] : [])
	];
	const base = lineGeometry([{ id: 'values', label: 'Values', colour: 'none', points: [...points] }], width, height, margin, levels.map((l) => l.value));
	const marks = points.flatMap((p): XmrMark[] => {
		if (p.y === null || p.class === null) return [];
		const shape = SHAPES[p.class];
		const d = symbol(shape.type, shape.size)() ?? '';
		return [{ label: p.label, value: p.y, class: p.class, cx: base.x(p.x), cy: base.y(p.y), d, letter: shape.letter, why: p.why }];
	});
	const last = points.at(-1);
	const after = baselineEnd ? points.find((p) => p.x > baselineEnd) : undefined;
	const baselineX = baselineEnd && after && last ? (base.x(baselineEnd) + base.x(after.x)) / 2 : null;
	return { ...base, lines: levels.map((l) => ({ ...l, y: base.y(l.value) })), marks, baselineX };
}
