// Shared helpers for the e2e tests: Debian's Chromium driven by playwright-core, against the
// build served by global-setup.ts (its URL: inject('baseURL')).
//
//   let browser: Browser;
//   beforeAll(async () => { browser = await launchBrowser(); });
//   afterAll(async () => { await browser?.close(); });
//   test('…', async () => {
//     const tab = await openPage(browser, '/');
//     try { await waitForAppReady(tab.page); … expect(tab.consoleErrors).toEqual([]); }
//     finally { await tab.close(); }
//   });
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_ARGS } from '../../scripts/find-chromium.js';

export { CHROMIUM_ARGS };


/** Chromium from CHROMIUM_PATH (set by `npm test`), else Debian's /usr/bin/chromium. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
}

/** The served app, without a trailing slash: `http://127.0.0.1:PORT`. */
export function baseURL(): string {
	return inject('baseURL');
}

/** An absolute URL for an app path (`/`, `/measures/`, …). */
export function appURL(path = '/'): string {
	return new URL(path, baseURL() + '/').href;
}

/** Long data: URLs (Vite inlines small assets) would drown a test report. */
function shorten(text: string): string {
	return text.replace(/\b(data:[^,\s'"]*,)([^\s'"]{40})[^\s'"]{20,}/g, '$1$2…');
}

export interface OpenedPage {
	page: Page;
	context: BrowserContext;
	/** The navigation's response (null only for same-document navigations). */
	response: Response | null;
	/** `console.error` messages of the page and its workers, with their source location. */
	consoleErrors: string[];
	/** Uncaught exceptions and unhandled rejections in the page. */
	pageErrors: string[];
	/** Every request (page, worker, fetch, asset) to an origin other than the app's. */
	foreignRequests: string[];
	/** Requests that failed in the network layer, and responses with an HTTP status ≥ 400. */
	failedRequests: string[];
	close: () => Promise<void>;
}

export interface OpenPageOptions {
	/** When `page.goto` resolves; default 'load'. */
	waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
	/** Browser context options, e.g. a viewport or `acceptDownloads`. */
	contextOptions?: Parameters<Browser['newContext']>[0];
}

/**
 * Opens `path` of the app in a fresh browser context (no shared cache, storage or cookies) and
 * records what went wrong while it runs. Close it with `close()`.
 */
export async function openPage(browser: Browser, path = '/', options: OpenPageOptions = {}): Promise<OpenedPage> {
	const base = baseURL();
	const appOrigin = new URL(base).origin;
	const context = await browser.newContext({ baseURL: base, ...options.contextOptions });

	const consoleErrors: string[] = [];
	const pageErrors: string[] = [];
	const foreignRequests: string[] = [];
	const failedRequests: string[] = [];

	const describeConsole = (message: { text(): string; location(): { url: string; lineNumber: number } }) => {
		const { url, lineNumber } = message.location();
		const text = shorten(message.text());
		return url ? `${text} (${shorten(url)}:${lineNumber})` : text;
	};

	// On the context, so requests made by workers (DuckDB fetches its .wasm and CSVs there) count.
	context.on('request', (request) => {
		const url = request.url();
		if (url.startsWith('data:') || url.startsWith('about:')) return; // not network requests
		let origin: string;
		try {
			origin = new URL(url).origin; // blob:http://host/… has the origin of its creator
		} catch {
			origin = 'invalid';
		}
		if (origin !== appOrigin) foreignRequests.push(shorten(url));
	});
	context.on('requestfailed', (request) => {
		failedRequests.push(`${request.method()} ${shorten(request.url())}: ${request.failure()?.errorText ?? 'failed'}`);
	});
	context.on('response', (response) => {
		if (response.status() >= 400) {
			failedRequests.push(`${response.request().method()} ${shorten(response.url())}: HTTP ${response.status()}`);
		}
	});

	// A page's 'console' and 'pageerror' events include those of its dedicated workers.
	const watchPage = (page: Page) => {
		page.on('console', (message) => {
			if (message.type() === 'error') consoleErrors.push(describeConsole(message));
		});
		page.on('pageerror', (error) => {
			pageErrors.push(error.stack ?? `${error.name}: ${error.message}`);
		});
	};
	context.on('page', watchPage);

	const page = await context.newPage();
	let response: Response | null;
	try {
		response = await page.goto(path, { waitUntil: options.waitUntil ?? 'load' });
	} catch (error) {
		await context.close();
		throw error;
	}

	return {
		page,
		context,
		response,
		consoleErrors,
		pageErrors,
		foreignRequests,
		failedRequests,
		close: () => context.close()
	};
}

export interface WaitForAppReadyOptions {
	/** Default 60 s: DuckDB has to start and read the data first. */
	timeout?: number;
}

/**
 * Waits until the app marks itself ready: `<body data-ready="true">`, set once the home page's
 * charts are drawn. Fails at once if the app sets `data-ready="error"` (with the reason in
 * `data-error`, if any), and after the timeout otherwise.
 */
export async function waitForAppReady(page: Page, options: WaitForAppReadyOptions = {}): Promise<void> {
	const timeout = options.timeout ?? 60_000;
	try {
		await page.waitForFunction(
			() => {
				const ready = document.body?.dataset.ready;
				return ready === 'true' || ready === 'error';
			},
			undefined,
			{ timeout, polling: 100 }
		);
	} catch (error) {
		const alert = await page
			.locator('[role="alert"]')
			.first()
			.textContent({ timeout: 1_000 })
			.catch(() => null);
		throw new Error(
			`The app did not set <body data-ready="true"> within ${Math.round(timeout / 1000)} s` +
				(alert ? ` (the page shows: ${alert.trim().replace(/\s+/g, ' ')})` : '') +
				`: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
		);
	}
	const { ready, detail } = await page.evaluate(() => ({
		ready: document.body.dataset.ready,
		detail: document.body.dataset.error ?? ''
	}));
	if (ready === 'error') throw new Error(`The app set <body data-ready="error">${detail ? `: ${detail}` : ''}`);
}

export interface PageForFile {
	readonly browser: Browser;
	readonly tab: OpenedPage;
}

/**
 * One browser, and one tab on `path` ready, for all of a test file's tests: opened before the
 * first test and closed after the last (the vitest hooks are registered here, so call this at
 * the top level of the file). `acceptDialogs`: the page's confirm() questions are answered yes.
 */
export function pageForFile(path: string, options: { acceptDialogs?: boolean } = {}): PageForFile {
	let browser: Browser | undefined;
	let tab: OpenedPage | undefined;
	beforeAll(async () => {
		browser = await launchBrowser();
		tab = await openPage(browser, path);
		if (options.acceptDialogs) tab.page.on('dialog', (dialog) => void dialog.accept());
		await waitForAppReady(tab.page);
	});
	afterAll(async () => {
		await tab?.close();
		await browser?.close();
	});
	const opened = <T>(thing: T | undefined): T => {
		if (thing === undefined) throw new Error(`pageForFile('${path}'): used before its beforeAll hook ran.`);
		return thing;
	};
	return {
		get browser() {
			return opened(browser);
		},
		get tab() {
			return opened(tab);
		}
	};
}
