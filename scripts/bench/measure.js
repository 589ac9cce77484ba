// One run of each measurement, each in a fresh browser context. Times are page times
// (performance.now, marks, event timestamps) unless said otherwise.
import { freshPage, lastDrawn, longestTask, sampleHeap, waitReady } from './chrome.js';

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').Page} Page */

const LONG = 10 * 60_000;
const MB = 1024 * 1024;

/**
 * @template T
 * @param {Promise<T>} work
 * @param {string} what
 * @returns {Promise<T>}
 */
function deadline(work, what, ms = LONG) {
	let timer;
	const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms)));
	return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Navigation start to the home page's charts drawn (the first oba:view-drawn), sample data only,
 * with the database's marks; then filters on /measures/.
 */
export async function coldStart(/** @type {Browser} */ browser, /** @type {string} */ base, /** @type {number} */ changes) {
	const tab = await freshPage(browser, base);
	try {
		await tab.page.goto('/', { waitUntil: 'commit' });
		await waitReady(tab.page);
		// The home page may be drawn before the database is up (answers recorded by the build):
		// the database's own marks come later, and the filter changes below need it anyway.
		await tab.page.waitForFunction(() => performance.getEntriesByName('oba:sample-loaded').length > 0, undefined, { timeout: 120_000 });
		const marks = await tab.page.evaluate(() =>
			Object.fromEntries(
				['oba:duckdb-worker-started', 'oba:duckdb-instantiated', 'oba:database-started', 'oba:sample-loaded', 'oba:view-drawn'].map((n) => [
					n,
					performance.getEntriesByName(n)[0]?.startTime ?? null
				])
			)
		);
		await tab.page.evaluate(() => delete document.body.dataset.ready);
		await tab.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Measures' }).click();
		await waitReady(tab.page);
		return { marks, filters: await filterChanges(tab.page, changes) };
	} finally {
		await tab.close();
	}
}

/** @param {Page} page */
async function benchPage(page) {
	await page.goto('/bench/');
	await page.waitForFunction(() => document.body.dataset.bench === 'ready', undefined, { timeout: 60_000 });
}

/**
 * One of the bench route's alternatives: duckdbReadCsv, papaparseJs or arquero.
 * @param {Browser} browser
 * @param {string} base
 * @param {'duckdbReadCsv' | 'papaparseJs' | 'arquero'} name
 * @param {string} dataUrl
 */
export async function alternative(browser, base, name, dataUrl) {
	const tab = await freshPage(browser, base);
	try {
		await benchPage(tab.page);
		return await deadline(tab.page.evaluate(([n, u]) => window.__bench[n](u), /** @type {const} */ ([name, dataUrl])), name);
	} finally {
		await tab.close();
	}
}

/**
 * Toggles the report card's priority checkboxes `changes` times (1 on, 2 on, … 6 on, 1 off, …);
 * each time, from the checkbox's change event to the view marked drawn again.
 * @param {Page} page on /measures/, drawn
 * @param {number} changes
 * @returns {Promise<number[]>}
 */
export async function filterChanges(page, changes) {
	const boxes = page.locator('input[name="priority"]');
	// "Ready" can still be the page navigated from, on a busy machine: wait for the report card's own boxes.
	const n = await boxes.first().waitFor({ timeout: 60_000 }).then(() => boxes.count(), () => 0);
	if (n === 0) throw new Error('no priority checkbox on /measures/');
	const times = [];
	for (let i = 0; i < changes; i++) {
		await page.evaluate(() => {
			delete document.body.dataset.ready;
			/** @type {any} */ (window).__benchChangeAt = null;
		});
		await boxes.nth(i % n).click();
		await waitReady(page);
		const changedAt = await page.evaluate(() => /** @type {any} */ (window).__benchChangeAt);
		const drawn = await lastDrawn(page);
		if (changedAt == null || drawn == null || drawn < changedAt) throw new Error('a filter change was not timed');
		times.push(drawn - changedAt);
	}
	return times;
}

/**
 * Client-side navigation (the SvelteKit router, same workspace) to `path`.
 * @param {Page} page
 * @param {string} path
 */
async function clientGoto(page, path) {
	await page.evaluate((href) => {
		const a = document.createElement('a');
		a.href = href;
		document.querySelector('main')?.append(a);
		a.click();
		a.remove();
	}, path);
}

/**
 * After an import: DuckDB's memory through /bench/, the report card drawn, the filter changes.
 * @param {Page} page
 * @param {number} changes
 */
async function afterImport(page, changes) {
	await clientGoto(page, '/bench/');
	await page.waitForFunction(() => document.body.dataset.bench === 'ready', undefined, { timeout: 60_000 });
	const memory = await page.evaluate(() => window.__bench.appDuckdbMemoryBytes());
	await page.evaluate(() => delete document.body.dataset.ready);
	const start = await page.evaluate(() => performance.now());
	await clientGoto(page, '/measures/');
	await waitReady(page, LONG);
	const drawn = await lastDrawn(page);
	return {
		duckdb_memory_mb: memory === null ? null : memory / MB,
		measures_drawn_ms: drawn === null ? null : drawn - start,
		filters: await filterChanges(page, changes)
	};
}

/**
 * The app's import code without its page: importFile on /bench/ (the same workspace the pages
 * use), after the areas file (untimed).
 * @param {Browser} browser
 * @param {import('./site.js').Site} site
 * @param {number} changes
 */
export async function appIngest(browser, site, changes) {
	const tab = await freshPage(browser, site.url);
	try {
		await benchPage(tab.page);
		const heap = await sampleHeap(tab.page);
		let peak = { heap: 0, withBuffers: 0 };
		let result;
		try {
			result = await deadline(tab.page.evaluate(([u, a]) => window.__bench.appIngest(u, [a]), [site.dataUrl, site.areasUrl]), 'appIngest');
		} finally {
			peak = await heap.stop();
		}
		if (result.errors.length) throw new Error(`the import was refused: ${result.errors.join('; ')}`);
		return {
			ms: result.ms,
			download_ms: result.download_ms,
			rows: result.rows_written,
			longest_task_ms: await longestTask(tab.page, result.start, result.end),
			peak_js_heap_mb: peak.heap / MB,
			peak_with_buffers_mb: peak.withBuffers / MB,
			...(await afterImport(tab.page, changes))
		};
	} finally {
		await tab.close();
	}
}

/**
 * A reload of /measures/ in a browser that keeps the import (its tables, in IndexedDB): navigation
 * to the report card drawn (the first oba:view-drawn, from the answers kept with the tables), with
 * the start-up's marks (the kept tables loaded: oba:sample-loaded).
 * @param {Page} page
 */
async function reloadDrawn(page) {
	await page.goto('/measures/', { waitUntil: 'commit' });
	await waitReady(page, LONG);
	// Drawn first from the answers kept with the tables; the database's own marks come later.
	await page.waitForFunction(() => performance.getEntriesByName('oba:sample-loaded').length > 0, undefined, { timeout: LONG });
	return page.evaluate(() =>
		Object.fromEntries(['oba:database-started', 'oba:sample-loaded', 'oba:view-drawn'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null]))
	);
}

/**
 * Chooses `file` on the Import page and clicks its "Import…" button once it shows. Resolves to page
 * times, each taken in the page as it happens: the file chosen (`chosen`, the input's change
 * event), the button shown (`previewed`), the click received (`clicked`), and the status
 * "Imported…" with body[data-imported] set anew (`end`; -1 if the app reported an error). The time
 * between the button shown and the click is the harness's (Playwright's checks and round trips):
 * a person clicks when they choose.
 * @param {Page} page
 * @param {string} file
 */
async function importThroughPage(page, file) {
	await page.evaluate(() => {
		delete document.body.dataset.imported;
		const at = /** @type {any} */ (globalThis).__benchImport = { chosen: -1, previewed: -1, clicked: -1 };
		const button = () => [...document.querySelectorAll('main button')].find((b) => /^\s*Import/.test(b.textContent ?? ''));
		const seen = new MutationObserver(() => {
			if (at.chosen >= 0 && button()) {
				at.previewed = performance.now();
				seen.disconnect();
			}
		});
		seen.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
		document.addEventListener('change', () => { if (at.chosen < 0) at.chosen = performance.now(); }, { capture: true, once: true });
		document.addEventListener('click', () => { if (at.clicked < 0) at.clicked = performance.now(); }, { capture: true });
	});
	const done = page.waitForFunction(
		() => {
			const imported = [...document.querySelectorAll('[role="status"]')].some((e) => /^\s*Imported/.test(e.textContent ?? ''));
			if (imported && document.body.dataset.imported !== undefined) return performance.now();
			// Refused: an alert, and nothing imported, being read or waiting to be imported.
			const busy = document.querySelector('main progress') || [...document.querySelectorAll('main button')].some((b) => /^\s*Import/.test(b.textContent ?? ''));
			if (document.body.dataset.ready === 'error' || (document.querySelector('main [role="alert"]') && !imported && !busy)) return -1;
			return false;
		},
		undefined,
		{ timeout: LONG, polling: 'raf' }
	);
	done.catch(() => {}); // awaited below, unless choosing the file fails first
	await page.getByLabel('Choose files to import').setInputFiles(file);
	const button = page.getByRole('button', { name: /^Import/ }).first();
	await button.waitFor({ timeout: LONG / 2 });
	await button.click();
	const end = /** @type {number} */ (await (await done).jsonValue());
	const at = await page.evaluate(() => /** @type {any} */ (globalThis).__benchImport);
	return { end, chosen: at.chosen, previewed: at.previewed, clicked: at.clicked };
}

/**
 * The app's import through its page, against the Import page's contract, after the areas file
 * (untimed) and the page's rehearsal of the import path (ingest/stage/warm-up.ts), which runs while a
 * person chooses a file. null when /import/ does not exist.
 * @param {Browser} browser
 * @param {import('./site.js').Site} site
 * @param {number} changes
 */
export async function appImport(browser, site, changes) {
	const tab = await freshPage(browser, site.url);
	try {
		const response = await tab.page.goto('/import/');
		if (!response || response.status() === 404) return null;
		const input = tab.page.getByLabel('Choose files to import');
		await input.waitFor({ state: 'attached', timeout: 60_000 });
		// The areas go first, untimed; the database has started by then.
		if ((await importThroughPage(tab.page, site.areasPath)).end < 0) {
			throw new Error(`the areas file was refused: ${await tab.page.evaluate(() => document.querySelector('main [role="alert"]')?.textContent ?? '')}`);
		}
		// A person takes a moment to choose the next file; the page rehearses the import path meanwhile.
		const rehearsed = await tab.page
			.waitForFunction(() => performance.getEntriesByName('oba:import-rehearsed').length > 0, undefined, { timeout: 30_000 })
			.then(() => true, () => false);
		const heap = await sampleHeap(tab.page);
		let times = { end: -1, chosen: -1, previewed: -1, clicked: -1 };
		let peak = { heap: 0, withBuffers: 0 };
		try {
			times = await importThroughPage(tab.page, site.dataPath);
		} finally {
			peak = await heap.stop();
		}
		const { end, chosen: start, previewed, clicked } = times;
		if (end < 0) throw new Error(`the import failed: ${await tab.page.evaluate(() => document.body.dataset.error ?? document.querySelector('main [role="alert"]')?.textContent ?? '')}`);
		const rows = await tab.page.evaluate(() => Number(document.body.dataset.imported));
		// Of the commit, the keeping of the tables changed: written by DuckDB (its Arrow answer), then stored in IndexedDB.
		const keep = await tab.page.evaluate(() => {
			const at = (/** @type {string} */ n) => performance.getEntriesByName(n).at(-1)?.startTime ?? null;
			const [started, written, kept] = [at('oba:keep-started'), at('oba:keep-written'), at('oba:kept')];
			return started === null || written === null || kept === null ? null : { write_ms: written - started, store_ms: kept - written };
		});
		const alerts = await tab.page.locator('main [role="alert"]').allTextContents();
		return {
			// The app's time: choosing the file to the button, and the click to "Imported"; not the harness's wait between.
			ms: previewed - start + (end - clicked),
			preview_ms: previewed - start,
			commit_ms: end - clicked,
			keep,
			click_wait_ms: clicked - previewed,
			rehearsed,
			rows,
			notes: alerts.map((a) => `/import/ showed an alert after importing: ${a.trim()}`),
			longest_task_ms: await longestTask(tab.page, start, end),
			peak_js_heap_mb: peak.heap / MB,
			peak_with_buffers_mb: peak.withBuffers / MB,
			...(await afterImport(tab.page, changes)),
			// After the import, the page loaded again: the kept tables, not the file, come back.
			reload: await reloadDrawn(tab.page)
		};
	} finally {
		await tab.close();
	}
}

/**
 * Chooses `file` on the Import page and resolves, without clicking, to the time from the input's
 * change event to the "Import…" button shown (the preview: read, checked, compared), in page time.
 * @param {Page} page
 * @param {string} file
 */
async function previewThroughPage(page, file) {
	await page.evaluate(() => {
		const at = /** @type {any} */ (globalThis).__benchPreview = { chosen: -1, previewed: -1 };
		const button = () => [...document.querySelectorAll('main button')].find((b) => /^\s*Import/.test(b.textContent ?? ''));
		const seen = new MutationObserver(() => {
			if (at.chosen >= 0 && at.previewed < 0 && button()) {
				at.previewed = performance.now();
				seen.disconnect();
			}
		});
		seen.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
		document.addEventListener('change', () => { if (at.chosen < 0) at.chosen = performance.now(); }, { capture: true, once: true });
	});
	await page.getByLabel('Choose files to import').setInputFiles(file);
	await page.waitForFunction(() => /** @type {any} */ (globalThis).__benchPreview.previewed >= 0, undefined, { timeout: 60_000, polling: 'raf' });
	const at = await page.evaluate(() => /** @type {any} */ (globalThis).__benchPreview);
	return at.previewed - at.chosen;
}

/**
 * A small file's preview on a warm Import page: after the areas (untimed) and the page's rehearsal
 * of the import path, the SMALL_ROWS-row long-form file chosen `times` times, under two names in
 * turn (choosing again replaces the card, as a person choosing another file does), each from its change event to the
 * "Import…" button shown. A pause between choices lets the page ready its next reader, as it does
 * while a person looks at a preview. null when /import/ does not exist.
 * @param {Browser} browser
 * @param {import('./site.js').Site} site
 */
export async function smallPreview(browser, site, times = 5) {
	const tab = await freshPage(browser, site.url);
	try {
		const response = await tab.page.goto('/import/');
		if (!response || response.status() === 404) return null;
		await tab.page.getByLabel('Choose files to import').waitFor({ state: 'attached', timeout: 60_000 });
		if ((await importThroughPage(tab.page, site.areasPath)).end < 0) throw new Error('the areas file was refused');
		const rehearsed = await tab.page
			.waitForFunction(() => performance.getEntriesByName('oba:import-rehearsed').length > 0, undefined, { timeout: 30_000 })
			.then(() => true, () => false);
		const ms = [];
		for (let i = 0; i < times; i++) {
			await tab.page.waitForTimeout(1000);
			ms.push(await previewThroughPage(tab.page, site.smallPaths[i % 2]));
		}
		return { ms, rehearsed };
	} finally {
		await tab.close();
	}
}
