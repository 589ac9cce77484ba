// Node only (it reads files): every area's published figures from data/, as the build serves them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AREA_COLUMNS, AREA_FILES, areaIndex, BOUNDARY_CHANGES_FILE, compactCsv, NEIGHBOURS_FILE, type AreaFile } from '../ingest/areas/area-files';
import type { AreaData } from '../ingest/areas/area-figures';

/** The published files under `dataDir`, compacted and indexed as the build does (vite.config.ts areaData()). */
export async function areaDataFrom(dataDir: string): Promise<AreaData> {
	const text = (path: string) => readFile(join(dataDir, path), 'utf8');
	const [factors, population, boundaries] = await Promise.all([text(AREA_FILES.factors), text(AREA_FILES.population), text(BOUNDARY_CHANGES_FILE)]);
	const compact = { factors: compactCsv(factors, AREA_COLUMNS.factors), population: compactCsv(population, AREA_COLUMNS.population) };
	return {
		index: areaIndex(factors, population, boundaries),
		read: async (file: AreaFile | 'neighbours') => (file === 'neighbours' ? new Uint8Array(await readFile(join(dataDir, NEIGHBOURS_FILE))) : new TextEncoder().encode(compact[file]))
	};
}

