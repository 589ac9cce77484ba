import { describe, expect, test } from 'vitest';
import {
	neighbourAverage,
	ordinal,
	parseCloseness,
	quartileOf,
	quartileText,
	rankOrderFor,
	standing
} from '../../src/lib/oba/neighbours';

describe('the DfE closeness words', () => {
	test('are read as the published file pads them, in any case', () => {
		expect(parseCloseness('Close ')).toEqual({ ok: true, value: 'Close' });
		expect(parseCloseness('  very   CLOSE')).toEqual({ ok: true, value: 'Very close' });
		expect(parseCloseness('Somewhat close')).toEqual({ ok: true, value: 'Somewhat close' });
		expect(parseCloseness('Near')).toEqual({
			ok: false,
			message: '"Near" is not a closeness of the DfE model; expected Extremely close, Very close, Close, Somewhat close, Not close.'
		});
	});
});

describe('the neighbours’ average', () => {
	test('is the plain mean of the rates they have, gaps left out, never zero', () => {
		// (10 + 20 + 30 + 40 + 50 + 61) / 6 = 211 / 6 = 35.1666…
		expect(neighbourAverage([10, 20, null, 30, 40, null, 50, 61, null, null])).toEqual({ mean: 211 / 6, used: 6, of: 10 });
	});
	test('needs at least half the neighbours (5 of 10) with a figure', () => {
		expect(neighbourAverage([12, 14, 16, 18, 20, null, null, null, null, null])).toEqual({ mean: 16, used: 5, of: 10 });
		expect(neighbourAverage([12, 14, 16, 18, null, null, null, null, null, null])).toEqual({ mean: null, used: 4, of: 10 });
		expect(neighbourAverage([], 0)).toEqual({ mean: null, used: 0, of: 0 });
	});
});

describe('rank and quartile among all authorities', () => {
	// Eight authorities' rates; as shown (one decimal) 30.04 and 30.0 are the same, 25.06 is 25.1.
	const rates = [40, 30.04, 30, 25.06, 25.1, 20, null, 10, 5];
	test('1 is the highest rate unless lower is better; ties share the best rank of their group', () => {
		expect(rankOrderFor(null)).toBe('highest-first');
		expect(rankOrderFor('higher')).toBe('highest-first');
		expect(rankOrderFor('lower')).toBe('lowest-first');
		// Highest first: 40 (1), 30.0 ×2 (2, 2), 25.1 ×2 (4, 4), 20 (6), 10 (7), 5 (8); the gap is not ranked.
		expect(standing(40, rates, 'highest-first')).toEqual({ rank: 1, of: 8, tiedWith: 0, quartile: 1 });
		expect(standing(30, rates, 'highest-first')).toEqual({ rank: 2, of: 8, tiedWith: 1, quartile: 1 });
		expect(standing(25.1, rates, 'highest-first')).toEqual({ rank: 4, of: 8, tiedWith: 1, quartile: 2 });
		// Quartiles of 8: ranks 1–2 the 1st, 3–4 the 2nd, 5–6 the 3rd, 7–8 the 4th.
		expect(standing(20, rates, 'highest-first')).toEqual({ rank: 6, of: 8, tiedWith: 0, quartile: 3 });
		expect(standing(5, rates, 'highest-first')).toEqual({ rank: 8, of: 8, tiedWith: 0, quartile: 4 });
		// Lowest first: 5 (1), 10 (2), 20 (3), 25.1 ×2 (4, 4), 30.0 ×2 (6, 6), 40 (8).
		expect(standing(25.06, rates, 'lowest-first')).toEqual({ rank: 4, of: 8, tiedWith: 1, quartile: 2 });
		expect(standing(30.04, rates, 'lowest-first')).toEqual({ rank: 6, of: 8, tiedWith: 1, quartile: 3 });
	});
	test('an area without a figure has no rank', () => {
		expect(standing(null, rates, 'highest-first')).toBeNull();
		expect(standing(99, rates, 'highest-first')).toBeNull();
	});
	test('the quartile is 1 + ⌊4 × (rank − 1) ÷ n⌋: by the share of authorities ahead', () => {
		// 150 authorities: rank 38 has 37 ahead (24.7%, the 1st), 39 has 38 (25.3%, the 2nd); 75 has
		// 74 (49.3%), 76 has 75 (50%, the 3rd); 113 has 112 (74.7%), 114 has 113 (75.3%, the 4th).
		expect([1, 38, 39, 75, 76, 113, 114, 150].map((r) => quartileOf(r, 150))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
		expect(quartileOf(1, 1)).toBe(1);
		expect(() => quartileOf(3, 2)).toThrow(RangeError);
	});
	test('is said with its direction', () => {
		expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual([
			'1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '112th'
		]);
		expect(quartileText(2, 'highest-first')).toBe('2nd quartile (1st = the highest rates)');
		expect(quartileText(4, 'lowest-first')).toBe('4th quartile (1st = the lowest rates)');
	});
});
