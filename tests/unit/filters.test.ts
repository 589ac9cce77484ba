import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { filtersToSearch, NO_FILTERS, parseFilters, type Filters } from '../../src/lib/state/filters';
import { measureWhere, periodWhere } from '../../src/lib/db/queries/filter-sql';

describe('filters in the URL', () => {
	test('read back what was written, in a stable order', () => {
		const filters: Filters = {
			priorities: [2, 5],
			agencies: ['csc', 'humberside-police'],
			quadrants: ['how_well', 'better_off'],
			from: '2016/17 Q1',
			to: '2018/19 Q4',
			search: 'return interviews',
			rags: ['R', 'A'],
			changed: true
		};
		const search = filtersToSearch(filters);
		expect(search).toBe('?priority=2%2C5&agency=csc%2Chumberside-police&quadrant=how_well%2Cbetter_off&from=2016%2F17+Q1&to=2018%2F19+Q4&q=return+interviews&rag=R%2CA&changed=1');
		expect(parseFilters(new URLSearchParams(search))).toEqual(filters);
	});

	test('other spellings of a period are read and written as financial-year quarters', () => {
		expect(parseFilters(new URLSearchParams('from=Q4 2016&to=Jan-Mar 2017'))).toMatchObject({ from: '2016/17 Q3', to: '2016/17 Q4' });
	});

	test('nonsense is dropped, never thrown', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
				const filters = parseFilters(new URLSearchParams({ priority: a, quadrant: b, from: c, rag: a, agency: b }));
				expect(parseFilters(new URLSearchParams(filtersToSearch(filters)))).toEqual(filters);
			})
		);
		expect(parseFilters(new URLSearchParams('priority=x,-1,2.5&quadrant=nope&from=Q9 2016'))).toEqual(NO_FILTERS);
	});
});

describe('filters as SQL', () => {
	test('every value is quoted, and search wildcards are escaped', () => {
		const sql = measureWhere({ ...NO_FILTERS, agencies: ["o'brien"], search: '100%_' });
		expect(sql).toContain("m.agency_id IN ('o''brien')");
		expect(sql).toContain("ILIKE '%100\\%\\_%' ESCAPE '\\'");
		expect(periodWhere({ ...NO_FILTERS, from: '2016/17 Q3' })).toBe("true AND v.period_start >= DATE '2016-10-01'");
	});
});
