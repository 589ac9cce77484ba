import type { Database } from '../db/database';
import { importFile, type ImportOutcome } from './import-file';
import type { DataSource } from './context';
import type { DfeSelection } from './dfe';
import type { FormatId } from './formats';
import { HOME_AREA } from '../db/schema';

/** The comparators drawn beside the partnership's own area. */
export const COMPARATOR_AREAS = [
	{ code: 'E12000003', name: 'Yorkshire and The Humber' },
	{ code: 'E92000001', name: 'England' }
] as const;

export const DFE_INDICATORS: DfeSelection = {
	areas: [HOME_AREA.code, ...COMPARATOR_AREAS.map((a) => a.code)],
	indicators: [
		{ column: 'Child_sexual_exploitation', measureId: 'dfe-cse', name: 'Assessments where child sexual exploitation was a factor', description: 'Episodes of need with child sexual exploitation identified as a factor at the end of assessment (DfE, Characteristics of children in need, table C3).' },
		{ column: 'Going_missing', measureId: 'dfe-missing', name: 'Assessments where going missing was a factor', description: 'Episodes of need with going missing identified as a factor at the end of assessment (DfE, table C3).' },
		{ column: 'Child_criminal_exploitation', measureId: 'dfe-cce', name: 'Assessments where child criminal exploitation was a factor', description: 'Episodes of need with child criminal exploitation identified as a factor at the end of assessment (DfE, table C3).' }
	]
};

export interface SampleFile {
	/** Path under the project's data/ folder. */
	path: string;
	format: FormatId;
	source: DataSource;
	dfe?: DfeSelection;
}

/** The data the app opens with, in the order it must load (the plan needs the agencies first). */
export const SAMPLE_FILES: readonly SampleFile[] = [
	{ path: 'priorities.csv', format: 'priorities', source: 'seed' },
	{ path: 'agencies.csv', format: 'agencies', source: 'seed' },
	{ path: 'action-plan.csv', format: 'action-plan', source: 'seed' },
	{ path: 'sample-reviews.csv', format: 'reviews', source: 'sample' },
	{ path: 'sample-measures.csv', format: 'measures-long', source: 'sample' },
	{ path: 'sample-data-development.csv', format: 'data-development', source: 'sample' },
	{ path: 'dfe/ons_mid-year_population_estimates_2012_to_2024.csv', format: 'population', source: 'real' },
	{ path: 'dfe/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv', format: 'dfe', source: 'real', dfe: DFE_INDICATORS },
	{ path: 'reference/statistical-neighbours-2025.csv', format: 'statistical-neighbours', source: 'real' }
];

/** Loads the sample files through the same import path as anyone's files. */
export async function loadSample(
	db: Database,
	read: (path: string) => Promise<Uint8Array>
): Promise<ImportOutcome[]> {
	const outcomes: ImportOutcome[] = [];
	for (const sample of SAMPLE_FILES) {
		const bytes = await read(sample.path);
		const name = sample.path.split('/').pop()!;
		outcomes.push(await importFile(db, { name, bytes, source: sample.source, format: sample.format, dfe: sample.dfe }));
	}
	return outcomes;
}
