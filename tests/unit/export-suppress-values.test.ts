import { describe, expect, test } from 'vitest';
import type { ValueRow } from '../../src/lib/db/queries/measures';
import { suppressValues } from '../../src/lib/export/suppress-values';

const row = (value: number | null, numerator: number | null = null, denominator: number | null = null): ValueRow => ({
	measure_id: 'M',
	area_code: 'E06000012',
	period_start: new Date('2017-04-01'),
	period_label: '2017/18 Q1',
	value,
	marker: null,
	numerator,
	denominator,
	target: 10,
	note: null
});

describe('safe to publish for a measure’s values', () => {
	test('a count measure: 1 to 4 withheld as [c]; 0 and 5 shown', () => {
		const out = suppressValues([row(0), row(1), row(4), row(5)], 'count', 5);
		expect(out.map((r) => [r.value, r.marker])).toEqual([[0, null], [null, '[c]'], [null, '[c]'], [5, null]]);
	});

	test('a percentage: withheld with its numerator or denominator when either is small; shown when both are 5 or more', () => {
		const out = suppressValues([row(75, 3, 4), row(50, 3, 6), row(60, 6, 10), row(0, 0, 8)], 'percent', 5);
		expect(out.map((r) => [r.value, r.marker, r.numerator, r.denominator])).toEqual([
			[null, '[c]', null, null],
			[null, '[c]', null, 6],
			[60, null, 6, 10],
			[0, null, 0, 8]
		]);
	});

	test('a rate is never withheld for its own size, only a count is', () => {
		expect(suppressValues([row(2.5)], 'percent', 5)[0]!.value).toBe(2.5);
		expect(suppressValues([row(2.5)], 'days', 5)[0]!.value).toBe(2.5);
	});

	test('the threshold is the user’s', () => {
		expect(suppressValues([row(7)], 'count', 10)[0]!.marker).toBe('[c]');
		expect(suppressValues([row(7)], 'count', 5)[0]!.marker).toBeNull();
	});
});
