import { sveltekit } from '@sveltejs/kit/vite';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));

const SNAPSHOT_MODULE = 'virtual:oba/sample-snapshot';
const SNAPSHOT_FILE = resolve(root, '.svelte-kit/oba/sample-snapshot.txt');

/** Runs the sample import in Node once per build process (SvelteKit builds twice: server, then client). */
function writeSampleSnapshot(): Promise<string> {
	const cache = globalThis as { obaSampleSnapshot?: Promise<string> };
	cache.obaSampleSnapshot ??= (async () => {
		const { module } = await runnerImport<{ default: Uint8Array }>(resolve(root, 'scripts/sample-snapshot.ts'), { configFile: false, logLevel: 'warn' });
		await mkdir(dirname(SNAPSHOT_FILE), { recursive: true });
		await writeFile(SNAPSHOT_FILE, module.default);
		return SNAPSHOT_FILE;
	})();
	return cache.obaSampleSnapshot;
}

/**
 * `virtual:oba/sample-snapshot`: the URL of the sample data as a database snapshot (one file,
 * src/lib/db/snapshot.ts), made during the build by importing the sample files with the
 * app's own import code in Node; null in dev and tests, where the app imports the files themselves.
 */
function sampleSnapshot(): Plugin {
	let build = false;
	return {
		name: 'oba-sample-snapshot',
		configResolved(config) {
			build = config.command === 'build';
		},
		resolveId(id) {
			return id === SNAPSHOT_MODULE ? `\0${SNAPSHOT_MODULE}` : undefined;
		},
		async load(id) {
			if (id !== `\0${SNAPSHOT_MODULE}`) return undefined;
			if (!build) return 'export default null;';
			return `export { default } from ${JSON.stringify(`${await writeSampleSnapshot()}?url`)};`;
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), sampleSnapshot()],
	build: {
		chunkSizeWarningLimit: 1024,
		// Data files stay files: a data: URL would need connect-src data:, which the CSP refuses.
		assetsInlineLimit: (file) => (/\.(csv|txt)$/.test(file) ? false : undefined)
	},
	test: {
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
					testTimeout: 60_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: { name: 'component', include: ['tests/component/**/*.test.ts'], environment: 'node' }
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
					fileParallelism: false
				}
			}
		]
	}
});
