import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeTolerance, NO_TOLERANCE, parseThreshold, parseTravelRule, rateMeasure, storedTolerance, thresholdText, type Tolerance } from '../../src/lib/oba/measure-rag';

const pct = (value: number) => ({ value, percent: true });
const abs = (value: number) => ({ value, percent: false });
const tol = (amber: Tolerance['amber'], red: Tolerance['red'], travel: Tolerance['travel'] = 'none'): Tolerance => ({ amber, red, travel });

describe('rateMeasure, higher is better, target 80', () => {
	const at = (value: number, tolerance: Tolerance, previous?: number) => rateMeasure({ value, target: 80, polarity: 'higher', tolerance, previous }).rag;

	it('met or beaten is Green', () => {
		expect(at(80, NO_TOLERANCE)).toBe('G');
		expect(at(95, NO_TOLERANCE)).toBe('G');
	});
	it('with no tolerance any shortfall is Red', () => {
		expect(at(79.9, NO_TOLERANCE)).toBe('R');
	});
	it('percent thresholds: amber 10% of 80 = 8, red 20% of 80 = 16, both ends inclusive', () => {
		const t = tol(pct(10), pct(20));
		expect(at(72, t)).toBe('G'); // short by 8
		expect(at(71.9, t)).toBe('A');
		expect(at(64, t)).toBe('A'); // short by 16
		expect(at(63.9, t)).toBe('R');
	});
	it('absolute thresholds: amber 2, red 5', () => {
		const t = tol(abs(2), abs(5));
		expect(at(78, t)).toBe('G');
		expect(at(77, t)).toBe('A');
		expect(at(75, t)).toBe('A');
		expect(at(74, t)).toBe('R');
	});
	it('only a red threshold: any shortfall up to it is Amber', () => {
		expect(at(79, tol(null, abs(5)))).toBe('A');
		expect(at(74, tol(null, abs(5)))).toBe('R');
	});
	it('improving-is-amber lifts an improving Red to Amber, not a worsening one', () => {
		const t = tol(abs(2), abs(5), 'improving-is-amber');
		expect(rateMeasure({ value: 70, target: 80, polarity: 'higher', tolerance: t, previous: 60 })).toEqual({
			rag: 'A', shortfall: 10, why: 'Short of target by more than the red threshold (5), but improving since the period before'
		});
		expect(at(70, t, 72)).toBe('R');
		expect(at(70, t)).toBe('R');
	});
	it('travel-decides: outside tolerance, Amber if improving, Red if not; the red threshold is not used', () => {
		const t = tol(pct(10), pct(20), 'travel-decides');
		expect(at(50, t, 40)).toBe('A');
		expect(at(71, t, 75)).toBe('R');
		expect(at(73, t, 60)).toBe('G');
	});
});

describe('rateMeasure, lower is better, target 20', () => {
	const at = (value: number, tolerance: Tolerance, previous?: number) => rateMeasure({ value, target: 20, polarity: 'lower', tolerance, previous }).rag;
	it('at or under target is Green; over it is the shortfall', () => {
		expect(at(20, NO_TOLERANCE)).toBe('G');
		expect(at(3, NO_TOLERANCE)).toBe('G');
		expect(at(21, NO_TOLERANCE)).toBe('R');
	});
	it('percent thresholds: amber 10% of 20 = 2, red 25% of 20 = 5', () => {
		const t = tol(pct(10), pct(25));
		expect(at(22, t)).toBe('G');
		expect(at(22.5, t)).toBe('A');
		expect(at(25, t)).toBe('A');
		expect(at(25.5, t)).toBe('R');
	});
	it('improving means falling', () => {
		const t = tol(abs(1), abs(2), 'improving-is-amber');
		expect(at(30, t, 35)).toBe('A');
		expect(at(30, t, 25)).toBe('R');
	});
});

describe('rateMeasure, within a range 10–20', () => {
	const range = { low: 10, high: 20 };
	const at = (value: number, tolerance: Tolerance) => rateMeasure({ value, target: null, polarity: 'range', range, tolerance }).rag;
	it('inside is Green; the shortfall is the distance outside', () => {
		expect(at(15, NO_TOLERANCE)).toBe('G');
		expect(at(10, NO_TOLERANCE)).toBe('G');
		expect(at(9, NO_TOLERANCE)).toBe('R');
	});
	it('a percentage is of the nearer end: 10% of 10 below, 10% of 20 above', () => {
		const t = tol(pct(10), pct(30));
		expect(at(9, t)).toBe('G');
		expect(at(8.9, t)).toBe('A');
		expect(at(22, t)).toBe('G');
		expect(at(22.1, t)).toBe('A');
		expect(at(26, t)).toBe('A');
		expect(at(26.1, t)).toBe('R');
	});
});

describe('rateMeasure without what it needs', () => {
	it('says so, never a colour', () => {
		expect(rateMeasure({ value: 5, target: null, polarity: 'higher', tolerance: NO_TOLERANCE })).toEqual({ rag: null, shortfall: null, why: 'No target set' });
		expect(rateMeasure({ value: 5, target: null, polarity: 'range', range: null, tolerance: NO_TOLERANCE })).toEqual({ rag: null, shortfall: null, why: 'No target set' });
		expect(rateMeasure({ value: null, target: 4, polarity: 'higher', tolerance: NO_TOLERANCE })).toEqual({ rag: null, shortfall: null, why: 'No value for the latest period' });
		expect(rateMeasure({ value: 5, target: 4, polarity: null, tolerance: NO_TOLERANCE }).rag).toBeNull();
	});
	it('a wider tolerance never makes a rating worse (property)', () => {
		fc.assert(fc.property(
			fc.double({ min: -1000, max: 1000, noNaN: true }), fc.double({ min: -1000, max: 1000, noNaN: true }),
			fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }),
			fc.constantFrom('higher' as const, 'lower' as const),
			(value, target, a, r, widen, polarity) => {
				const rank = { R: 0, A: 1, G: 2 } as const;
				const narrow = rateMeasure({ value, target, polarity, tolerance: tol(abs(a), abs(r)) });
				const wide = rateMeasure({ value, target, polarity, tolerance: tol(abs(a + widen), abs(r + widen)) });
				return narrow.rag !== null && wide.rag !== null && rank[wide.rag] >= rank[narrow.rag];
			}
		));
	});
});

describe('parsing the measures file columns', () => {
	it.each([
		['10%', { value: 10, percent: true }],
		['10 %', { value: 10, percent: true }],
		[' 2.5 ', { value: 2.5, percent: false }],
		['', null]
	])('threshold %j', (text, threshold) => {
		expect(parseThreshold(text)).toEqual({ ok: true, threshold });
	});
	it.each(['-5', 'ten', '5%%', '1e3'])('threshold %j is refused with what is expected', (text) => {
		const p = parseThreshold(text);
		expect(p.ok).toBe(false);
		if (!p.ok) expect(p.message).toContain('expected a shortfall such as 2');
	});
	it.each([
		['', 'none'], ['Improving is amber', 'improving-is-amber'], ['TRAVEL DECIDES', 'travel-decides'], ['direction of travel', 'travel-decides']
	])('travel rule %j', (text, travel) => {
		expect(parseTravelRule(text)).toEqual({ ok: true, travel });
	});
	it('an unknown travel rule is refused', () => {
		expect(parseTravelRule('sideways').ok).toBe(false);
	});
});

describe('stored tolerances', () => {
	it('thresholdText writes what parseThreshold reads back', () => {
		expect(thresholdText({ value: 12.5, percent: true })).toBe('12.5%');
		expect(thresholdText({ value: 2, percent: false })).toBe('2');
		expect(thresholdText(null)).toBeNull();
		fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.boolean(), (value, percent) => {
			const parsed = parseThreshold(thresholdText({ value, percent })!);
			return !parsed.ok || (parsed.threshold!.value === value && parsed.threshold!.percent === percent);
		}));
	});
	it('storedTolerance reads the stored texts; a text that no longer reads is none', () => {
		expect(storedTolerance({ amber_threshold: '5%', red_threshold: '10%', travel_rule: null })).toEqual({ amber: { value: 5, percent: true }, red: { value: 10, percent: true }, travel: 'none' });
		expect(storedTolerance({ amber_threshold: 'lots', red_threshold: '4', travel_rule: 'travel-decides' })).toEqual({ amber: null, red: { value: 4, percent: false }, travel: 'travel-decides' });
		expect(storedTolerance({ amber_threshold: null, red_threshold: null, travel_rule: 'sideways' })).toEqual(NO_TOLERANCE);
	});
	it('describeTolerance says it in words', () => {
		expect(describeTolerance(NO_TOLERANCE)).toBe('none: any shortfall is Red');
		expect(describeTolerance(tol(pct(5), pct(10)))).toBe('Green if short of target by up to 5% of target; Amber if short by up to 10% of target, Red beyond');
		expect(describeTolerance(tol(abs(2), null, 'improving-is-amber'))).toBe('Green if short of target by up to 2; Red beyond; A Red that is improving shows Amber');
		expect(describeTolerance(tol(null, null, 'travel-decides'))).toBe('Green only when the target is met; Outside tolerance: Amber if improving, Red if not');
	});
});
