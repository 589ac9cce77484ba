// Analysts' files through the Import page: a bad file is refused with located problems and
// changes nothing; a good file is previewed, imported and drawn; markup stays text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openPage, pageForFile, waitForAppReady } from './browser';

const FIXTURES = join(import.meta.dirname, '../fixtures/ingest');

const shared = pageForFile('/import/', { acceptDialogs: true });

const historyRows = () => shared.tab.page.locator('section[aria-labelledby="history"] tbody tr').count();
/** The workspace file saved by one test, opened by the next. */
let workspaceFile = '';

describe('the Import page', () => {
	test('refuses a bad file with the file, row, column and value of each problem, and changes nothing', async () => {
		const before = await historyRows();
		await shared.tab.page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'bad-quarter-5.csv'));
		const card = shared.tab.page.getByRole('article', { name: 'File bad-quarter-5.csv' });
		await expect(card.getByText('1 error').waitFor()).resolves.toBeUndefined();
		const row = card.locator('table.problems tbody tr').first();
		await expect(row.locator('td').allTextContents()).resolves.toEqual(
			expect.arrayContaining(['Error', '3', 'period', '2016/17 Q5'])
		);
		await expect(card.getByRole('button', { name: /^Import bad-quarter-5/ }).count()).resolves.toBe(0);
		await card.getByRole('button', { name: 'Discard' }).click();
		await card.getByText('Not imported. Nothing was changed.').waitFor();
		expect(await historyRows()).toBe(before);
	});

	test('reads a large file step by step, off the page, and cancelling it changes nothing', async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'oba-')), 'large.csv');
		const generated = spawnSync(process.execPath, ['scripts/bench/generate.js', '--rows', '300000', '--out', file]);
		expect(generated.status, String(generated.stderr)).toBe(0);
		const before = await historyRows();
		await shared.tab.page.getByLabel('Choose files to import').setInputFiles(file);
		const card = shared.tab.page.getByRole('article', { name: 'File large.csv' });
		const progress = card.getByRole('progressbar', { name: 'Checking large.csv' });
		await progress.waitFor();
		await expect(progress.getAttribute('max')).resolves.toBe('4');
		await expect(card.getByRole('status').textContent()).resolves.toMatch(/Step [1-4] of 4: /);
		await card.getByRole('button', { name: 'Cancel' }).click();
		await card.getByText('Cancelled. Not imported. Nothing was changed.').waitFor();
		expect(await historyRows()).toBe(before);
		// The page was not frozen meanwhile, and DuckDB is free again: a small file goes straight through.
		await shared.tab.page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'bad-quarter-5.csv'));
		await shared.tab.page.getByRole('article', { name: 'File bad-quarter-5.csv' }).last().getByText('1 error').waitFor();
	});

	test('previews what a good file would change, imports it on request, and every page draws it', async () => {
		const before = await historyRows();
		await shared.tab.page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'ok-reimport-existing-measure.csv'));
		const card = shared.tab.page.getByRole('article', { name: 'File ok-reimport-existing-measure.csv' });
		await card.getByText('No errors.').waitFor();
		await expect(card.locator('.totals').textContent()).resolves.toMatch(/Would add \d+, change \d+/);
		expect(await historyRows()).toBe(before);
		await card.getByRole('button', { name: 'Import ok-reimport-existing-measure.csv' }).click();
		await card.getByRole('status').filter({ hasText: /^Imported \d+ rows/ }).waitFor();
		await expect.poll(historyRows).toBe(before + 1);

		await shared.tab.page.getByRole('link', { name: 'Measures' }).click();
		await shared.tab.page.waitForURL(/\/measures\/$/);
		await shared.tab.page.getByRole('link', { name: 'Return interviews offered within 72 hours (%)' }).click();
		await shared.tab.page.waitForURL(/\/measure\/\?id=M19/);
		await shared.tab.page.locator('figure.chart').first().getByText('Data table').click();
		await expect(shared.tab.page.locator('figure.chart tr', { hasText: '2019/20 Q1' }).locator('td').first().textContent()).resolves.toBe('91%');
	});

	test('keeps imports across a reload, and undoes one exactly', async () => {
		// A fresh page load: the database starts empty and loads the tables this browser kept.
		await shared.tab.page.goto(new URL('/import/', shared.tab.page.url()).href);
		await waitForAppReady(shared.tab.page);
		const imported = shared.tab.page.locator('section[aria-labelledby="history"] tbody tr', { hasText: 'Imported by you' });
		await expect(imported.count()).resolves.toBe(1);
		await imported.getByRole('button', { name: 'Undo the import of ok-reimport-existing-measure.csv' }).click();
		await shared.tab.page.getByRole('status').filter({ hasText: /undone/i }).waitFor();
		await expect.poll(() => imported.count()).toBe(0);
		await shared.tab.page.reload();
		await waitForAppReady(shared.tab.page);
		await expect(imported.count()).resolves.toBe(0);
	});

	test('saves the workspace as one file and opens it again', async () => {
		const [download] = await Promise.all([
			shared.tab.page.waitForEvent('download'),
			shared.tab.page.getByRole('button', { name: 'Save the workspace as a file' }).click()
		]);
		const path = (await download.path())!;
		workspaceFile = path;
		expect(download.suggestedFilename()).toMatch(/^cse-workspace-\d{4}-\d{2}-\d{2}\.oba$/);
		await shared.tab.page.getByLabel('Open a workspace file').setInputFiles(path);
		const opened = shared.tab.page.getByRole('status').filter({ hasText: /^Opened .*: \d+ tables, [\d,]+ rows\.$/ });
		await opened.waitFor();
		// Every table of the data model comes back, with the sample's 38 items and 580 values among the rows.
		const [, tables, rows] = (await opened.textContent())!.match(/: (\d+) tables, ([\d,]+) rows/)!;
		expect(Number(tables)).toBeGreaterThanOrEqual(12);
		expect(Number(rows!.replace(/,/g, ''))).toBeGreaterThan(38 + 580);
		// Opening can be undone while the page is open: what was loaded before comes back.
		const name = path.split('/').pop()!;
		await shared.tab.page.getByRole('button', { name: `Undo opening ${name}` }).click();
		await shared.tab.page.getByRole('status').filter({ hasText: `Undone: what was loaded before ${name} is back.` }).waitFor();
		await expect(shared.tab.page.getByRole('button', { name: `Undo opening ${name}` }).count()).resolves.toBe(0);
	});

	test('an opened workspace file is still open after a reload, in a browser that had no data', async () => {
		const other = await openPage(shared.browser, '/import/');
		try {
			const { page } = other;
			await waitForAppReady(page);
			const rows = page.locator('section[aria-labelledby="history"] tbody tr');
			page.on('dialog', (dialog) => void dialog.accept());
			// "Clear all data" leaves nothing loaded, and nothing comes back after a reload: the sample is not wanted any more.
			await page.getByRole('button', { name: 'Clear all data' }).click();
			await page.getByRole('status').filter({ hasText: 'All data is cleared' }).waitFor();
			await expect(rows.count()).resolves.toBe(0);
			await page.reload();
			await waitForAppReady(page);
			await expect(rows.count()).resolves.toBe(0);

			await page.getByLabel('Open a workspace file').setInputFiles(workspaceFile);
			await page.getByRole('status').filter({ hasText: /^Opened / }).waitFor();
			await expect.poll(() => rows.count()).toBeGreaterThan(0);
			const opened = await rows.locator('th').allTextContents();
			expect(opened).toContain('sample-measures.csv');

			await page.reload();
			await waitForAppReady(page);
			await expect(rows.locator('th').allTextContents()).resolves.toEqual(opened);
			await page.getByRole('link', { name: 'Measures' }).click();
			await page.waitForURL(/\/measures\/$/);
			await expect.poll(() => page.getByRole('link', { name: 'Return interviews offered within 72 hours (%)' }).count()).toBe(1);
			expect(other.consoleErrors).toEqual([]);
			expect(other.pageErrors).toEqual([]);
		} finally {
			await other.close();
		}
	});

	test('a full storage is reported and loses nothing: what was refused holds for this session, what was kept before stays', async () => {
		type FileToImport = string | { name: string; mimeType: string; buffer: Buffer };
		const importInto = async (page: Page, file: FileToImport) => {
			const name = typeof file === 'string' ? file : file.name;
			await page.getByLabel('Choose files to import').setInputFiles(typeof file === 'string' ? join(FIXTURES, file) : file);
			const card = page.getByRole('article', { name: `File ${name}` });
			await card.getByRole('button', { name: `Import ${name}` }).click();
			await card.getByRole('status').filter({ hasText: /^Imported \d+ rows/ }).waitFor();
			return card;
		};
		// What the example and a small file take in this browser's storage, measured in a browser of
		// its own: the quota is then set between that and the 160 KB of a large file.
		const probe = await openPage(shared.browser, '/import/');
		let used = 0;
		try {
			await waitForAppReady(probe.page);
			await importInto(probe.page, 'ok-reimport-existing-measure.csv');
			// Read until it holds still: the answers drawn ahead are kept just after the tables.
			const usage = () => probe.page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
			await expect.poll(async () => {
				const before = await usage();
				await new Promise((r) => setTimeout(r, 500));
				used = await usage();
				return used > 0 && used === before;
			}, { timeout: 30_000 }).toBe(true);
		} finally {
			await probe.close();
		}
		// The quota is set before this site first opens its storage (Chromium reads it then): room for
		// the sample's tables and a small file, none for a large one or for a workspace file.
		const other = await openPage(shared.browser, '/formats/', { contextOptions: { acceptDownloads: true } });
		try {
			const { page } = other;
			page.on('dialog', (dialog) => void dialog.accept());
			const cdp = await other.context.newCDPSession(page);
			await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: used + 60_000 });
			await page.goto(new URL('/import/', page.url()).href);
			await waitForAppReady(page);
			const imported = page.locator('section[aria-labelledby="history"] tbody tr', { hasText: 'Imported by you' }).locator('th');
			const importFile = (file: FileToImport) => importInto(page, file);
			await expect((await importFile('ok-reimport-existing-measure.csv')).getByRole('alert').count()).resolves.toBe(0);

			// 40 quarters of a measure whose every note is 4,000 characters: about 160 KB, more than is left.
			const rows = Array.from({ length: 40 }, (_, i) => `X50,Long notes,How much did we do?,${2009 + Math.floor(i / 4)}/${String((10 + Math.floor(i / 4)) % 100).padStart(2, '0')} Q${(i % 4) + 1},${i},${'n'.repeat(4000)}`);
			const big = { name: 'long-notes.csv', mimeType: 'text/csv', buffer: Buffer.from(['measure_id,measure,quadrant,period,value,notes', ...rows].join('\n')) };
			const card = await importFile(big);
			await expect(page.locator('main > [role="alert"]').textContent()).resolves.toBe(
				'Imported for this session only: it will not survive a reload, because the browser’s storage for this site is full. Nothing kept before is lost. To keep it, save the workspace as a file (Import page).'
			);
			await expect(card.getByRole('status').textContent()).resolves.toMatch(/^Imported 40 rows/);
			await expect.poll(() => imported.allTextContents()).toEqual(['ok-reimport-existing-measure.csv', 'long-notes.csv']);

			// A workspace file (all of the above, some 500 KB) is opened but cannot be kept either; what
			// was kept before is not touched by the refused write.
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the workspace as a file' }).click()]);
			await page.getByLabel('Open a workspace file').setInputFiles((await download.path())!);
			await page.getByRole('status').filter({ hasText: /^Opened / }).waitFor();
			await expect(page.locator('main > [role="alert"]').textContent()).resolves.toMatch(
				/^Opened for this session only: it will not survive a reload, because the browser’s storage for this site is full\. Nothing kept before is lost\./
			);

			// Everything is there to query in this session.
			await page.getByRole('link', { name: 'Measures' }).click();
			await page.getByLabel('Search').fill('long notes');
			await page.waitForURL(/q=long/);
			await expect.poll(() => page.getByRole('link', { name: 'Long notes' }).count()).toBe(1);

			// After a reload, as the messages said: the sample and the kept file, and nothing that was refused.
			await page.goto(new URL('/import/', page.url()).href);
			await waitForAppReady(page);
			await expect(imported.allTextContents()).resolves.toEqual(['ok-reimport-existing-measure.csv']);
			await expect(page.locator('section[aria-labelledby="history"] tbody tr', { hasText: 'sample-measures.csv' }).count()).resolves.toBe(1);
			expect(other.pageErrors).toEqual([]);
		} finally {
			await other.close();
		}
	});

	test('a file chosen before the page has started is still read; it stops the rehearsal of the import path, which runs once that file is done', async () => {
		const other = await openPage(shared.browser, '/formats/');
		try {
			// The app's code is held back, so the file is chosen in the prerendered page, before hydration:
			// its change event finds no handler, and the page must take the file from the input itself.
			let release!: () => void;
			const held = new Promise<void>((resolve) => (release = resolve));
			await other.page.route('**/_app/immutable/bundle.*.js', async (route) => {
				await held;
				await route.continue();
			});
			await other.page.goto('/import/', { waitUntil: 'domcontentloaded' });
			await other.page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'bad-quarter-5.csv'));
			release();
			const rehearsed = () => other.page.evaluate(() => performance.getEntriesByName('oba:import-rehearsed').length);
			const card = other.page.getByRole('article', { name: 'File bad-quarter-5.csv' });
			await card.getByText('1 error').waitFor();
			await expect(other.page.getByRole('article').count()).resolves.toBe(1);
			// The file was chosen before the page was idle: its check stopped the rehearsal, which runs after it.
			await expect.poll(rehearsed, { timeout: 30_000 }).toBe(1);
			expect(other.pageErrors).toEqual([]);
		} finally {
			await other.close();
		}
	});

	test('shows markup in a cell as text, never as markup', async () => {
		await shared.tab.page.getByRole('link', { name: 'Import' }).click();
		await shared.tab.page.waitForURL(/\/import\/$/);
		await shared.tab.page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'ok-html-in-cell.csv'));
		const card = shared.tab.page.getByRole('article', { name: 'File ok-html-in-cell.csv' });
		await card.getByRole('button', { name: 'Import ok-html-in-cell.csv' }).click();
		await card.getByRole('status').filter({ hasText: /^Imported/ }).waitFor();
		// In-app navigation: the imported data lives in this tab's database.
		await shared.tab.page.getByRole('link', { name: 'Measures' }).click();
		await shared.tab.page.getByLabel('Search').fill('img');
		await shared.tab.page.waitForURL(/q=img/);
		await expect.poll(() => shared.tab.page.getByRole('link', { name: '<img src=x onerror=alert(1)>' }).count()).toBe(1);
		await expect(shared.tab.page.locator('main img').count()).resolves.toBe(0);
		expect(shared.tab.pageErrors).toEqual([]);
		expect(shared.tab.consoleErrors).toEqual([]);
	});

	test('the highlight report includes what was imported, as text', async () => {
		await shared.tab.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Report' }).click();
		await shared.tab.page.waitForURL(/\/report\/$/);
		const unassigned = shared.tab.page.locator('section[aria-labelledby="report-unassigned"]');
		await unassigned.waitFor();
		await expect(unassigned.getByRole('link', { name: '<img src=x onerror=alert(1)>' }).count()).resolves.toBe(1);
		await expect(shared.tab.page.locator('article.report table.sources').textContent()).resolves.toContain('ok-html-in-cell.csv');
		await expect(shared.tab.page.locator('main img').count()).resolves.toBe(0);
	});
});
