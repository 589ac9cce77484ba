// What the user adds on a measure page — a locked forecast, notes — survives a reload (it is kept
// in this browser), and a population indicator draws its comparators and its rate per 10,000.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openPage, waitForAppReady, type OpenedPage } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A fresh page load in the same browser context: the database starts empty and restores what was kept. */
async function reload(tab: OpenedPage) {
	await tab.page.reload();
	await waitForAppReady(tab.page);
}

describe('a measure page', () => {
	test('locks a forecast: drawn with its date, judging later actuals; kept across a reload; unlocked again', async () => {
		const tab = await openPage(browser, '/measure/?id=M19');
		try {
			const { page } = tab;
			await waitForAppReady(page);
			const verdict = page.locator('.verdict-message');
			const chart = page.getByRole('img', { name: /Turn-the-curve chart/ });
			const live = await verdict.textContent();
			await page.getByLabel('Agreed on').fill('2019-06-30');
			await page.getByRole('button', { name: 'Lock this forecast' }).click();

			const locked = async () => {
				await page.getByText('Forecast locked on 30 Jun 2019', { exact: true }).waitFor();
				// No actual ended after the day it was agreed: nothing is judged by a line that already knew it.
				await expect(verdict.textContent()).resolves.toBe('No actuals since the forecast. No actual since the forecast was locked on 2019-06-30');
				await expect(chart.locator('path.forecast.locked').count()).resolves.toBe(1);
				await expect(chart.locator('text.locked-label').textContent()).resolves.toBe('Locked 30 Jun 2019');
				await expect(page.locator('figure.chart th', { hasText: 'Forecast locked 30 Jun 2019' }).count()).resolves.toBe(1);
				await expect(page.getByLabel('Forecast method').count()).resolves.toBe(0);
			};
			await locked();
			await reload(tab);
			await locked();

			// The report card judges by the same lock.
			await page.getByRole('link', { name: 'All measures' }).click();
			await page.waitForURL(/\/measures\/$/);
			await expect.poll(() => page.locator('tr[data-measure="M19"] td.verdict').textContent()).toBe('No actuals since the forecast');
			await page.goBack();
			await page.getByRole('button', { name: 'Unlock this forecast' }).click();
			await page.getByRole('button', { name: 'Lock this forecast' }).waitFor();
			await expect.poll(() => verdict.textContent()).toBe(live);
			await reload(tab);
			await expect(verdict.textContent()).resolves.toBe(live);
			await expect(chart.locator('path.forecast.locked').count()).resolves.toBe(0);
			expect(tab.consoleErrors).toEqual([]);
			expect(tab.pageErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});
});
