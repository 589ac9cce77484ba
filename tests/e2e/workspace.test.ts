// The workspace lasts: its tables are kept in this browser and loaded at start (no file is read
// again), survive the browser being closed the moment the page says "Imported", are shared safely
// by two tabs, come over from what an earlier version kept, and are set aside, never lost, when
// they cannot be loaded.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appURL, CHROMIUM_ARGS, launchBrowser, openPage, waitForAppReady } from './browser';

const FIXTURES = join(import.meta.dirname, '../fixtures/ingest');
const SMALL = 'ok-reimport-existing-measure.csv';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const imported = (page: Page) => page.locator('section[aria-labelledby="history"] tbody tr', { hasText: 'Imported by you' }).locator('th');

async function importSmall(page: Page, name = SMALL): Promise<void> {
	await page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, name));
	const card = page.getByRole('article', { name: `File ${name}` });
	await card.getByRole('button', { name: `Import ${name}` }).click();
	await card.getByRole('status').filter({ hasText: /^Imported \d+ rows/ }).waitFor();
}

async function ready(page: Page, path: string): Promise<void> {
	await page.goto(appURL(path));
	await waitForAppReady(page);
}

describe('the kept workspace', () => {
	test('is on disk once the page says "Imported": the browser closed at once and opened again has it', async () => {
		const profile = mkdtempSync(join(tmpdir(), 'oba-profile-'));
		try {
			const launch = () => chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
			const first = await launch();
			const page = first.pages()[0] ?? (await first.newPage());
			await ready(page, '/import/');
			await importSmall(page);
			await first.close(); // at once: no wait for anything after "Imported"
			const second = await launch();
			try {
				const again = second.pages()[0] ?? (await second.newPage());
				await ready(again, '/import/');
				await expect(imported(again).allTextContents()).resolves.toEqual([SMALL]);
				// The import log says when the file was imported, not when the app started again.
				const loaded = await again.locator('section[aria-labelledby="history"] tbody tr', { hasText: SMALL }).locator('td').nth(2).textContent();
				await again.waitForTimeout(1100);
				await again.reload();
				await waitForAppReady(again);
				await expect(again.locator('section[aria-labelledby="history"] tbody tr', { hasText: SMALL }).locator('td').nth(2).textContent()).resolves.toBe(loaded);
			} finally {
				await second.close();
			}
		} finally {
			rmSync(profile, { recursive: true, force: true });
		}
	});

	test('a file imported with "Import valid rows only" comes back after a reload with no alarm, as it was imported; a reset keeps nothing', async () => {
		const tab = await openPage(browser, '/import/');
		try {
			await waitForAppReady(tab.page);
			const name = 'bad-quarter-5.csv';
			await tab.page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, name));
			const card = tab.page.getByRole('article', { name: `File ${name}` });
			await card.getByRole('button', { name: /valid rows only/ }).click();
			await card.getByRole('status').filter({ hasText: /^Imported \d+ rows/ }).waitFor();
			await tab.page.reload();
			await waitForAppReady(tab.page);
			await expect(imported(tab.page).allTextContents()).resolves.toEqual([name]);
			await expect(tab.page.locator('main > [role="alert"]').count()).resolves.toBe(0);
			// "Reset to sample data": nothing is kept any more, so a reload starts as a first visit does.
			tab.page.on('dialog', (dialog) => void dialog.accept());
			await tab.page.getByRole('button', { name: 'Reset to sample data' }).click();
			await tab.page.getByRole('status').filter({ hasText: /^Back to the sample data/ }).waitFor();
			await expect(imported(tab.page).count()).resolves.toBe(0);
			await tab.page.reload();
			await waitForAppReady(tab.page);
			await expect.poll(() => tab.page.locator('section[aria-labelledby="history"] tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
			await expect(imported(tab.page).count()).resolves.toBe(0);
			expect(tab.pageErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});

	test('a preview belongs to its card: leaving the page, or choosing another file, stops its reading and drops what it staged', async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'oba-')), 'large.csv');
		const generated = spawnSync(process.execPath, ['scripts/bench/generate.js', '--rows', '300000', '--out', file]);
		expect(generated.status, String(generated.stderr)).toBe(0);
		const tab = await openPage(browser, '/bench/');
		try {
			const { page } = tab;
			await page.waitForFunction(() => document.body.dataset.bench === 'ready');
			const staged = () => page.evaluate(() => window.__bench!.appStagedTables());
			for (const leave of ['another file', 'the page'] as const) {
				await page.evaluate(() => window.__bench!.goto('/import/'));
				await waitForAppReady(page);
				await page.getByLabel('Choose files to import').setInputFiles(file);
				const card = page.getByRole('article', { name: 'File large.csv' });
				await card.getByText(/Step [2-4] of 4/).waitFor();
				if (leave === 'another file') {
					await page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, SMALL));
					const small = page.getByRole('article', { name: `File ${SMALL}` });
					await small.getByRole('button', { name: `Import ${SMALL}` }).waitFor();
					await expect(card.count()).resolves.toBe(0);
					// Only the file now chosen has tables staged, ready to import; removing its card drops them.
					await expect.poll(async () => (await staged()).length, { timeout: 30_000 }).toBeGreaterThan(0);
					await page.getByRole('button', { name: `Remove ${SMALL}` }).click();
					await expect(small.count()).resolves.toBe(0);
					await expect.poll(staged, { timeout: 30_000 }).toEqual([]);
				} else {
					await page.evaluate(() => window.__bench!.goto('/measures/'));
					await expect.poll(staged, { timeout: 30_000 }).toEqual([]);
				}
			}
			expect(tab.pageErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});
});

describe('two tabs', () => {
	test('the second is read-only and shows the first one’s changes; a stale tab cannot undo them; it writes once the first closes', async () => {
		const context = await browser.newContext();
		try {
			const a = await context.newPage();
			await ready(a, '/import/');
			const b = await context.newPage();
			b.on('dialog', (dialog) => void dialog.accept());
			await ready(b, '/import/');
			await b.getByText('Read-only:').waitFor();
			await expect(a.getByText('Read-only:').count()).resolves.toBe(0);

			// A change in the first tab shows in the second without a reload.
			await importSmall(a);
			await expect.poll(() => imported(b).allTextContents(), { timeout: 30_000 }).toEqual([SMALL]);

			// The second tab cannot change anything: not undo, not clear, not import.
			await imported(b).locator('..').getByRole('button', { name: `Undo the import of ${SMALL}` }).click();
			await b.getByRole('status').filter({ hasText: /^This workspace is open in another tab/ }).waitFor();
			await b.getByRole('button', { name: 'Clear all data' }).click();
			await expect(imported(b).allTextContents()).resolves.toEqual([SMALL]);

			// The first tab adds a note (it goes there by the app's links: a new page load would let the
			// waiting tab take the workspace); the second, once the first is closed, writes, and nothing was lost.
			await a.getByRole('link', { name: 'Measures', exact: true }).click();
			await a.getByRole('link', { name: 'Return interviews offered within 72 hours (%)' }).click();
			await a.waitForURL(/\/measure\/\?id=M19/);
			await a.getByLabel('Note: what lies behind the curve in that period').fill('From tab A');
			await a.getByRole('button', { name: 'Add note' }).click();
			await a.locator('li[data-note="yours"]', { hasText: 'From tab A' }).waitFor();
			await a.close();
			await expect.poll(() => b.getByText('Read-only:').count(), { timeout: 30_000 }).toBe(0);
			await b.goto(appURL('/measure/?id=M19'));
			await waitForAppReady(b);
			await b.locator('li[data-note="yours"]', { hasText: 'From tab A' }).waitFor();
			await b.getByLabel('Note: what lies behind the curve in that period').fill('From tab B');
			await b.getByRole('button', { name: 'Add note' }).click();
			await b.locator('li[data-note="yours"]', { hasText: 'From tab B' }).waitFor();
			await b.reload();
			await waitForAppReady(b);
			await b.locator('li[data-note="yours"]', { hasText: 'From tab B' }).waitFor();
			await expect(b.locator('li[data-note="yours"]').allTextContents()).resolves.toEqual([
				expect.stringContaining('From tab A'), expect.stringContaining('From tab B')
			]);
			await ready(b, '/import/');
			await expect(imported(b).allTextContents()).resolves.toEqual([SMALL]);
		} finally {
			await context.close();
		}
	});
});

describe('what this browser kept', () => {
	test('by an earlier version (files, a lock, a note) is brought over once, then kept as tables', async () => {
		// A file of the site, not a page of the app: the app would open this browser's storage at its own version first.
		const tab = await openPage(browser, '/favicon.svg');
		try {
			const { page } = tab;
			const csv = (await import('node:fs')).readFileSync(join(FIXTURES, SMALL), 'utf8');
			// The stores as the version before this one wrote them (IndexedDB version 2).
			await page.evaluate(async (text) => {
				const db = await new Promise<IDBDatabase>((resolve, reject) => {
					const request = indexedDB.open('oba-workspace', 2);
					request.onupgradeneeded = () => {
						const d = request.result;
						d.createObjectStore('imports', { keyPath: 'id', autoIncrement: true });
						d.createObjectStore('settings');
						d.createObjectStore('locks', { keyPath: 'key' });
						d.createObjectStore('notes', { keyPath: 'noteId' });
						d.createObjectStore('workspace');
					};
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
				await new Promise<void>((resolve, reject) => {
					const tx = db.transaction(['imports', 'notes'], 'readwrite');
					tx.objectStore('imports').add({ name: 'kept-by-v1.csv', bytes: new Blob([text]), checksum: 'x', validRowsOnly: false, savedAt: '2026-11-29T10:00:00.000Z' });
					tx.objectStore('notes').put({ noteId: 'n1', measureId: 'M19', areaCode: 'E06000012', periodLabel: '2017/18 Q1', periodStart: '2017-04-01', text: 'Kept by v1', addedAt: '2026-11-29T10:00:00.000Z' });
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				});
				db.close();
			}, csv);
			await ready(page, '/import/');
			await expect(imported(page).allTextContents()).resolves.toEqual(['kept-by-v1.csv']);
			await ready(page, '/measure/?id=M19');
			await page.locator('li[data-note="yours"]', { hasText: 'Kept by v1' }).waitFor();
			// Brought over once: the old stores are empty, and the tables come back on their own.
			const oldCount = () => page.evaluate(() => new Promise<number>((resolve) => {
				const request = indexedDB.open('oba-workspace');
				request.onsuccess = () => {
					const tx = request.result.transaction(['imports', 'notes'], 'readonly');
					const a = tx.objectStore('imports').count();
					const b = tx.objectStore('notes').count();
					tx.oncomplete = () => resolve(a.result + b.result);
				};
			}));
			await expect(oldCount()).resolves.toBe(0);
			await ready(page, '/import/');
			await expect(imported(page).allTextContents()).resolves.toEqual(['kept-by-v1.csv']);
			expect(tab.pageErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});

	test('that cannot be loaded is set aside to download, the sample is shown, and the next start is clean', async () => {
		const tab = await openPage(browser, '/import/', { contextOptions: { acceptDownloads: true } });
		try {
			const { page } = tab;
			await waitForAppReady(page);
			await importSmall(page);
			// A kept table damaged on disk: its record no longer the length the index says.
			await page.evaluate(() => new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('oba-workspace');
				request.onsuccess = () => {
					const tx = request.result.transaction('state', 'readwrite');
					tx.objectStore('state').put(new Blob(['damaged']), 'table:measures');
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				};
			}));
			await page.reload();
			await waitForAppReady(page);
			await expect(page.locator('main > [role="alert"]').textContent()).resolves.toMatch(
				/The workspace kept in this browser could not be loaded: Its table "measures" is not the length its index says: the file is damaged\. It is set aside, to download from the Import page, and the sample data is shown\./
			);
			// Drawn first from the answers kept with those tables, then from the sample once the database has it.
			await expect.poll(() => imported(page).count(), { timeout: 30_000 }).toBe(0);
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download kept-workspace-/ }).click()]);
			expect(download.suggestedFilename()).toMatch(/^kept-workspace-\d{4}-\d{2}-\d{2}\.oba$/);
			await page.reload();
			await waitForAppReady(page);
			// The page may be drawn from the sample's recorded answers before the database has started: wait for the list.
			await expect.poll(() => page.getByRole('button', { name: /^Download kept-workspace-/ }).count(), { timeout: 30_000 }).toBe(1);
			await expect(page.locator('main > [role="alert"]').count()).resolves.toBe(0);
		} finally {
			await tab.close();
		}
	});
});
