import { describe, expect, it } from 'vitest';
import { areaIndex } from 'virtual:oba/areas';
import { boundaryNote, comparatorsOf, findAuthorities } from '../../src/lib/oba/areas';

describe('the index of authorities the build makes of the published files', () => {
	it('has every authority of the DfE and ONS files, old and new, with England and the DfE’s regions', () => {
		expect(areaIndex.authorities.length).toBe(161);
		expect(areaIndex.england).toEqual({ code: 'E92000001', name: 'England' });
		expect(areaIndex.regions.map((r) => r.code)).toContain('E13000001'); // Inner London: the DfE's region of inner boroughs
		expect(areaIndex.regions).toHaveLength(11);
	});

	it('finds an authority by name, by its ONS code or by the DfE’s three-digit code', () => {
		expect(findAuthorities(areaIndex, 'stoke')[0]).toMatchObject({ code: 'E06000021', oldCode: '861', name: 'Stoke-on-Trent', regionName: 'West Midlands', firstYear: '2017/18', lastYear: '2024/25' });
		expect(findAuthorities(areaIndex, 'E06000052')[0]?.name).toBe('Cornwall');
		expect(findAuthorities(areaIndex, '908')[0]?.name).toBe('Cornwall');
		expect(findAuthorities(areaIndex, 'e08').every((a) => a.code.startsWith('E08'))).toBe(true);
		expect(findAuthorities(areaIndex, 'e08')).toHaveLength(36);
	});

	it('gives the region, then England, as comparators', () => {
		expect(comparatorsOf(areaIndex, 'E06000052')).toEqual([{ code: 'E12000009', name: 'South West' }, { code: 'E92000001', name: 'England' }]);
	});

	it('says where a changed authority’s figures start or end, and why', () => {
		expect(boundaryNote(areaIndex, 'E06000021')).toBeNull();
		expect(boundaryNote(areaIndex, 'E06000061')).toMatch(/^North Northamptonshire’s figures start in 2021\/22 .* formed from the north of Northamptonshire county on 1 April 2021\. The figures of Northamptonshire \(E10000021\) are not joined/);
		expect(boundaryNote(areaIndex, 'E10000006')).toBe('Cumbria’s figures end in 2022/23 (children aged 0–17 at mid-2022): from 1 April 2023 its children are counted by Cumberland (E06000063) and Westmorland and Furness (E06000064), whose figures are not joined to its own.');
		// Every authority whose figures start late or end early in the files is explained.
		const latest = '2024/25';
		const unexplained = areaIndex.authorities.filter((a) => (a.firstYear !== '2017/18' || a.lastYear !== latest) && boundaryNote(areaIndex, a.code) === null);
		expect(unexplained.map((a) => a.name)).toEqual([]);
	});
});
