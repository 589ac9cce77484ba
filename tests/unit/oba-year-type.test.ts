import { describe, expect, it } from 'vitest';
import { parseYearType } from '../../src/lib/oba/year-type';

describe('parseYearType', () => {
	it.each([
		['financial', 'financial'], ['Financial year', 'financial'], ['FY', 'financial'], ['April to March', 'financial'],
		['academic', 'academic'], ['Academic Year', 'academic'], ['AY', 'academic'], ['school year', 'academic'], ['Sep-Aug', 'academic']
	])('reads %j as %s', (text, yearType) => {
		expect(parseYearType(text)).toEqual({ ok: true, yearType });
	});

	it('refuses another word, naming both kinds', () => {
		expect(parseYearType('calendar')).toEqual({ ok: false, message: '"calendar" is not a kind of year; expected "financial" or "academic"' });
	});
});
