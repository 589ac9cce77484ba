import { describe, expect, it } from 'vitest';
import { areaIndex } from 'virtual:oba/areas';
import { boundaryNote, comparatorsOf, findAuthorities } from '../../src/lib/oba/areas';

describe('the index of authorities', () => {
	it('has every authority of the files', () => {
		expect(areaIndex.authorities.length).toBe(163);
	});
});
