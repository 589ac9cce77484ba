// A partnership from elsewhere adopts the app: on the settings page it chooses its authority, and
// the home page and a measure page redraw with that authority's own published figures, its
// region's and England's. The built app in Chromium; the settings kept in this browser.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openPage, waitForAppReady } from './browser';
import { expectNoAxeViolations } from './axe';

describe('the settings page', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('offers every authority by name or code, says the example is one, and has no axe-core violation', async () => {
		const tab = await openPage(browser, '/settings/');
		try {
			const { page } = tab;
			await waitForAppReady(page);
			await expect.poll(() => page.getByTestId('settings-example').textContent(), { timeout: 30_000 }).toContain('You are looking at the example');
			await expect(page.locator('#area option').count()).resolves.toBe(161);
			await page.getByLabel(/Find by name/).fill('861');
			await expect(page.locator('#area').inputValue()).resolves.toBe('E06000021');
			await expect(page.getByTestId('area-derived').textContent()).resolves.toContain('West Midlands and England');
			await page.getByLabel(/Find by name/).fill('Cumberland');
			await page.locator('#area').selectOption('E06000063');
			await expect(page.getByTestId('settings-boundary').textContent()).resolves.toContain('Cumberland’s figures start in 2023/24');
			await expectNoAxeViolations(page);
			expect(tab.pageErrors).toEqual([]);
			expect(tab.foreignRequests).toEqual([]);
		} finally {
			await tab.close();
		}
	});

	test('choosing Stoke-on-Trent redraws the home page and a measure page with its figures, West Midlands and England', async () => {
		const tab = await openPage(browser, '/settings/');
		try {
			const { page } = tab;
			await waitForAppReady(page);
			await expect.poll(() => page.getByTestId('settings-example').count(), { timeout: 30_000 }).toBe(1);
			await page.getByLabel(/Find by name/).fill('Stoke');
			await page.locator('#area').selectOption('E06000021');
			await page.getByLabel(/Partnership’s name/).fill('Stoke-on-Trent Safeguarding Children Partnership');
			await page.getByLabel('Plan’s title').fill('Exploitation plan 2025–27');

			const started = Date.now();
			await page.getByRole('button', { name: 'Start your own for Stoke-on-Trent' }).click();
			await page.waitForURL((url) => url.pathname.endsWith('/'), { timeout: 60_000 });
			await expect.poll(() => page.locator('#population-heading').textContent(), { timeout: 60_000 }).toBe('Population indicators: Stoke-on-Trent');
			await waitForAppReady(page);
			const redrawMs = Date.now() - started;
			console.log(`settings: Stoke-on-Trent chosen → home page redrawn in ${redrawMs} ms`);

			await expect(page.locator('h1').textContent()).resolves.toBe('Exploitation plan 2025–27');
			await expect(page.getByTestId('partnership-name').textContent()).resolves.toBe('Stoke-on-Trent Safeguarding Children Partnership');
			await expect(page.locator('.real-data').textContent()).resolves.toMatch(/with\s+West Midlands and England for comparison/);
			await expect(page.getByTestId('own-notice').textContent()).resolves.toMatch(/no plan and no\s+measure yet\. Fill in the templates on the Import page/);
			await expect(page.locator('section.priority').count()).resolves.toBe(0);
			await expect(page.locator('article.indicator').count()).resolves.toBe(5);
			const cse = page.locator('article.indicator[data-measure="dfe-cse"]');
			await expect(cse.getByRole('list', { name: 'Areas' }).textContent()).resolves.toMatch(/Stoke-on-Trent.*West Midlands.*England/s);
			// Its 2024/25 count as published (C3: 174), in the chart's data table.
			const counts = await cse.locator('figure').first().locator('tbody tr', { hasText: '2024/25' }).locator('td').allTextContents();
			expect(counts).toEqual(['174']);

			// The measure page: its line, the region's and England's, counts as published.
			await page.goto(new URL('measure/?id=dfe-cse', page.url()).href);
			await waitForAppReady(page);
			const chart = page.getByRole('img', { name: /Turn-the-curve chart/ });
			await expect.poll(() => chart.locator('text.end-label').allTextContents(), { timeout: 30_000 }).toEqual(['Stoke-on-Trent', 'West Midlands', 'England']);
			const table = page.locator('figure.chart').first();
			await table.getByText('Data table').click();
			const cells = await table.locator('tbody tr', { hasText: '2024/25' }).locator('td').allTextContents();
			expect([cells[0], ...cells.slice(-2)]).toEqual(['174', '1,160', '12,400']);

			// Kept in this browser: a reload opens Stoke-on-Trent's workspace, not the example.
			await page.goto(new URL('..', page.url()).href);
			await waitForAppReady(page);
			await expect.poll(() => page.locator('#population-heading').textContent(), { timeout: 60_000 }).toBe('Population indicators: Stoke-on-Trent');
			expect(tab.pageErrors).toEqual([]);
			expect(tab.foreignRequests).toEqual([]);
		} finally {
			await tab.close();
		}
	});
});
