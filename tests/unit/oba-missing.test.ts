import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MISSING_MARKERS, MISSING_MARKER_SPELLINGS, MISSING_MEANINGS, parseMarker } from '../../src/lib/oba/missing';

describe('parseMarker', () => {
	it.each([
		['c', 'suppressed', 'c'],
		['[c]', 'suppressed', 'c'],
		[' [C] ', 'suppressed', 'c'],
		['(c)', 'suppressed', 'c'],
		['x', 'not available', 'x'],
		['[x]', 'not available', 'x'],
		['z', 'not applicable', 'z'],
		['[z]', 'not applicable', 'z'],
		['u', 'low reliability', 'u'],
		['[u]', 'low reliability', 'u'],
		['low', 'rounds to zero', 'low'],
		['[LOW]', 'rounds to zero', 'low'],
		['..', 'not available', '..'],
		[':', 'not available', ':'],
		['*', 'suppressed', '*'],
		['~', 'rounds to zero', '~'],
		['-', 'not applicable', '-'],
		['k', 'rounds to zero', 'k'],
		['[ k ]', 'rounds to zero', 'k']
	])('%s is %s', (text, meaning, canonical) => {
		expect(parseMarker(text)).toEqual({ marker: text.trim(), meaning, canonical });
	});

	it.each(['', '0', '12', 'n/a', 'cc', '[c', 'constructor', '__proto__', '-1', '[]'])('%s is not a marker', (text) => {
		expect(parseMarker(text)).toBeNull();
	});

	it('keeps the marker as written so exports can write it back', () => {
		expect(parseMarker('  [c]  ')?.marker).toBe('[c]');
	});
});

describe('the marker table', () => {
	it('gives every marker a known meaning and a description', () => {
		for (const info of Object.values(MISSING_MARKERS)) {
			expect(MISSING_MEANINGS).toContain(info.meaning);
			expect(info.description.length).toBeGreaterThan(5);
		}
	});

	it('lists bare and bracketed spellings that all parse to their marker', () => {
		expect(MISSING_MARKER_SPELLINGS).toContainEqual({ spelling: '[c]', canonical: 'c' });
		for (const { spelling, canonical } of MISSING_MARKER_SPELLINGS) {
			expect(parseMarker(spelling)?.canonical).toBe(canonical);
			expect(parseMarker(spelling.toUpperCase())?.canonical).toBe(canonical);
		}
	});

	it('never throws, and anything it accepts is in the spelling list', () => {
		const spellings = new Set(MISSING_MARKER_SPELLINGS.map((s) => s.spelling));
		fc.assert(
			fc.property(fc.string({ maxLength: 8 }), (text) => {
				const m = parseMarker(text);
				if (m) expect(spellings.has(m.marker.toLowerCase().replace(/\s+/g, ''))).toBe(true);
			}),
			{ numRuns: 2000 }
		);
	});
});
