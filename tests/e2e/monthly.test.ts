// Monthly data through the built app: a file of months imported on the Import page says what it
// rolled up; the measure page shows quarters or months, the rule and the year to date; the report
// card switches between quarters and months.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { launchBrowser, openPage, waitForAppReady } from './browser';

const FIXTURES = join(import.meta.dirname, '../fixtures/ingest');
const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Chooses a corpus file on the Import page, waits for its reading to say `says`, and imports it. */
async function importOnPage(page: Page, file: string, says: string): Promise<void> {
	await page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, file));
	const card = page.getByRole('article', { name: `File ${file}` });
	await expect.poll(async () => words(await card.textContent()), { timeout: 30_000 }).toContain(says);
	await card.getByRole('button', { name: `Import ${file}` }).click();
	await card.getByRole('status').filter({ hasText: /^Imported \d+ rows/ }).waitFor({ timeout: 30_000 });
}

describe('monthly data', () => {
	test('imported on the Import page, shown by quarter or by month with its rule and year to date', async () => {
		const tab = await openPage(browser, '/import/');
		try {
			const { page } = tab;
			await waitForAppReady(page);
			await importOnPage(page, 'ok-monthly-long.csv', 'From its months, 4 quarters and 3 years were rolled up by each measure’s rule');

			await page.goto(page.url().replace(/\/import\/.*$/, '/measure/?id=MM1'));
			await waitForAppReady(page);
			const rule = page.getByTestId('rollup-rule');
			await expect.poll(async () => words(await rule.textContent()), { timeout: 30_000 }).toContain('by the rule Sum: the months added up: for counts of events');
			// 12 + 15 + 9 + 11 + 14, April to August.
			expect(words(await page.getByTestId('year-to-date').textContent())).toBe('Financial year to date, 2018/19 to Aug 2018: 61 (5 of 5 months).');
			const table = page.locator('figure table').first();
			await expect.poll(async () => words(await table.textContent()), { timeout: 30_000 }).toContain('2018/19 Q1');
			expect(words(await table.textContent())).not.toContain('Aug 2018');
			await expectNoAxeViolations(page);

			await page.getByRole('radio', { name: 'Months' }).check();
			await expect.poll(() => new URL(page.url()).searchParams.get('periods'), { timeout: 30_000 }).toBe('months');
			await expect.poll(async () => words(await table.textContent()), { timeout: 30_000 }).toContain('Aug 2018');
			expect(words(await table.textContent())).not.toContain('2018/19 Q1');

			await page.goto(page.url().replace(/\/measure\/.*$/, '/measures/'));
			await waitForAppReady(page);
			const row = page.locator('table.report-card tr[data-measure="MM1"]');
			await expect.poll(async () => words(await row.textContent()), { timeout: 30_000 }).toContain('2018/19 Q2');
			await page.getByRole('radio', { name: 'Months' }).check();
			await expect.poll(async () => words(await row.textContent()), { timeout: 30_000 }).toContain('Aug 2018');
			expect(new URL(page.url()).searchParams.get('periods')).toBe('months');
			await expectNoAxeViolations(page);
		} finally {
			await tab.close();
		}
	});

	test('academic years: a measure declared academic shows its years as AY, September to August', async () => {
		const tab = await openPage(browser, '/import/');
		try {
			const { page } = tab;
			await waitForAppReady(page);
			await importOnPage(page, 'ok-academic-years.csv',
				'Periods read as academic years (September to August): 2017/18 = Sep 2017 – Aug 2018, shown as AY 2017/18 (2 cells');

			await page.goto(page.url().replace(/\/import\/.*$/, '/measure/?id=MA1'));
			await waitForAppReady(page);
			const table = page.locator('figure table').first();
			await expect.poll(async () => words(await table.textContent()), { timeout: 30_000 }).toContain('AY 2017/18');
			expect(words(await table.textContent())).toContain('AY 2016/17');
		} finally {
			await tab.close();
		}
	});
});
