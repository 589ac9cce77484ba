// The published DfE and ONS files for every area, made small at build time (vite.config.ts
// areaData()): each keeps only the columns the app reads, in the DfE layout the import path reads
// (so the same checks run on them as on anyone's file), and an index of the authorities, regions
// and England they cover, for choosing the partnership's area without loading any figures.
// Pure text in, text out: the build runs it in Node, the tests on the files in data/.
import Papa from 'papaparse';
import type { AreaIndex, Authority, BoundaryChange } from '../../oba/areas';
import type { DfeIndicator } from '../formats/dfe';

/** The published files, under data/ (full, as downloaded; see README, Data sources). */
export const AREA_FILES = {
	factors: 'dfe/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv',
	population: 'dfe/ons_mid-year_population_estimates_2012_to_2024.csv'
} as const;

export type AreaFile = keyof typeof AREA_FILES;

export const BOUNDARY_CHANGES_FILE = 'reference/boundary-changes.csv';

/** The DfE's statistical neighbour model with ONS codes (scripts/reference/statistical-neighbours.js), as shipped. */
export const NEIGHBOURS_FILE = 'reference/statistical-neighbours-2025.csv';

const C3 = 'DfE, Characteristics of children in need, table C3: episodes of need with the factor identified at the end of assessment.';

/** The population indicators every partnership is given, CSE first (the order the home page shows them). */
export const POPULATION_INDICATORS: readonly DfeIndicator[] = [
	{ column: 'Child_sexual_exploitation', measureId: 'dfe-cse', name: 'Assessments where child sexual exploitation was a factor', description: `Episodes of need with child sexual exploitation identified as a factor at the end of assessment (${C3})` },
	{ column: 'Going_missing', measureId: 'dfe-missing', name: 'Assessments where going missing was a factor', description: `Episodes of need with going missing identified as a factor at the end of assessment (${C3})` },
	{ column: 'Child_criminal_exploitation', measureId: 'dfe-cce', name: 'Assessments where child criminal exploitation was a factor', description: `Episodes of need with child criminal exploitation identified as a factor at the end of assessment (${C3})` },
	{ column: 'Trafficking', measureId: 'dfe-trafficking', name: 'Assessments where trafficking was a factor', description: `Episodes of need with trafficking identified as a factor at the end of assessment (${C3})` },
	{ column: 'Gangs', measureId: 'dfe-gangs', name: 'Assessments where gangs were a factor', description: `Episodes of need with gangs identified as a factor at the end of assessment (${C3})` }
];

const GEOGRAPHY = ['time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name', 'region_code', 'region_name', 'old_la_code', 'new_la_code', 'la_name'];

/** The columns kept of each file. */
export const AREA_COLUMNS: Record<AreaFile, readonly string[]> = {
	factors: [...GEOGRAPHY, ...POPULATION_INDICATORS.map((i) => i.column)],
	population: [...GEOGRAPHY, 'age_group', 'population_estimate']
};

type Row = Record<string, string>;

function parse(text: string): Row[] {
	const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
	if (parsed.errors.length) throw new Error(`A published file could not be read: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row}).`);
	return parsed.data;
}

/** The file with only `columns`, every row kept, cells as published (markers included). */
export function compactCsv(text: string, columns: readonly string[]): string {
	const rows = parse(text);
	const missing = columns.filter((c) => rows.length && !(c in rows[0]!));
	if (missing.length) throw new Error(`A published file has no column ${missing.join(', ')}.`);
	return Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => r[c] ?? '')) }, { newline: '\n' }) + '\n';
}

/** DfE reporting year 2024 (year to 31 March 2024) as its financial year, 2023/24. */
const financialYear = (year: number) => `${year - 1}/${String(year % 100).padStart(2, '0')}`;

/** The authorities, regions and England the files cover, with each authority's first and last year and boundary change. */
export function areaIndex(factorsCsv: string, populationCsv: string, boundaryCsv: string): AreaIndex {
	const byCode = new Map<string, Authority>();
	const regions = new Map<string, string>();
	let england = { code: '', name: '' };
	for (const [file, rows] of [['factors', parse(factorsCsv)], ['population', parse(populationCsv)]] as const) {
		for (const r of rows) {
			if (r.geographic_level === 'National') england = { code: r.country_code!, name: r.country_name! };
			if (r.geographic_level === 'Regional') regions.set(r.region_code!, r.region_name!);
			if (r.geographic_level !== 'Local authority') continue;
			const year = Number(r.time_period);
			const a = byCode.get(r.new_la_code!) ?? {
				code: r.new_la_code!, oldCode: r.old_la_code!, name: r.la_name!, regionCode: r.region_code!, regionName: r.region_name!,
				firstYear: null, lastYear: null, firstMidYear: null, lastMidYear: null
			};
			byCode.set(a.code, a);
			if (file === 'factors') {
				if (a.firstYear === null || year < Number(a.firstYear.slice(0, 4)) + 1) a.firstYear = financialYear(year);
				if (a.lastYear === null || year > Number(a.lastYear.slice(0, 4)) + 1) a.lastYear = financialYear(year);
			} else {
				a.firstMidYear = Math.min(a.firstMidYear ?? year, year);
				a.lastMidYear = Math.max(a.lastMidYear ?? year, year);
			}
		}
	}
	const changes: BoundaryChange[] = parse(boundaryCsv).map((r) => ({
		code: r.area_code!, name: r.area_name!, formedOn: r.formed_on!, predecessors: r.predecessor_codes!.split(';').filter(Boolean), how: r.how!
	}));
	return {
		england,
		regions: [...regions].map(([code, name]) => ({ code, name })),
		authorities: [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name)),
		changes
	};
}
