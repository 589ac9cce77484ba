// What the browser loads: a snapshot of build/ (hard links, or a copy across file systems, so a
// rebuild during the run changes nothing) plus the generated data file under /bench-data/,
// served by scripts/serve.js on a free port of 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { cpSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../serve.js';

/**
 * @param {string} from
 * @param {string} to
 */
function linkTree(from, to) {
	mkdirSync(to, { recursive: true });
	for (const name of readdirSync(from)) {
		const a = path.join(from, name);
		const b = path.join(to, name);
		if (statSync(a).isDirectory()) linkTree(a, b);
		else {
			try {
				linkSync(a, b);
			} catch {
				cpSync(a, b, { preserveTimestamps: true });
			}
		}
	}
}

/**
 * @param {string} repo
 * @param {string[]} args
 */
function generate(repo, args) {
	const run = spawnSync(process.execPath, [path.join(repo, 'scripts/bench/generate.js'), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (run.status !== 0) throw new Error(`generate.js ${args.join(' ')} failed (exit code ${run.status})`);
}

/** Rows of the small long-form file whose preview is timed (small_preview_ms). */
export const SMALL_ROWS = 2000;

/**
 * The generated measures file (and a small one of SMALL_ROWS rows), and the population file that brings in its areas (the app refuses
 * measures of areas it does not know).
 * @param {{ repo: string, build: string, rows: number }} options
 * @typedef {{ url: string, dataPath: string, dataUrl: string, areasPath: string, areasUrl: string, smallPaths: string[], bytes: number, close: () => Promise<void> }} Site
 * @returns {Promise<Site>}
 */
export async function startSite({ repo, build, rows }) {
	const dir = mkdtempSync(path.join(tmpdir(), 'oba-bench-'));
	const root = path.join(dir, 'site');
	try {
		linkTree(build, root);
		mkdirSync(path.join(root, 'bench-data'));
		const name = `measures-long-${rows}.csv`;
		const dataPath = path.join(root, 'bench-data', name);
		const areasPath = path.join(root, 'bench-data', 'population-las.csv');
		generate(repo, ['--rows', String(rows), '--out', dataPath]);
		generate(repo, ['--form', 'population', '--out', areasPath]);
		const smallPath = path.join(root, 'bench-data', `measures-long-${SMALL_ROWS}.csv`);
		generate(repo, ['--rows', String(SMALL_ROWS), '--out', smallPath]);
		// The same bytes under a second name: choosing the very file chosen last fires no change event.
		const smallPaths = [smallPath, smallPath.replace(/\.csv$/, '-again.csv')];
		cpSync(smallPath, smallPaths[1]);
		const server = await startServer({ port: 0, host: '127.0.0.1', root });
		return {
			url: server.url.replace(/\/$/, ''),
			dataPath,
			dataUrl: `/bench-data/${name}`,
			areasPath,
			areasUrl: '/bench-data/population-las.csv',
			smallPaths,
			bytes: statSync(dataPath).size,
			close: async () => {
				await server.close();
				rmSync(dir, { recursive: true, force: true });
			}
		};
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
}
