// vitest globalSetup of the e2e project: serves build/ with scripts/serve.js on a free port of
// 127.0.0.1 and provides its URL as `baseURL` (tests: `inject('baseURL')`, or the helpers in
// ./browser.ts). `npm test` builds the app first; run directly (`npx vitest run --project e2e`)
// it builds only when build/index.html is missing — rebuild yourself after changing src/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.js';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Where the built app is served, without a trailing slash: `http://127.0.0.1:PORT`. */
		baseURL: string;
	}
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const buildDir = path.join(root, 'build');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	if (!existsSync(path.join(buildDir, 'index.html'))) {
		console.log('e2e: build/index.html is missing; building the app…');
		const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
		if (result.status !== 0 || !existsSync(path.join(buildDir, 'index.html'))) {
			throw new Error(`e2e: "npm run build" failed (exit code ${String(result.status)}); no page to test.`);
		}
	}

	const server = await startServer({ port: 0, host: '127.0.0.1', root: buildDir });
	project.provide('baseURL', server.url.replace(/\/$/, ''));

	return async () => {
		await server.close();
	};
}
