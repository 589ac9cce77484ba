import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		chunkSizeWarningLimit: 1024,
		// Data files stay files: a data: URL would need connect-src data:, which the CSP refuses.
		assetsInlineLimit: (file) => (file.endsWith('.csv') ? false : undefined)
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
