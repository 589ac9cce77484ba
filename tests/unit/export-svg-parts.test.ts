// The pure parts of the SVG export: text wrapping, id references, which computed styles to write.
import { describe, expect, test } from 'vitest';
import { rewriteReferences } from '../../src/lib/export/ids';
import { styleDeclarations } from '../../src/lib/export/inline-styles';
import { estimateWidth, wrapText } from '../../src/lib/export/text-wrap';

describe('wrapText', () => {
	const perChar = (text: string) => text.length * 10;

	test('fills each line greedily with whole words', () => {
		expect(wrapText('aaa bbb ccc dd', 75, perChar)).toEqual(['aaa bbb', 'ccc dd']);
		expect(wrapText('  short  ', 1000, perChar)).toEqual(['short']);
		expect(wrapText('', 100, perChar)).toEqual([]);
	});

	test('gives a word wider than the line a line of its own', () => {
		expect(wrapText('a verylongword b', 50, perChar)).toEqual(['a', 'verylongword', 'b']);
	});

	test('the estimate grows with the font size and weight', () => {
		expect(estimateWidth(10)('abcd')).toBeCloseTo(22);
		expect(estimateWidth(10, true)('abcd')).toBeGreaterThan(22);
	});
});

describe('rewriteReferences', () => {
	const swap = (id: string) => `p-${id}`;

	test('follows url(#…) in fills and style attributes, quoted or not, local or absolute', () => {
		expect(rewriteReferences('fill', 'url(#s1-R)', swap)).toBe('url(#p-s1-R)');
		expect(rewriteReferences('style', 'fill: url("#s1-A"); stroke: url(\'http://127.0.0.1:5/#s1-B\')', swap)).toBe(
			'fill: url(#p-s1-A); stroke: url(#p-s1-B)'
		);
		expect(rewriteReferences('fill', '#00703c', swap)).toBe('#00703c');
	});

	test('follows href="#…" and id lists, and leaves other links alone', () => {
		expect(rewriteReferences('href', '#g', swap)).toBe('#p-g');
		expect(rewriteReferences('xlink:href', '#g', swap)).toBe('#p-g');
		expect(rewriteReferences('href', 'https://example.org/', swap)).toBe('https://example.org/');
		expect(rewriteReferences('aria-labelledby', 'a  b', swap)).toBe('p-a p-b');
		expect(rewriteReferences('aria-label', 'url(#not-a-ref) is text', swap)).toBe('url(#p-not-a-ref) is text');
	});
});

describe('styleDeclarations', () => {
	const style = (values: Record<string, string>) => ({ getPropertyValue: (p: string) => values[p] ?? '' });
	const base = { fill: 'rgb(0, 0, 0)', stroke: 'none', 'font-size': '11px', 'font-family': 'system-ui', opacity: '1', display: 'inline' };

	test('writes every inherited property on the root', () => {
		const declarations = styleDeclarations(style(base), undefined);
		expect(declarations).toContain('fill: rgb(0, 0, 0)');
		expect(declarations).toContain('font-family: system-ui');
		expect(declarations).not.toContain('opacity: 1');
	});

	test('writes on a child only what differs from its parent, and opacity when not 1', () => {
		const child = style({ ...base, fill: 'rgb(80, 90, 95)', opacity: '0.5' });
		expect(styleDeclarations(child, style(base))).toEqual(['fill: rgb(80, 90, 95)', 'opacity: 0.5']);
		expect(styleDeclarations(style({ ...base, display: 'none' }), style(base))).toEqual(['display: none']);
	});
});
