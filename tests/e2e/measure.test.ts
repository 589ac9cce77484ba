// What the user adds on a measure page — a locked forecast, notes — survives a reload (it is kept
// in this browser), and a population indicator draws its comparators and its rate per 10,000.
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

/** A fresh page load in the same browser context: the database starts empty and restores what was kept. */
async function reload(tab: OpenedPage) {
	await tab.page.reload();
	await waitForAppReady(tab.page);
}

describe('a measure page', () => {
	test('draws the XmR chart with its table, says its variation and assurance in words, keeps its baseline in the URL, and passes axe', async () => {
		// M19, sample: 20 quarters, 67.8% to 93.8%, higher is better, latest target 90%. The plan's first
		// review (Dec 2016) has only 11 quarters up to it, so the limits come from all 20: mean 77.9%,
		// mean moving range 3.06, limits 69.7% to 86.0% (NHSRplotthedots's rules worked through by hand).
		const tab = await openPage(browser, '/measure/?id=M19');
		try {
			const { page } = tab;
			await waitForAppReady(page);
			const name = 'Return interviews offered within 72 hours (%)';
			const chart = page.getByRole('img', { name: `XmR chart of ${name}: Common cause variation` });
			await chart.waitFor();
			await expect(chart.locator('g.point').count()).resolves.toBe(20);
			await expect(chart.locator('g.point-concern').count()).resolves.toBe(10);
			await expect(chart.locator('g.point-improvement').count()).resolves.toBe(8);
			await expect(chart.locator('g.point-common').count()).resolves.toBe(2);
			await expect(chart.locator('g.point-concern text.letter').first().textContent()).resolves.toBe('C');
			const badges = page.locator('.spc .badges');
			await expect(badges.locator('.words').allTextContents()).resolves.toEqual(['Common cause variation', 'Consistently fails the target']);

			const figure = page.locator('figure.chart', { has: page.getByRole('heading', { name: `XmR chart: ${name}` }) });
			await expect(figure.locator('.summary').textContent()).resolves.toBe(
				'Common cause variation. Consistently fails the target. Limits from all 20 points (fewer than 12 points up to the plan’s first review): mean 77.9%, process limits 69.7% to 86%. 18 of 20 points are special cause.'
			);
			await figure.getByText('Data table').click();
			const rows = figure.locator('tbody tr');
			await expect(rows.count()).resolves.toBe(20);
			await expect(rows.first().locator('th, td').allTextContents()).resolves.toEqual([
				'2014/15 Q1', '67.8%', '77.9%', '69.7%', '86%', 'Special cause concern', 'Below the lower process limit', 'Yes', '90%'
			]);
			await expect(rows.nth(15).locator('th, td').allTextContents()).resolves.toEqual([
				'2017/18 Q4', '93.8%', '77.9%', '69.7%', '86%', 'Special cause improvement', 'Above the upper process limit', 'Yes', '90%'
			]);
			await expect(rows.last().locator('td').nth(4).textContent()).resolves.toBe('Common cause');
			await expectNoAxeViolations(page);

			// Limits from the first 12 quarters (to 2016/17 Q4): mean 73.6%, limits 68.1% to 79.1%; the
			// latest, 80%, is then above the upper limit.
			await page.getByLabel('Limits fixed from').selectOption('2016/17 Q4');
			await page.waitForURL(/spc_to=2016%2F17\+Q4/);
			await expect.poll(() => badges.locator('.words').allTextContents()).toEqual(['Special cause improvement (high)', 'Consistently fails the target']);
			await expect(figure.locator('.summary').textContent()).resolves.toContain('Limits from the 12 points up to 2016/17 Q4: mean 73.6%, process limits 68.1% to 79.1%.');
			await reload(tab);
			await expect(badges.locator('.words').first().textContent()).resolves.toBe('Special cause improvement (high)');

			// The report card says the same, by the same function, with the default baseline.
			await page.getByRole('link', { name: 'All measures' }).click();
			await page.waitForURL(/\/measures\/$/);
			await expect
				.poll(() => page.locator('tr[data-measure="M19"] td.spc .words').allTextContents())
				.toEqual(['Common cause variation', 'Consistently fails the target']);
			expect(tab.consoleErrors).toEqual([]);
			expect(tab.pageErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});

	test('locks a forecast and adds a note: both drawn, kept across a reload, and taken back again', async () => {
		const tab = await openPage(browser, '/measure/?id=M19');
		try {
			const { page } = tab;
			await waitForAppReady(page);
			const verdict = page.locator('.verdict-message');
			const chart = page.getByRole('img', { name: /Turn-the-curve chart/ });
			const live = await verdict.textContent();
			const dataNotes = await page.locator('ol.notes li').count();
			await page.getByLabel('Agreed on').fill('2019-06-30');
			await page.getByRole('button', { name: 'Lock this forecast' }).click();
			await page.getByText('Forecast locked on 30 Jun 2019', { exact: true }).waitFor();
			// A note on a period: markup in it is text, never markup.
			const text = '<img src=x onerror=alert(1)> Operation Yellowhammer began';
			await page.getByLabel('Period', { exact: true }).selectOption('2017/18 Q2');
			await page.getByLabel('Note: what lies behind the curve in that period').fill(text);
			await page.getByRole('button', { name: 'Add note' }).click();
			const mine = page.locator('ol.notes li[data-note="yours"]');
			await mine.waitFor();

			const shown = async () => {
				await page.getByText('Forecast locked on 30 Jun 2019', { exact: true }).waitFor();
				// No actual ended after the day it was agreed: nothing is judged by a line that already knew it.
				await expect(verdict.textContent()).resolves.toBe('No actuals since the forecast. No actual since the forecast was locked on 2019-06-30');
				await expect(chart.locator('path.forecast.locked').count()).resolves.toBe(1);
				await expect(chart.locator('text.locked-label').textContent()).resolves.toBe('Locked 30 Jun 2019');
				await expect(page.locator('figure.chart th', { hasText: 'Forecast locked 30 Jun 2019' }).count()).resolves.toBe(1);
				await expect(page.getByLabel('Forecast method').count()).resolves.toBe(0);
				await expect(mine.locator('.text').textContent()).resolves.toBe(text);
				await expect(mine.locator('strong').textContent()).resolves.toBe('2017/18 Q2');
				// On the chart as a numbered note, like the data's own, with its text as the title.
				await expect(chart.locator('g.note').count()).resolves.toBe(dataNotes + 1);
				await expect(chart.locator('g.note title', { hasText: text }).textContent()).resolves.toBe(`2017/18 Q2: ${text}`);
				await expect(page.locator('main img').count()).resolves.toBe(0);
			};
			await shown();
			await reload(tab);
			await shown();

			// The report card judges by the same lock.
			await page.getByRole('link', { name: 'All measures' }).click();
			await page.waitForURL(/\/measures\/$/);
			await expect.poll(() => page.locator('tr[data-measure="M19"] td.verdict').textContent()).toBe('No actuals since the forecast');
			await page.goBack();
			await page.getByRole('button', { name: 'Unlock this forecast' }).click();
			await page.getByRole('button', { name: 'Lock this forecast' }).waitFor();
			await expect.poll(() => verdict.textContent()).toBe(live);
			await page.getByRole('button', { name: 'Delete your note on 2017/18 Q2' }).click();
			await expect.poll(() => mine.count()).toBe(0);

			await reload(tab);
			await expect(verdict.textContent()).resolves.toBe(live);
			await expect(chart.locator('path.forecast.locked').count()).resolves.toBe(0);
			await expect(page.locator('ol.notes li').count()).resolves.toBe(dataNotes);
			expect(tab.consoleErrors).toEqual([]);
			expect(tab.pageErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});

	test('a DfE indicator draws the region and England beside it, and switches to a rate per 10,000 held in the URL', async () => {
		const tab = await openPage(browser, '/measure/?id=dfe-cse');
		try {
			const { page } = tab;
			await waitForAppReady(page);
			const chart = page.getByRole('img', { name: /Turn-the-curve chart/ });
			const table = page.locator('figure.chart').first();
			// The latest year's actual, and the region's and England's (the table's last two columns).
			const latest = async () => {
				const cells = await table.locator('tbody tr', { hasText: '2024/25' }).locator('td').allTextContents();
				return [cells[0], ...cells.slice(-2)];
			};
			await expect(chart.locator('g.comparator').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-area')))).resolves.toEqual(['E12000003', 'E92000001']);
			await expect(chart.locator('text.end-label').allTextContents()).resolves.toEqual(['North East Lincolnshire', 'Yorkshire and The Humber', 'England']);
			await expect(table.locator('thead th').allTextContents()).resolves.toEqual(expect.arrayContaining(['Yorkshire and The Humber', 'England']));
			await table.getByText('Data table').click();
			// Counts as published: the area's, then the region's and England's.
			await expect(latest()).resolves.toEqual(['80', '1,360', '12,400']);

			const rate = page.getByRole('radio', { name: 'Rate per 10,000 children aged 0–17' });
			await rate.check();
			await page.waitForURL((url) => url.searchParams.get('as') === 'rate');
			const rates = ['23.9', '11.5', '10.2'];
			await expect.poll(latest).toEqual(rates);
			await expect(page.getByRole('heading', { name: /rate per 10,000 children$/ }).count()).resolves.toBe(1);

			await reload(tab);
			await expect(rate.isChecked()).resolves.toBe(true);
			await table.getByText('Data table').click();
			await expect(latest()).resolves.toEqual(rates);
			await page.goBack();
			await page.waitForURL((url) => !url.searchParams.has('as'));
			await expect.poll(latest).toEqual(['80', '1,360', '12,400']);
			await expect(page.getByRole('radio', { name: 'Number' }).isChecked()).resolves.toBe(true);
			expect(tab.consoleErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});
});
