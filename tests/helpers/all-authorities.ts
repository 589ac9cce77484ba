// A test database with every authority of the published DfE and ONS files, imported through the
// app's own ingest (the DfE file with every area chosen), and the statistical neighbour model the
// app ships: what a partnership anywhere in England would have once every area's rows are loaded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../src/lib/db/database';
import { loadAllAreaFigures } from '../../src/lib/ingest/areas/area-figures';
import { importFile } from '../../src/lib/ingest/import-file';
import { describeProblem } from '../../src/lib/ingest/check/problems';
import { DATA_DIR, areaData, databaseWithArea } from './workspace';

/** The published files, whole, as the app ships them. */
export const PUBLISHED = join(DATA_DIR, 'dfe');
export const C3_FILE = join(PUBLISHED, 'c3_factors_identified_at_end_of_assessment_2018_to_2025.csv');
export const ONS_FILE = join(PUBLISHED, 'ons_mid-year_population_estimates_2012_to_2024.csv');
export const NEIGHBOURS_FILE = join(DATA_DIR, 'reference/statistical-neighbours-2025.csv');

/** Every area code of the published C3 file: England, the nine regions and every authority. */
export function publishedAreaCodes(): string[] {
	const [header, ...lines] = readFileSync(C3_FILE, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
	const names = header!.split(',');
	const at = (name: string) => names.indexOf(name);
	const codes = lines.map((line) => {
		const cells = line.split(',');
		const level = cells[at('geographic_level')];
		return level === 'National' ? cells[at('country_code')] : level === 'Regional' ? cells[at('region_code')] : cells[at('new_la_code')];
	});
	return [...new Set(codes.filter((c): c is string => !!c))];
}

export async function allAuthoritiesDatabase(): Promise<Database> {
	// The example's area chosen, as the Settings page leaves it; every area's figures as the app loads
	// them for comparisons (the loadAllAreas command), then the model.
	const db = await databaseWithArea();
	await loadAllAreaFigures(db, await areaData());
	const outcome = await importFile(db, { name: 'statistical-neighbours-2025.csv', bytes: new Uint8Array(readFileSync(NEIGHBOURS_FILE)), source: 'real' });
	const errors = outcome.problems.filter((p) => p.severity === 'error');
	if (errors.length || outcome.importId === null) throw new Error(`statistical-neighbours-2025.csv: ${errors.slice(0, 5).map(describeProblem).join('\n')}`);
	return db;
}
