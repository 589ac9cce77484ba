import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * True when the module at `moduleUrl` is the script node was started with (not imported).
 * @param {string} moduleUrl the module's import.meta.url
 */
export function invokedDirectly(moduleUrl) {
	const entry = process.argv[1];
	if (!entry) return false;
	try {
		return moduleUrl === pathToFileURL(realpathSync(entry)).href;
	} catch {
		return false;
	}
}
