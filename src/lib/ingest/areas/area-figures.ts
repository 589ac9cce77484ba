// The published figures of an area, loaded when wanted: the population indicators of the areas
// asked for (the home authority, its region and England as the app starts; every authority when a
// comparison needs them) and the children aged 0–17 of every area, through the import path as
// anyone's DfE file, so the import log cites the published files and an import can be undone.
import type { Database } from '../../db/database';
import type { AreaIndex } from '../../oba/areas';
import { comparatorsOf } from '../../oba/areas';
import { AREA_FILES, NEIGHBOURS_FILE, POPULATION_INDICATORS, type AreaFile } from './area-files';
import { importFile, type ImportOutcome } from '../import-file';

/** The compacted published file (vite.config.ts areaData()), or the neighbour model, as bytes. */
export type AreaReader = (file: AreaFile | 'neighbours') => Promise<Uint8Array>;

export interface AreaData {
	index: AreaIndex;
	read: AreaReader;
}

const fileName = (file: AreaFile) => AREA_FILES[file].split('/').pop()!;

/** The home authority, its region and England. */
export function homeAndComparators(index: AreaIndex, code: string): string[] {
	return [code, ...comparatorsOf(index, code).map((a) => a.code)];
}

/**
 * Loads the population indicators of `areas` ('all': every authority, region and England in the
 * files, for comparisons) and the children aged 0–17 of every area. A refused file throws: the
 * published files are the app's own, so a refusal is a fault to report, never to pass over.
 */
export async function loadAreaFigures(db: Database, data: AreaData, areas: readonly string[] | 'all'): Promise<ImportOutcome[]> {
	const outcomes = [
		await importFile(db, { name: fileName('population'), bytes: await data.read('population'), source: 'real', format: 'population' }),
		await importFile(db, {
			name: fileName('factors'), bytes: await data.read('factors'), source: 'real', format: 'dfe',
			dfe: { areas, indicators: POPULATION_INDICATORS }
		})
	];
	const refused = outcomes.find((o) => o.importId === null);
	if (refused) throw new Error(`The published figures (${refused.file}) could not be loaded: ${refused.problems.find((p) => p.severity === 'error')?.message ?? 'no reason given'}`);
	return outcomes;
}

/** Every authority's, region's and England's population indicators: what comparisons between authorities read. */
export function loadAllAreaFigures(db: Database, data: AreaData): Promise<ImportOutcome[]> {
	return loadAreaFigures(db, data, 'all');
}

/** The DfE's statistical neighbour model, for a workspace started without it (the example imports it with its own files). */
export async function loadNeighbourModel(db: Database, data: AreaData): Promise<ImportOutcome> {
	const outcome = await importFile(db, { name: NEIGHBOURS_FILE.split('/').pop()!, bytes: await data.read('neighbours'), source: 'real', format: 'statistical-neighbours' });
	if (outcome.importId === null) throw new Error(`The statistical neighbour model could not be loaded: ${outcome.problems.find((p) => p.severity === 'error')?.message ?? 'no reason given'}`);
	return outcome;
}
