// Where is Chromium? Used by scripts/test.js (and importable elsewhere).
//   findChromium()   → a path or null (CHROMIUM_PATH, else the usual Debian/Ubuntu/Chrome paths)
//   ensureChromium() → a path; as root it installs Debian's chromium when none is found,
//                      otherwise it prints one line saying what to do and exits 1.
// `node scripts/find-chromium.js` prints the path (or the line) — handy in shell scripts.

import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { invokedDirectly } from './invoked-directly.js';

export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const NOT_FOUND_MESSAGE =
	'Chromium not found: run "sudo apt-get install -y chromium" (Debian) or set CHROMIUM_PATH, then npm test again.';

/** @param {string} file */
function isExecutable(file) {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/**
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null}
 */
export function findChromium(env = process.env) {
	if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
	return CANDIDATES.find(isExecutable) ?? null;
}

/**
 * Finds Chromium; as root installs it with apt-get when missing; else prints one line and exits 1.
 * @returns {string}
 */
export function ensureChromium() {
	const found = findChromium();
	if (found) return found;

	const configured = process.env.CHROMIUM_PATH;
	if (configured) {
		console.error(`Chromium not found at CHROMIUM_PATH=${configured}: fix or unset CHROMIUM_PATH, then npm test again.`);
		process.exit(1);
	}

	if (typeof process.getuid === 'function' && process.getuid() === 0) {
		console.log('Chromium not found: installing it with apt-get (Debian)…');
		const apt = (/** @type {string[]} */ ...args) =>
			spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
				stdio: 'inherit',
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
			});
		const update = apt('update');
		const install = update.status === 0 ? apt('install', '-y', 'chromium') : update;
		const installed = findChromium();
		if (install.status === 0 && installed) return installed;
	}

	console.error(NOT_FOUND_MESSAGE);
	process.exit(1);
}

/**
 * Flags for headless Chromium in tests and the benchmark: no sandbox (root in CI), no GPU, and no
 * network but the app's own server on 127.0.0.1, so that nothing can reach another origin.
 */
export const CHROMIUM_ARGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
	'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'
];


if (invokedDirectly(import.meta.url)) {
	const found = findChromium();
	if (found) console.log(found);
	else {
		console.error(NOT_FOUND_MESSAGE);
		process.exit(1);
	}
}
