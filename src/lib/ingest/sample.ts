import Papa from 'papaparse';
import type { Database } from '../db/database';
import { writeSettings } from '../db/queries/settings';
import { authorityOf } from '../oba/areas';
import { AREA_FILES } from './areas/area-files';
import { homeAndComparators, loadAreaFigures, type AreaData } from './areas/area-figures';
import { importFile, type ImportOutcome } from './import-file';
import type { DataSource } from './formats/context';
import type { FormatId } from './formats';

export interface SampleFile {
	/** Path under the project's data/ folder. */
	path: string;
	format: FormatId;
	source: DataSource;
}

/** The example's partnership: its area, its name and its plan's title (data/, not code). */
export const EXAMPLE_SETTINGS = 'example-settings.csv';

/** The example's own files, in the order they must load (the plan needs the agencies first). */
export const SAMPLE_FILES: readonly SampleFile[] = [
	{ path: 'priorities.csv', format: 'priorities', source: 'seed' },
	{ path: 'agencies.csv', format: 'agencies', source: 'seed' },
	{ path: 'action-plan.csv', format: 'action-plan', source: 'seed' },
	{ path: 'sample-reviews.csv', format: 'reviews', source: 'sample' },
	{ path: 'sample-measures.csv', format: 'measures-long', source: 'sample' },
	{ path: 'sample-data-development.csv', format: 'data-development', source: 'sample' },
	{ path: 'reference/statistical-neighbours-2025.csv', format: 'statistical-neighbours', source: 'real' }
];

/** The files the example imports, in order (its own, then its area's published figures: loadAreaFigures). */
export const EXAMPLE_IMPORTS: readonly string[] = [...SAMPLE_FILES.map((f) => f.path), AREA_FILES.population, AREA_FILES.factors].map((p) => p.split('/').pop()!);

/** Writes the settings of `areaCode` (its name from the index); throws for an area not in the files. */
export async function chooseArea(db: Database, data: AreaData, settings: { areaCode: string; partnership: string | null; planTitle: string | null; example: boolean }): Promise<void> {
	const authority = authorityOf(data.index, settings.areaCode);
	if (!authority) throw new Error(`No local authority has the code ${settings.areaCode} in the published files.`);
	await db.transaction((s) => writeSettings(s, {
		area_code: authority.code, area_name: authority.name, partnership: settings.partnership, plan_title: settings.planTitle, example: settings.example
	}));
}

/**
 * Loads the example: its settings, its files through the same import path as anyone's, and its
 * area's published figures with its region's and England's.
 */
export async function loadSample(db: Database, read: (path: string) => Promise<Uint8Array>, data: AreaData): Promise<ImportOutcome[]> {
	const text = new TextDecoder().decode(await read(EXAMPLE_SETTINGS));
	const [example] = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
	if (!example?.area_code) throw new Error(`${EXAMPLE_SETTINGS} names no area_code.`);
	await chooseArea(db, data, { areaCode: example.area_code, partnership: example.partnership || null, planTitle: example.plan_title || null, example: true });
	const outcomes: ImportOutcome[] = [];
	for (const sample of SAMPLE_FILES) {
		const bytes = await read(sample.path);
		const name = sample.path.split('/').pop()!;
		outcomes.push(await importFile(db, { name, bytes, source: sample.source, format: sample.format }));
	}
	outcomes.push(...(await loadAreaFigures(db, data, homeAndComparators(data.index, example.area_code))));
	return outcomes;
}
