// build/ for the benchmark: built when missing or older than its inputs, as scripts/test.js
// decides (build/.stamp holds a hash of the inputs' paths, sizes and mtimes).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['src', 'static', 'data', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

/** @param {string} root */
function inputs(root) {
	/** @type {{ rel: string, size: number, mtimeMs: number }[]} */
	const files = [];
	/** @param {string} rel */
	const visit = (rel) => {
		let stats;
		try {
			stats = statSync(path.join(root, rel));
		} catch {
			return;
		}
		if (stats.isDirectory()) for (const name of readdirSync(path.join(root, rel)).sort()) visit(path.join(rel, name));
		else if (stats.isFile()) files.push({ rel: rel.split(path.sep).join('/'), size: stats.size, mtimeMs: stats.mtimeMs });
	};
	INPUTS.forEach(visit);
	return files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/**
 * Builds the app unless build/ is current; returns the build directory.
 * @param {string} root the repository
 * @param {{ force?: boolean }} [options]
 */
export function ensureBuild(root, options = {}) {
	const build = path.join(root, 'build');
	const stamp = path.join(build, '.stamp');
	const files = inputs(root);
	const hash = createHash('sha256');
	for (const f of files) hash.update(`${f.rel}\0${f.size}\0${f.mtimeMs}\n`);
	const digest = hash.digest('hex');
	const index = path.join(build, 'index.html');
	const current =
		!options.force &&
		existsSync(index) &&
		existsSync(path.join(build, 'bench', 'index.html')) &&
		(existsSync(stamp)
			? readFileSync(stamp, 'utf8').trim() === digest
			: files.every((f) => f.mtimeMs < statSync(index).mtimeMs));
	if (current) return build;
	console.error('bench: building the app (npm run build)…');
	rmSync(stamp, { force: true });
	const npmBuild = () => spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }).status;
	let status = npmBuild();
	if (status !== 0) {
		// Another build in the same tree (a test run) may have emptied build/ under this one.
		console.error('bench: the build failed; trying once more in 20 s…');
		spawnSync('sleep', ['20']);
		status = npmBuild();
	}
	if (status !== 0 || !existsSync(path.join(build, 'bench', 'index.html'))) {
		throw new Error(`npm run build failed (exit code ${status}); nothing to measure.`);
	}
	writeFileSync(stamp, digest + '\n');
	return build;
}
