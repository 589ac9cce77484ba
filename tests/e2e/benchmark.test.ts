// A population indicator beside the home area's statistical neighbours and every authority:
// rank, quartile, the neighbours' average (each neighbour on request) and the funnel plot.
// The example loads its area, its region and England; the second test loads every authority the way a
// user would, with the button that loads every authority's published figures (the loadAllAreas command).
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { launchBrowser, openPage, waitForAppReady, type OpenedPage } from './browser';


let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const cells = (row: import('playwright-core').Locator) => row.locator('th, td').allTextContents();

describe('statistical neighbours and the funnel plot on a measure page', () => {
	test('with the data the app ships: the ten neighbours and their closeness; the rank said to be among the one authority loaded', async () => {
		const tab = await openPage(browser, '/measure/?id=dfe-cse');
		try {
			const { page } = tab;
			await waitForAppReady(page);
			const section = page.locator('section[aria-labelledby="neighbours-heading"]');
			await section.waitFor();
			await expect(section.getByTestId('standing').textContent()).resolves.toBe(
				'In 2024/25, North East Lincolnshire: 23.9 per 10,000 children. 1st of 1 authorities (1st = the highest rate), 1st quartile (1st = the highest rates). Its neighbours’ average: not shown (0 of 10 have a figure).'
			);
			await expect(section.locator('.few').textContent()).resolves.toMatch(/Only 1 authority has figures loaded/);
			const list = section.locator('table.list tbody tr');
			await expect(list.count()).resolves.toBe(10);
			await expect(cells(list.first())).resolves.toEqual(['1', 'Doncaster', 'Very close', '']);
			await expect(cells(list.nth(4))).resolves.toEqual(['5', 'Walsall', 'Close', '']);
			await expect(cells(list.last())).resolves.toEqual(['10', 'Tameside', 'Close', '']);
			const funnel = page.locator('figure.chart', { has: page.getByRole('heading', { name: 'Funnel plot: Assessments where child sexual exploitation was a factor, 2024/25' }) });
			await expect.poll(() => funnel.locator('.point-home').count(), { timeout: 30_000 }).toBe(1);
			await expect(tab.consoleErrors).toEqual([]);
			await expectNoAxeViolations(page);
		} finally {
			await tab.close();
		}
	});

	test('with every authority’s figures loaded from the measure page: rank 11th of 153, the neighbours’ average and each neighbour, the funnel plot with its outliers named; axe passes', async () => {
		const tab: OpenedPage = await openPage(browser, '/measure/?id=dfe-cse', { contextOptions: { acceptDownloads: true } });
		try {
			const { page } = tab;
			await waitForAppReady(page);
			await page.getByRole('button', { name: 'Load every authority’s figures' }).click({ timeout: 60_000 });
			await expect.poll(() => page.locator('section[aria-labelledby="neighbours-heading"] .few').count(), { timeout: 60_000 }).toBe(0);

			// The home page's panel of the indicator draws the neighbours' average beside the comparators.
			await page.goto(new URL('/', page.url()).href);
			await waitForAppReady(page);
			const panel = page.locator('article.indicator[data-measure="dfe-cse"]');
			await expect.poll(() => panel.locator('ul.legend li').allTextContents(), { timeout: 30_000 }).toContain('Statistical neighbours’ average');

			await page.goto(new URL('/measure/?id=dfe-cse', page.url()).href);
			await waitForAppReady(page);
			const section = page.locator('section[aria-labelledby="neighbours-heading"]');
			// NEL 2024/25: 80 / 33,522 × 10,000 = 23.9; ten authorities higher (tests/db/benchmark.test.ts); neighbours' mean 12.97.
			await expect.poll(() => section.getByTestId('standing').textContent(), { timeout: 30_000 }).toBe(
				'In 2024/25, North East Lincolnshire: 23.9 per 10,000 children. 11th of 153 authorities (1st = the highest rate), 1st quartile (1st = the highest rates). Its 10 statistical neighbours averaged 13 (10 of 10 with a figure).'
			);
			await expect(section.locator('.few').count()).resolves.toBe(0);
			await expect(cells(section.locator('table.list tbody tr').nth(1))).resolves.toEqual(['2', 'Stoke-on-Trent', 'Very close', '27.8']);

			const figure = section.locator('figure.chart');
			await figure.getByText('Data table').click();
			const row = (name: string) => figure.locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) });
			await expect(figure.locator('thead th').allTextContents()).resolves.toEqual([
				'Rate per 10,000 children', '2017/18', '2018/19', '2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25'
			]);
			await expect(cells(row('North East Lincolnshire’s rank'))).resolves.toEqual([
				'North East Lincolnshire’s rank', '124 of 149', '122= of 148', '2 of 151', '2 of 150', '11= of 149', '3 of 152', '56 of 150', '11 of 153'
			]);
			await expect(cells(row('Neighbours’ average')).then((c) => c.at(-1))).resolves.toBe('13');
			await expect(cells(row('North East Lincolnshire’s quartile')).then((c) => c.at(-1))).resolves.toBe('1st');
			await expect(figure.locator('path.series').count()).resolves.toBe(2);
			await section.getByLabel('Show each neighbour').check();
			await page.waitForURL(/neighbours=each/);
			await expect.poll(() => figure.locator('path.series').count(), { timeout: 30_000 }).toBe(12);
			await expect(figure.locator('tbody tr').count()).resolves.toBe(15);
			// Their 2024/25 rates, nearest first: Doncaster 24 / 68,271 … Tameside 113 / 52,901 (tests/db/benchmark.test.ts).
			const latest = await figure.locator('tbody tr').evaluateAll((trs) => trs.slice(5).map((tr) => tr.lastElementChild?.textContent));
			expect(latest).toEqual(['3.5', '27.8', '12.8', '7.5', '4', '17.4', '11.4', '10.8', '13.1', '21.4']);

			const funnel = page.locator('figure.chart', { has: page.getByRole('heading', { name: 'Funnel plot: Assessments where child sexual exploitation was a factor, 2024/25' }) });
			await expect.poll(() => funnel.locator('.point').count(), { timeout: 30_000 }).toBe(153);
			await expect(funnel.locator('.point-neighbour').count()).resolves.toBe(10);
			await expect(funnel.locator('text.name').allTextContents()).resolves.toContain('North East Lincolnshire');
			const outliers = funnel.getByTestId('funnel-outliers');
			await expect(outliers.locator('.lead').textContent()).resolves.toBe(
				'153 authorities in 2024/25; England 10.2 per 10,000 children. North East Lincolnshire: 23.9, above the 99.8% limit. 44 within the 95% limits.'
			);
			// Counted independently with scipy over the published files: 36 above 99.8%, 16 above 95% only, 12 below 95% only, 45 below 99.8%.
			await expect(outliers.locator('strong').allTextContents()).resolves.toEqual([
				'Above the 99.8% limit (36):', 'Above the 95% limit (within the 99.8%) (16):', 'Below the 95% limit (within the 99.8%) (12):', 'Below the 99.8% limit (45):'
			]);
			await expect(outliers.locator('p', { hasText: 'Above the 99.8% limit (' }).textContent()).resolves.toMatch(
				/^Above the 99\.8% limit \(36\): Barking and Dagenham, Blackpool, Bristol, City of, Bury, .*North East Lincolnshire.*Stoke-on-Trent.*Tameside.*Wakefield/
			);
			await funnel.getByText('Data table').click();
			await expect(funnel.locator('tbody tr').count()).resolves.toBe(153);
			// Limits at 33,522 children around England's 12,400 / 12,183,016: scipy gives 7.05–14.21 and 5.63–16.80.
			await expect(cells(funnel.locator('tbody tr').first())).resolves.toEqual([
				'North East Lincolnshire', 'Home area', '33,522', '80', '23.9', '7.1', '14.2', '5.6', '16.8', 'Above the 99.8% limit'
			]);
			// Its exports, like every chart's: the CSV is the data table as shown; the SVG draws the named areas.
			const title = 'Funnel plot: Assessments where child sexual exploitation was a factor, 2024/25';
			const saved = async (format: string) => {
				const event = page.waitForEvent('download', { timeout: 15_000 });
				await funnel.getByRole('button', { name: `Download ${format}: ${title}`, exact: true }).click();
				const file = await event;
				return readFile((await file.path())!, 'utf8');
			};
			const csv = (await saved('CSV')).replace(/^\uFEFF/, '').split(/\r?\n/);
			expect(csv.slice(0, 2)).toEqual([
				'Authority,Marked as,Children aged 0–17,Assessments,"Rate per 10,000",95% lower limit,95% upper limit,99.8% lower limit,99.8% upper limit,Against the limits',
				'North East Lincolnshire,Home area,"33,522",80,23.9,7.1,14.2,5.6,16.8,Above the 99.8% limit'
			]);
			const svg = await saved('SVG');
			expect(svg).toContain('<clipPath');
			expect(svg).toContain('North East Lincolnshire');

			await page.getByLabel('Year').selectOption('2023/24');
			await page.waitForURL(/funnel=2023%2F24/);
			await page.getByRole('heading', { name: 'Funnel plot: Assessments where child sexual exploitation was a factor, 2023/24' }).waitFor();
			await expect(tab.consoleErrors).toEqual([]);
			await expect(tab.foreignRequests).toEqual([]);
			await expectNoAxeViolations(page);
		} finally {
			await tab.close();
		}
	}, 300_000);
});
