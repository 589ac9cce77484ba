#!/usr/bin/env node
// `npm test`: every test suite (unit, db, component, e2e), ending with one line `N passed, N failed`.
//
//   1. find Chromium (scripts/find-chromium.js; as root, installs it when missing)
//   2. build the app unless build/ is up to date (build/.stamp: a hash of the inputs' paths, sizes, mtimes)
//   3. vitest run, all projects (or what the extra arguments select), output streamed,
//      with a JSON report to a temporary file
//   4. print the totals from that report as the LAST line; exit with vitest's code
//
// Extra arguments go to vitest: `npm test -- tests/unit`, `npm test -- --project db`.
// With only non-e2e `--project`s selected, Chromium and the build are skipped.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './find-chromium.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = path.join(ROOT, 'build');
const STAMP = path.join(BUILD, '.stamp');
const INPUT_DIRS = ['src', 'static', 'data'];
const INPUT_FILES = ['svelte.config.js', 'vite.config.ts', 'package-lock.json'];

/** @typedef {{ rel: string, size: number, mtimeMs: number }} InputFile */

/** @returns {InputFile[]} every build input that exists, sorted by path */
function buildInputs() {
	/** @type {InputFile[]} */
	const files = [];
	/** @param {string} rel */
	const visit = (rel) => {
		const abs = path.join(ROOT, rel);
		let stats;
		try {
			stats = statSync(abs);
		} catch {
			return; // missing, or deleted while we looked
		}
		if (stats.isDirectory()) {
			for (const name of readdirSync(abs).sort()) visit(path.join(rel, name));
		} else if (stats.isFile()) {
			files.push({ rel: rel.split(path.sep).join('/'), size: stats.size, mtimeMs: stats.mtimeMs });
		}
	};
	for (const entry of [...INPUT_DIRS, ...INPUT_FILES]) visit(entry);
	return files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** @param {InputFile[]} files */
function hashInputs(files) {
	const hash = createHash('sha256');
	for (const f of files) hash.update(`${f.rel}\0${f.size}\0${f.mtimeMs}\n`);
	return hash.digest('hex');
}

/**
 * Is build/ up to date? With a stamp: same hash. Without one (a plain `npm run build`, which
 * empties build/): every input is older than build/index.html.
 * @param {InputFile[]} files
 * @param {string} hash
 */
function buildIsCurrent(files, hash) {
	const index = path.join(BUILD, 'index.html');
	if (!existsSync(index)) return false;
	if (existsSync(STAMP)) return readFileSync(STAMP, 'utf8').trim() === hash;
	const built = statSync(index).mtimeMs;
	return files.every((f) => f.mtimeMs < built);
}

/**
 * Runs a command with inherited output; resolves with its exit code. Ctrl-C reaches the child
 * through the terminal; SIGTERM is passed on.
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>}
 */
function run(command, args, env = process.env) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
		const forward = () => child.kill('SIGTERM');
		process.on('SIGTERM', forward);
		child.on('error', (error) => {
			console.error(`Could not run ${command}: ${error.message}`);
			resolve(127);
		});
		child.on('exit', (code, signal) => {
			process.off('SIGTERM', forward);
			resolve(code ?? 128 + ((signal && constants.signals[signal]) || 0));
		});
	});
}

/**
 * A local package's CLI run with this Node, or `npx` as a fallback.
 * @param {string} binFile path under node_modules
 * @param {string} name
 * @param {string[]} args
 * @returns {[string, string[]]}
 */
function localBin(binFile, name, args) {
	const abs = path.join(ROOT, 'node_modules', binFile);
	return existsSync(abs) ? [process.execPath, [abs, ...args]] : ['npx', [name, ...args]];
}

/** @param {string[]} args vitest arguments given to npm test */
function selectsBrowserTests(args) {
	/** @type {string[]} */
	const projects = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		if (arg === '--project') projects.push(args[++i] ?? '');
		else if (arg.startsWith('--project=')) projects.push(arg.slice('--project='.length));
	}
	return projects.length === 0 || projects.some((p) => /e2e|\*/.test(p));
}

/**
 * Totals from vitest's JSON report. A test file that failed as a whole (it did not import, or a
 * hook threw) counts as one failure when none of its tests did.
 * @param {string} file
 * @returns {{ passed: number, failed: number, skipped: number } | null}
 */
function readTotals(file) {
	let report;
	try {
		report = JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
	/** @type {{ status: string, assertionResults?: { status: string }[] }[]} */
	const results = Array.isArray(report.testResults) ? report.testResults : [];
	const brokenFiles = results.filter(
		(r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed')
	).length;
	return {
		passed: Number(report.numPassedTests) || 0,
		failed: (Number(report.numFailedTests) || 0) + brokenFiles,
		skipped: (Number(report.numPendingTests) || 0) + (Number(report.numTodoTests) || 0)
	};
}

/** @param {{ passed: number, failed: number, skipped: number }} t */
function totalsLine(t) {
	return `${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`;
}

async function main() {
	process.on('SIGINT', () => {}); // Ctrl-C reaches the child too: let it stop and report
	const extraArgs = process.argv.slice(2);
	/** @type {NodeJS.ProcessEnv} */
	const env = { ...process.env };

	if (selectsBrowserTests(extraArgs)) {
		env.CHROMIUM_PATH = ensureChromium();

		const inputs = buildInputs();
		const hash = hashInputs(inputs);
		if (buildIsCurrent(inputs, hash)) {
			console.log('Build is up to date.');
			if (!existsSync(STAMP)) writeFileSync(STAMP, hash + '\n');
		} else {
			console.log('Building the app…');
			rmSync(STAMP, { force: true });
			const [command, args] = ['npm', ['run', '--silent', 'build']];
			const code = await run(command, args);
			if (code !== 0 || !existsSync(path.join(BUILD, 'index.html'))) {
				console.error(`The build failed (exit code ${code}), so no test was run.`);
				console.log(totalsLine({ passed: 0, failed: 0, skipped: 0 }));
				return code || 1;
			}
			// The hash of the inputs as they were when the build started: an edit made during
			// the build makes the next run build again.
			writeFileSync(STAMP, hash + '\n');
		}
	}

	const reportFile = path.join(tmpdir(), `oba-vitest-${process.pid}-${Date.now()}.json`);
	const [command, args] = localBin('vitest/vitest.mjs', 'vitest', [
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${reportFile}`,
		...extraArgs
	]);
	const code = await run(command, args, env);
	const totals = readTotals(reportFile);
	rmSync(reportFile, { force: true });

	if (!totals) {
		console.error(`vitest wrote no test report (exit code ${code}); see its output above.`);
		console.log(totalsLine({ passed: 0, failed: 0, skipped: 0 }));
		return code || 1;
	}
	if (code !== 0 && totals.failed === 0) {
		console.error(`vitest exited with code ${code} although no test failed: see the errors above.`);
	}
	console.log(totalsLine(totals));
	return code !== 0 ? code : totals.failed > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		console.log(totalsLine({ passed: 0, failed: 0, skipped: 0 }));
		process.exit(1);
	}
);
