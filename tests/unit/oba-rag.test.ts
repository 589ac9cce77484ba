import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	RAG_ORDER,
	countRag,
	parseRag,
	ragLabel,
	ragShape,
	redAtConsecutiveReviews,
	slippedFromGreen,
	transition,
	worstOf,
	type Rag
} from '../../src/lib/oba/rag';

describe('parseRag', () => {
	it.each([
		['R', 'R'], ['r', 'R'], ['Red', 'R'], [' RED ', 'R'],
		['A', 'A'], ['amber', 'A'], ['Amber', 'A'],
		['G', 'G'], ['Green', 'G'], ['green ', 'G'],
		['B', 'B'], ['Blue', 'B'], ['Complete', 'B'], ['COMPLETED', 'B'], ['Blue (complete)', 'B']
	])('%s is %s', (text, rag) => {
		expect(parseRag(text)).toEqual({ ok: true, rag });
	});

	it.each(['', '   ', '\n'])('%j is not rated', (text) => {
		expect(parseRag(text)).toEqual({ ok: true, rag: null });
	});

	it('a two-way rating is asked to choose one', () => {
		const r = parseRag('Amber/Green');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/more than one rating/);
	});

	it.each(['Yellow', 'constructor', 'toString', 'RA', '1'])('%s is refused with the accepted spellings', (text) => {
		const r = parseRag(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/R, A, G or B/);
	});

	it('every label reads back to its rating', () => {
		for (const rag of RAG_ORDER) expect(parseRag(ragLabel(rag))).toEqual({ ok: true, rag });
	});
});

describe('labels and shapes', () => {
	it('names and shapes each rating so colour never carries meaning alone', () => {
		expect(RAG_ORDER.map(ragLabel)).toEqual(['Red', 'Amber', 'Green', 'Blue (complete)']);
		expect(RAG_ORDER.map(ragShape)).toEqual(['triangle', 'diamond', 'circle', 'square']);
		expect(new Set(RAG_ORDER.map(ragShape)).size).toBe(4);
		expect(ragLabel(null)).toBe('Not rated');
	});
});

describe('comparisons between reviews', () => {
	it('worstOf ignores unrated items', () => {
		expect(worstOf(['G', null, 'A', 'B'])).toBe('A');
		expect(worstOf([null, null])).toBeNull();
		expect(worstOf([])).toBeNull();
	});

	it.each([
		['A', 'G', 'improved'],
		['R', 'A', 'improved'],
		['G', 'G', 'held'],
		['B', 'B', 'held'],
		['G', 'A', 'slipped'],
		['B', 'R', 'slipped'],
		['G', 'B', 'completed'],
		['R', 'B', 'completed'],
		[null, 'B', 'completed'],
		[null, 'A', 'newly rated'],
		['A', null, 'not rated'],
		[null, null, 'not rated']
	] as const)('%s → %s is %s', (from, to, expected) => {
		expect(transition(from, to)).toBe(expected);
	});

	it('counts each rating and the unrated', () => {
		expect(countRag(['R', 'R', 'A', null, 'B'])).toEqual({ R: 2, A: 1, G: 0, B: 1, notRated: 1, total: 5 });
	});

	it('flags items Red at the latest consecutive reviews', () => {
		expect(redAtConsecutiveReviews(['G', 'R', 'R'])).toBe(true);
		expect(redAtConsecutiveReviews(['R', 'R', 'G'])).toBe(false);
		expect(redAtConsecutiveReviews(['R', null, 'R'])).toBe(false);
		expect(redAtConsecutiveReviews(['R'])).toBe(false);
		expect(redAtConsecutiveReviews(['A', 'R', 'R'], 3)).toBe(false);
		expect(redAtConsecutiveReviews(['R', 'R', 'R'], 3)).toBe(true);
	});

	it('flags items that slipped from Green at the latest review', () => {
		expect(slippedFromGreen(['G', 'A'])).toBe(true);
		expect(slippedFromGreen(['A', 'G', 'R'])).toBe(true);
		expect(slippedFromGreen(['G', 'B'])).toBe(false);
		expect(slippedFromGreen(['G', null])).toBe(false);
		expect(slippedFromGreen(['G'])).toBe(false);
	});
});

const ragOrNull = fc.constantFrom<Rag | null>('R', 'A', 'G', 'B', null);

describe('properties', () => {
	it('parseRag never throws', () => {
		fc.assert(
			fc.property(fc.string(), (t) => {
				expect(typeof parseRag(t).ok).toBe('boolean');
			}),
			{ numRuns: 2000 }
		);
	});

	it('the worst rating is one of those given and none given is worse', () => {
		fc.assert(
			fc.property(fc.array(ragOrNull), (list) => {
				const worst = worstOf(list);
				const rated = list.filter((r): r is Rag => r !== null);
				if (worst === null) expect(rated).toEqual([]);
				else for (const r of rated) expect(RAG_ORDER.indexOf(r)).toBeGreaterThanOrEqual(RAG_ORDER.indexOf(worst));
			})
		);
	});

	it('counts add up to the number of items', () => {
		fc.assert(
			fc.property(fc.array(ragOrNull), (list) => {
				const c = countRag(list);
				expect(c.R + c.A + c.G + c.B + c.notRated).toBe(list.length);
			})
		);
	});

	it('improving one way is slipping the other way', () => {
		fc.assert(
			fc.property(fc.constantFrom<Rag>('R', 'A', 'G'), fc.constantFrom<Rag>('R', 'A', 'G'), (a, b) => {
				const there = transition(a, b);
				const back = transition(b, a);
				if (there === 'improved') expect(back).toBe('slipped');
				if (there === 'held') expect(back).toBe('held');
			})
		);
	});
});
