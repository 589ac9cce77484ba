// A population indicator beside the home area's statistical neighbours and every authority:
// rank, quartile, the neighbours' average (each neighbour on request) and the funnel plot.
// The app ships three areas' DfE rows today; the second test loads every authority the way a user
// would, through the Import page (the published ONS and C3 files, every area ticked).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { launchBrowser, openPage, waitForAppReady, type OpenedPage } from './browser';

const PUBLISHED = '/work/shared/data/dfe';
const ONS = 'ons_mid-year_population_estimates_2012_to_2024.csv';
const C3 = 'c3_factors_identified_at_end_of_assessment_2018_to_2025.csv';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const cells = (row: import('playwright-core').Locator) => row.locator('th, td').allTextContents();

describe('shot', () => { test('shot', async () => {
		const tab: OpenedPage = await openPage(browser, '/import/', { contextOptions: { viewport: { width: 1200, height: 900 } } });
		const { page } = tab;
			await waitForAppReady(page);
			await page.getByLabel('Choose files to import').setInputFiles(join(PUBLISHED, ONS));
			const ons = page.getByRole('article', { name: `File ${ONS}` });
			await ons.getByRole('button', { name: `Import ${ONS}` }).click({ timeout: 60_000 });
			await ons.getByRole('status').filter({ hasText: /^Imported [\d,]+ rows/ }).waitFor({ timeout: 60_000 });

			await page.getByLabel('Choose files to import').setInputFiles(join(PUBLISHED, C3));
			const c3 = page.getByRole('article', { name: `File ${C3}` });
			const choices = c3.locator('fieldset.dfe');
			await choices.waitFor({ timeout: 60_000 });
			const areas = choices.locator('div').first().locator('input[type="checkbox"]');
			await expect(areas.count()).resolves.toBe(173); // England, 9 regions and 163 authority codes over the years (some changed)
			for (const box of await areas.all()) await box.check();
			await choices.getByLabel('Child sexual exploitation').check();
			await choices.getByRole('button', { name: 'Check these indicators' }).click();
			await c3.getByRole('button', { name: `Import ${C3}` }).click({ timeout: 60_000 });
			await c3.getByRole('status').filter({ hasText: /^Imported [\d,]+ rows/ }).waitFor({ timeout: 60_000 });

			await page.goto(new URL('/measure/?id=dfe-child-sexual-exploitation', page.url()).href);
			await waitForAppReady(page);
			await page.locator('section[aria-labelledby="funnel-heading"] svg[role="img"]').waitFor();
			await page.getByLabel('Show each neighbour').check();
			await page.waitForTimeout(1500);
			await page.locator('section[aria-labelledby="neighbours-heading"]').screenshot({ path: '/tmp/nb-neighbours.png' });
			await page.locator('section[aria-labelledby="funnel-heading"]').screenshot({ path: '/tmp/nb-funnel.png' });
	}, 300_000); });
