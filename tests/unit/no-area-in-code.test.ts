// Any partnership can adopt the app: its area, its codes and its partnership's name come from the
// settings (and the example's from data/example-settings.csv), never from the code under src/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
/** The example's area, its region and its partnership, as the example's data names them. */
const FORBIDDEN = ['North East Lincolnshire', 'E06000012', 'NE Lincs', 'Yorkshire and The Humber', 'E12000003', 'NEL LSCB', 'Lincolnshire LSCB', 'Keeping Children Safe Strategic Group'];

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

describe('no area in code', () => {
	test('the example’s area, codes and partnership appear nowhere under src/', () => {
		const all = files(SRC);
		expect(all.length).toBeGreaterThan(100);
		const found = all.flatMap((path) => {
			const text = readFileSync(path, 'utf8').toLowerCase();
			return FORBIDDEN.filter((word) => text.includes(word.toLowerCase())).map((word) => `${relative(SRC, path)}: ${word}`);
		});
		expect(found).toEqual([]);
	});

	test('the example names them in its data file, which the test reads', () => {
		const example = readFileSync(join(SRC, '../data/example-settings.csv'), 'utf8');
		expect(example).toContain('E06000012,North East Lincolnshire LSCB,');
	});
});
