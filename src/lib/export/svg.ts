// A chart's <svg> as a standalone SVG file: the title as visible text on top, the chart with
// its computed styles inlined, then its legend, note and source; <title> and <desc> carry the
// title and the text alternative. Serialised with XMLSerializer, so "£", "–" and "’" stay.
//
// The file is as wide as the chart is on the page; the chart inside keeps its CSS size.

import { INK, MUTED } from '../charts/palette';
import { slug } from './file-name';
import { prefixIds } from './ids';
import { inlineComputedStyles } from './inline-styles';
import type { LegendEntry } from './legend';
import { estimateWidth, wrapText, type Measure } from './text-wrap';

export interface ChartMeta {
	title: string;
	/** The text alternative. */
	description: string;
	note?: string;
	source?: string;
	legend?: LegendEntry[];
}

export interface StandaloneSvg {
	markup: string;
	/** Size of the whole drawing in CSS pixels. */
	width: number;
	height: number;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const INSET = 4;
const GAP = 6;
const SWATCH = 24;
interface TextStyle {
	size: number;
	line: number;
	weight: number;
	colour: string;
}
const TITLE: TextStyle = { size: 15, line: 20, weight: 700, colour: INK };
const SMALL: TextStyle = { size: 12, line: 16, weight: 400, colour: MUTED };

type Attributes = Record<string, string | number | undefined>;

/** Drops what only the page needs: framework comments and scoped-style class names. */
function tidy(root: Element): void {
	const comments = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
	const found: Node[] = [];
	while (comments.nextNode()) found.push(comments.currentNode);
	for (const comment of found) comment.parentNode?.removeChild(comment);
	for (const element of [root, ...root.querySelectorAll('[class]')]) {
		const kept = (element.getAttribute('class') ?? '').split(/\s+/).filter((c) => c && !/^svelte-/.test(c));
		if (kept.length) element.setAttribute('class', kept.join(' '));
		else element.removeAttribute('class');
	}
}

export function standaloneSvg(chart: SVGSVGElement, meta: ChartMeta): StandaloneSvg {
	const doc = chart.ownerDocument;
	const view = doc.defaultView ?? window;
	const { width, height: chartHeight } = chart.getBoundingClientRect();
	if (!(width > 0 && chartHeight > 0)) throw new Error('The chart is not drawn yet.');
	const family = view.getComputedStyle(chart).fontFamily || 'sans-serif';
	const prefix = `chart-${slug(meta.title, 40)}`;

	const make = (name: string, attributes: Attributes, text?: string) => {
		const element = doc.createElementNS(SVG_NS, name);
		for (const [key, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(key, String(value));
		if (text !== undefined) element.textContent = text;
		return element;
	};
	const context = doc.createElement('canvas').getContext('2d');
	const measureFor = (style: TextStyle): Measure => {
		if (!context) return estimateWidth(style.size, style.weight >= 600);
		context.font = `${style.weight} ${style.size}px ${family}`;
		const font = context.font;
		return (text) => {
			context.font = font;
			return context.measureText(text).width;
		};
	};
	const textAttributes = (style: TextStyle): Attributes => ({
		'font-family': family,
		'font-size': style.size,
		'font-weight': style.weight,
		fill: style.colour
	});

	const root = make('svg', { role: 'img', 'aria-labelledby': `${prefix}-title`, 'aria-describedby': `${prefix}-desc` });
	root.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
	root.append(make('title', { id: `${prefix}-title` }, meta.title), make('desc', { id: `${prefix}-desc` }, meta.description));
	root.append(make('rect', { width: '100%', height: '100%', fill: '#ffffff' }));

	let y = INSET;
	const paragraph = (text: string, style: TextStyle) => {
		for (const line of wrapText(text, width - 2 * INSET, measureFor(style))) {
			root.append(make('text', { x: INSET, y: y + style.size, ...textAttributes(style) }, line));
			y += style.line;
		}
	};

	paragraph(meta.title, TITLE);
	y += GAP;

	const clone = chart.cloneNode(true) as SVGSVGElement;
	inlineComputedStyles(chart, clone);
	prefixIds(clone, prefix);
	tidy(clone);
	clone.removeAttribute('role');
	if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${chartHeight}`);
	for (const [key, value] of Object.entries({ x: 0, y, width, height: chartHeight, overflow: view.getComputedStyle(chart).overflow || 'hidden' })) {
		clone.setAttribute(key, String(value));
	}
	root.append(clone);
	y += chartHeight;

	if (meta.legend?.length) {
		y += GAP;
		const measure = measureFor(SMALL);
		let x = INSET;
		for (const entry of meta.legend) {
			const entryWidth = SWATCH + 4 + measure(entry.label);
			if (x > INSET && x + entryWidth > width - INSET) {
				x = INSET;
				y += SMALL.line;
			}
			const middle = y + SMALL.line / 2;
			root.append(
				make('line', { x1: x, x2: x + SWATCH, y1: middle, y2: middle, stroke: entry.colour, 'stroke-width': 2.5, 'stroke-dasharray': entry.dash }),
				make('text', { x: x + SWATCH + 4, y: y + SMALL.size, ...textAttributes({ ...SMALL, colour: INK }) }, entry.label)
			);
			x += entryWidth + 12;
		}
		y += SMALL.line;
	}
	if (meta.note || meta.source) y += GAP;
	if (meta.note) paragraph(meta.note, SMALL);
	if (meta.source) paragraph(/^source\b/i.test(meta.source) ? meta.source : `Source: ${meta.source}`, SMALL);
	y += INSET;

	root.setAttribute('width', String(width));
	root.setAttribute('height', String(y));
	root.setAttribute('viewBox', `0 0 ${width} ${y}`);
	const markup = `${XML_DECLARATION}\n${new view.XMLSerializer().serializeToString(root)}\n`;
	return { markup, width, height: y };
}
