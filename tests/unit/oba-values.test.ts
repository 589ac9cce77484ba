import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCount, parseValue } from '../../src/lib/oba/values';

describe('parseValue: numbers', () => {
	it.each([
		['1,234', 1234, false],
		[' 7 ', 7, false],
		['45%', 45, true],
		['45.5 %', 45.5, true],
		['-3', -3, false],
		['1,234.5', 1234.5, false],
		['0', 0, false],
		['-0', 0, false],
		['.5', 0.5, false],
		['+12', 12, false],
		['1,234,567', 1234567, false],
		['−4', -4, false],
		['1.5e3', 1500, false]
	])('%s is %d', (text, value, percent) => {
		const r = parseValue(text);
		expect(r).toEqual({ kind: 'number', value, percent });
	});

	it.each([
		['£1,200', 1200],
		['£ 1,200.50', 1200.5],
		['-£30', -30],
		['£-30', -30]
	])('%s is money', (text, value) => {
		expect(parseValue(text)).toEqual({ kind: 'number', value, percent: false, pounds: true });
	});

	it.each([
		['12 [u]', 12, 'u', false],
		['12[u]', 12, 'u', false],
		['45% [p]', 45, 'p', true],
		['3 (e)', 3, 'e', false],
		['1,234 r', 1234, 'r', false]
	])('%s keeps the flag', (text, value, flag, percent) => {
		expect(parseValue(text)).toEqual({ kind: 'number', value, percent, flag });
	});
});

describe('parseValue: gaps and blanks', () => {
	it.each(['', '   ', '\t'])('%j is empty', (text) => expect(parseValue(text)).toEqual({ kind: 'empty' }));

	it.each([
		['[c]', 'suppressed', 'c'],
		['c', 'suppressed', 'c'],
		['(c)', 'suppressed', 'c'],
		['x', 'not available', 'x'],
		['..', 'not available', '..'],
		['-', 'not applicable', '-'],
		['u', 'low reliability', 'u'],
		['k', 'rounds to zero', 'k']
	])('%s is a missing value (%s), never a zero', (text, meaning, canonical) => {
		expect(parseValue(text)).toEqual({ kind: 'missing', marker: text, meaning, canonical });
	});
});

describe('parseValue: invalid input is explained', () => {
	it.each([
		['1,23', /commas may only separate thousands/],
		['12,34,567', /commas may only separate thousands/],
		['12abc', /not a number/],
		['1.2.3', /more than one decimal point/],
		['£45%', /both £ and %/],
		['(1,200)', /minus sign/],
		['1e999', /too large/],
		['--3', /not a number/],
		['12 [c]', /not a number/],
		['n/a', /not a number.*\[c\]/]
	])('%s', (text, pattern) => {
		const r = parseValue(text);
		expect(r.kind).toBe('invalid');
		if (r.kind === 'invalid') expect(r.message).toMatch(pattern);
	});
});

describe('parseCount', () => {
	it('accepts whole numbers of zero or more', () => {
		expect(parseCount('1,234')).toEqual({ kind: 'number', value: 1234, percent: false });
		expect(parseCount('[c]').kind).toBe('missing');
		expect(parseCount('').kind).toBe('empty');
	});
	it.each(['-1', '2.5', '45%', '£3'])('refuses %s', (text) => {
		const r = parseCount(text);
		expect(r.kind).toBe('invalid');
		if (r.kind === 'invalid') expect(r.message).toMatch(/whole number/);
	});
});

// 17 significant digits always identify a double exactly.
const withCommas = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 17, useGrouping: true });

describe('properties', () => {
	it('never throws', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				expect(['number', 'missing', 'empty', 'invalid']).toContain(parseValue(text).kind);
				expect(['number', 'missing', 'empty', 'invalid']).toContain(parseCount(text).kind);
			}),
			{ numRuns: 3000 }
		);
	});

	it('never throws on number-shaped noise', () => {
		const token = fc.constantFrom('1', '23', ',', '.', '%', '£', '-', '+', ' ', 'e', '[u]', '(', ')', 'c');
		fc.assert(
			fc.property(fc.array(token, { maxLength: 10 }), (parts) => {
				expect(parseValue(parts.join('')).kind).toBeTypeOf('string');
			}),
			{ numRuns: 3000 }
		);
	});

	it('a number written with thousands separators reads back exactly', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (n) => {
				const r = parseValue(withCommas.format(n));
				expect(r.kind === 'number' && r.value === n).toBe(true);
			}),
			{ numRuns: 3000 }
		);
	});

	it('integers, percentages and flags read back', () => {
		fc.assert(
			fc.property(fc.integer(), fc.boolean(), fc.constantFrom('', ' [u]'), (n, percent, flag) => {
				const r = parseValue(`${withCommas.format(n)}${percent ? '%' : ''}${flag}`);
				expect(r).toMatchObject({ kind: 'number', value: n, percent });
				if (r.kind === 'number') expect(r.flag).toBe(flag ? 'u' : undefined);
			})
		);
	});
});
