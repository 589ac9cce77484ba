import { sveltekit } from '@sveltejs/kit/vite';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import type * as AreaFiles from './src/lib/ingest/areas/area-files';

const root = dirname(fileURLToPath(import.meta.url));

const SAMPLE_MODULE = 'virtual:oba/sample';
const SAMPLE_DIR = resolve(root, '.svelte-kit/oba');

/** Runs the sample import in Node once per build process (SvelteKit builds twice: server, then client). */
function writeSample(): Promise<{ snapshot: string; answers: string }> {
	const cache = globalThis as { obaSample?: Promise<{ snapshot: string; answers: string }> };
	cache.obaSample ??= (async () => {
		const { module } = await runnerImport<{ default: { snapshot: Uint8Array; answers: Uint8Array } }>(resolve(root, 'scripts/sample-snapshot.ts'), {
			configFile: false,
			logLevel: 'warn',
			// The home page's answers name the home area's region: the index of every area.
			plugins: [areaData()]
		});
		await mkdir(SAMPLE_DIR, { recursive: true });
		const files = { snapshot: resolve(SAMPLE_DIR, 'sample-snapshot.txt'), answers: resolve(SAMPLE_DIR, 'sample-answers.txt') };
		await writeFile(files.snapshot, module.default.snapshot);
		await writeFile(files.answers, module.default.answers);
		return files;
	})();
	return cache.obaSample;
}

/**
 * `virtual:oba/sample`: the URLs of the sample data as the build ships it, made during the build
 * with the app's own import and query code in Node (src/lib/db/sample-snapshot.ts): the database
 * snapshot (src/lib/db/snapshot.ts) and the home page's answers over it (src/lib/db/answers.ts).
 * Both null in dev and tests, where the app imports the files themselves and asks DuckDB.
 */
function sampleData(): Plugin {
	let build = false;
	return {
		name: 'oba-sample-data',
		configResolved(config) {
			build = config.command === 'build';
		},
		resolveId(id) {
			return id === SAMPLE_MODULE ? `\0${SAMPLE_MODULE}` : undefined;
		},
		async load(id) {
			if (id !== `\0${SAMPLE_MODULE}`) return undefined;
			if (!build) return 'export const snapshotUrl = null;\nexport const answersUrl = null;';
			const files = await writeSample();
			return [
				`export { default as snapshotUrl } from ${JSON.stringify(`${files.snapshot}?url`)};`,
				`export { default as answersUrl } from ${JSON.stringify(`${files.answers}?url`)};`
			].join('\n');
		}
	};
}

const AREAS_MODULE = 'virtual:oba/areas';

/**
 * `virtual:oba/areas`: the published DfE and ONS files in data/dfe (every area, as downloaded)
 * made small (only the columns the app reads: 375 + 289 kB become about a third), written beside
 * the sample as files the app fetches only when it loads an area's figures, and the index of
 * authorities, regions and England they cover, bundled for the settings page.
 */
function areaData(): Plugin {
	return {
		name: 'oba-area-data',
		resolveId(id) {
			return id === AREAS_MODULE ? `\0${AREAS_MODULE}` : undefined;
		},
		async load(id) {
			if (id !== `\0${AREAS_MODULE}`) return undefined;
			const { module } = await runnerImport<typeof AreaFiles>(resolve(root, 'src/lib/ingest/areas/area-files.ts'), { configFile: false, logLevel: 'warn' });
			const { AREA_COLUMNS, AREA_FILES, BOUNDARY_CHANGES_FILE, areaIndex, compactCsv } = module;
			const read = (path: string) => readFile(resolve(root, 'data', path), 'utf8');
			const [factors, population, boundaries] = await Promise.all([read(AREA_FILES.factors), read(AREA_FILES.population), read(BOUNDARY_CHANGES_FILE)]);
			await mkdir(SAMPLE_DIR, { recursive: true });
			const files = { factors: resolve(SAMPLE_DIR, 'area-factors.csv'), population: resolve(SAMPLE_DIR, 'area-population.csv') };
			await writeFile(files.factors, compactCsv(factors, AREA_COLUMNS.factors));
			await writeFile(files.population, compactCsv(population, AREA_COLUMNS.population));
			for (const path of [AREA_FILES.factors, AREA_FILES.population, BOUNDARY_CHANGES_FILE]) this.addWatchFile(resolve(root, 'data', path));
			return [
				`export const areaIndex = ${JSON.stringify(areaIndex(factors, population, boundaries))};`,
				`export { default as factorsUrl } from ${JSON.stringify(`${files.factors}?url`)};`,
				`export { default as populationUrl } from ${JSON.stringify(`${files.population}?url`)};`
			].join('\n');
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), sampleData(), areaData()],
	build: {
		chunkSizeWarningLimit: 1024,
		// Data files stay files: a data: URL would need connect-src data:, which the CSP refuses.
		assetsInlineLimit: (file) => (/\.(csv|txt)$/.test(file) ? false : undefined)
	},
	test: {
		// Every core: vitest's default leaves one free, which on a 2-core machine runs the files one
		// at a time. The e2e files run after the others (sequence.groupOrder below), one per core.
		maxWorkers: availableParallelism(),
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'db',
					include: ['tests/db/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/setup/sample-snapshot.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'component',
					include: ['tests/component/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/setup/sample-snapshot.ts'],
					// A component may be given a workspace over a real DuckDB database, which takes seconds to load.
					testTimeout: 60_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/global-setup.ts'],
					// Each page load starts DuckDB and loads the sample: generous on a busy 2-core machine.
					testTimeout: 180_000,
					hookTimeout: 180_000,
					// After the other projects, not beside them: on two cores the DuckDB tests slowed the
					// browser tests (the bench smoke test took 335 s beside them, 38 s alone).
					sequence: { groupOrder: 1 }
				}
			}
		]
	}
});
