// Headless Chromium for the benchmark (the flags of tests/e2e/browser.ts), fresh contexts whose
// pages record long tasks and the time of the last `change` event, and a JS heap sampler.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.js';


export function launch() {
	const executablePath = findChromium();
	if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH.');
	return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** Runs in every page before its own scripts. */
function instrument() {
	const w = /** @type {any} */ (window);
	w.__benchLongTasks = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) w.__benchLongTasks.push([e.startTime, e.duration]);
	}).observe({ type: 'longtask', buffered: true });
	addEventListener('change', (e) => (w.__benchChangeAt = e.timeStamp), true);
}

/**
 * A page in a fresh context (no cache, no storage), instrumented. Close it with `close()`.
 * @param {import('playwright-core').Browser} browser
 * @param {string} baseURL
 */
export async function freshPage(browser, baseURL) {
	const context = await browser.newContext({ baseURL });
	await context.addInitScript(instrument);
	const page = await context.newPage();
	/** @type {string[]} */
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return { page, context, errors, close: () => context.close() };
}

/**
 * The longest long task (≥ 50 ms, the API's threshold) overlapping [start, end] of page time;
 * 0 when there was none.
 * @param {import('playwright-core').Page} page
 * @param {number} start
 * @param {number} end
 */
export function longestTask(page, start, end) {
	return page.evaluate(
		([s, e]) =>
			(/** @type {[number, number][]} */ (/** @type {any} */ (window).__benchLongTasks))
				.filter(([t, d]) => t + d > s && t < e)
				.reduce((max, [, d]) => Math.max(max, d), 0),
		[start, end]
	);
}

/**
 * Samples the page's JS heap (CDP Runtime.getHeapUsage) every 50 ms until `stop()`, which resolves
 * to the peaks in bytes: `heap`, the used JS heap; `withBuffers`, that plus the backing stores of
 * ArrayBuffers and external strings (a file's bytes live there).
 * @param {import('playwright-core').Page} page
 */
export async function sampleHeap(page) {
	const cdp = await page.context().newCDPSession(page);
	const peak = { heap: 0, withBuffers: 0 };
	let running = true;
	const loop = (async () => {
		while (running) {
			try {
				const usage = await cdp.send('Runtime.getHeapUsage');
				peak.heap = Math.max(peak.heap, usage.usedSize);
				peak.withBuffers = Math.max(peak.withBuffers, usage.usedSize + (usage.backingStorageSize ?? 0));
			} catch {
				break; // the page went away
			}
			await new Promise((r) => setTimeout(r, 50));
		}
	})();
	return {
		stop: async () => {
			running = false;
			await loop;
			await cdp.detach().catch(() => {});
			return peak;
		}
	};
}

/**
 * Waits for `<body data-ready="true">`, which the app sets once a view is drawn.
 * @param {import('playwright-core').Page} page
 * @param {number} [timeout]
 */
export async function waitReady(page, timeout = 120_000) {
	const handle = await page.waitForFunction(
		() => {
			const r = document.body?.dataset.ready;
			return r === 'true' || r === 'error' ? r : false;
		},
		undefined,
		{ timeout, polling: 'raf' }
	);
	if ((await handle.jsonValue()) === 'error') {
		throw new Error(`the app set data-ready="error": ${await page.evaluate(() => document.body.dataset.error ?? '')}`);
	}
}

/** Page time of the latest `oba:view-drawn` mark. @param {import('playwright-core').Page} page */
export function lastDrawn(page) {
	return page.evaluate(() => performance.getEntriesByName('oba:view-drawn').at(-1)?.startTime ?? null);
}
