import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { filtersToSearch, NO_FILTERS, parseFilters, type Filters } from '../../src/lib/state/filters';
import { measureWhere, periodWhere } from '../../src/lib/db/queries/filter-sql';
import { nextSort, parseSort, sortSearch, SORT_KEYS } from '../../src/lib/state/sort';

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
			changed: true,
			grain: 'month'
		};
		const search = filtersToSearch(filters);
		expect(search).toBe('?priority=2%2C5&agency=csc%2Chumberside-police&quadrant=how_well%2Cbetter_off&from=2016%2F17+Q1&to=2018%2F19+Q4&q=return+interviews&rag=R%2CA&changed=1&periods=months');
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

describe('the report card sort in the URL', () => {
	test('is written beside the filters and read back; ascending is the default and left out', () => {
		const search = filtersToSearch({ ...NO_FILTERS, priorities: [5] }, sortSearch({ key: 'latestValue', direction: 'descending' }));
		expect(search).toBe('?sort=latestValue&dir=descending&priority=5');
		expect(parseSort(new URLSearchParams(search))).toEqual({ key: 'latestValue', direction: 'descending' });
		expect(parseFilters(new URLSearchParams(search))).toEqual({ ...NO_FILTERS, priorities: [5] });
		expect(filtersToSearch(NO_FILTERS, sortSearch({ key: 'verdict', direction: 'ascending' }))).toBe('?sort=verdict');
		expect(filtersToSearch(NO_FILTERS, sortSearch(null))).toBe('');
	});

	test('a click turns the same column round and starts another ascending', () => {
		expect(nextSort(null, 'name')).toEqual({ key: 'name', direction: 'ascending' });
		expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({ key: 'name', direction: 'descending' });
		expect(nextSort({ key: 'name', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
		expect(nextSort({ key: 'name', direction: 'descending' }, 'verdict')).toEqual({ key: 'verdict', direction: 'ascending' });
	});

	test('an unknown column or direction is dropped, never thrown', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (sort, dir) => {
				const read = parseSort(new URLSearchParams({ sort, dir }));
				expect(read === null || SORT_KEYS.includes(read.key)).toBe(true);
			})
		);
		expect(parseSort(new URLSearchParams('sort=__proto__&dir=up'))).toBeNull();
		expect(parseSort(new URLSearchParams('sort=name&dir=up'))).toEqual({ key: 'name', direction: 'ascending' });
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
