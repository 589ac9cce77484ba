// Exploring the measures and the plan: filters held in the URL survive a reload, back and forward
// work, and every page draws from the same workspace.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openPage, waitForAppReady, type OpenedPage } from './browser';
import { expectNoAxeViolations } from './axe';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/**
 * Runs what makes the page query again and waits until it has drawn the answer. The old mark is
 * cleared first: cleared after, a quick answer could land in between and never be seen.
 */
async function redrawn(tab: OpenedPage, action: () => Promise<unknown>) {
	await tab.page.evaluate(() => delete document.body.dataset.ready);
	await action();
	await waitForAppReady(tab.page);
}

describe('the report card', () => {
	test('lists the data development agenda under the same filters, most needed first, sample tagged', async () => {
		const tab = await openPage(browser, '/measures/?priority=5');
		try {
			await waitForAppReady(tab.page);
			const agenda = tab.page.getByRole('table', { name: 'Data development agenda' });
			const wanted = () => agenda.locator('tbody tr[data-wanted]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-wanted')));
			await expect(wanted()).resolves.toEqual(['M30', 'M31', 'M33', 'M35']);
			const m31 = agenda.locator('tr[data-wanted="M31"]');
			await expect(m31.getByRole('rowheader').textContent()).resolves.toBe('CSE-flagged crimes that reach a charge or summons (%)sample');
			await expect(m31.locator('td').allTextContents()).resolves.toEqual([
				'High',
				'Humberside Police',
				'5. Risk management',
				'How well did we do it?',
				'Disruption and prosecution are the pursue strand of the plan; outcomes are recorded but not yet split by the CSE flag.',
				'September 2017',
				'Not yet'
			]);
			await expect(tab.page.getByRole('note').filter({ hasText: 'Agenda items tagged “sample”' }).count()).resolves.toBe(1);
			await expectNoAxeViolations(tab.page);

			// The agency filter takes the owner: a reload on the new URL shows that agency's items only.
			await tab.page.goto(new URL('/measures/?agency=humberside-police', tab.page.url()).href);
			await waitForAppReady(tab.page);
			await expect(wanted()).resolves.toEqual(['M31']);
			await tab.page.goto(new URL('/measures/?agency=nwg', tab.page.url()).href);
			await waitForAppReady(tab.page);
			await expect(agenda.count()).resolves.toBe(0);
			await expect(tab.page.getByText('No measure on the agenda matches these filters.').count()).resolves.toBe(1);
			expect(tab.consoleErrors).toEqual([]);
			expect(tab.pageErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});

	test('filters live in the URL: a reload shows the same view, back and forward work', async () => {
		const tab = await openPage(browser, '/measures/?priority=5&quadrant=how_well');
		try {
			await waitForAppReady(tab.page);
			const rows = tab.page.locator('table.report-card tbody tr[data-measure]');
			const filtered = await rows.count();
			expect(filtered).toBe(5);
			await expect(tab.page.getByRole('checkbox', { name: '5. Risk management' }).isChecked()).resolves.toBe(true);

			await tab.page.reload();
			await waitForAppReady(tab.page);
			await expect(rows.count()).resolves.toBe(filtered);

			await redrawn(tab, async () => {
				await tab.page.getByRole('checkbox', { name: 'Is anyone better off?' }).check();
				await tab.page.waitForURL(/quadrant=how_well%2Cbetter_off/);
			});
			await expect(rows.count()).resolves.toBe(filtered + 4);

			await tab.page.goBack();
			await tab.page.waitForURL((url) => url.searchParams.get('quadrant') === 'how_well');
			await expect.poll(() => rows.count()).toBe(filtered);
			await tab.page.goForward();
			await expect.poll(() => rows.count()).toBe(filtered + 4);
			expect(tab.consoleErrors).toEqual([]);
			expect(tab.pageErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});

	test('is sortable from the keyboard, and the sort lives in the URL: a reload and back keep it', async () => {
		const tab = await openPage(browser, '/measures/?q=confident');
		try {
			await waitForAppReady(tab.page);
			const header = tab.page.getByRole('button', { name: 'Latest' });
			const sorted = (direction: string) => tab.page.locator(`th[aria-sort="${direction}"]`, { hasText: 'Latest' });
			await header.focus();
			await tab.page.keyboard.press('Enter');
			await tab.page.waitForURL((url) => url.searchParams.get('sort') === 'latestValue' && !url.searchParams.has('dir'));
			await expect(sorted('ascending').count()).resolves.toBe(1);
			await tab.page.keyboard.press('Enter');
			await tab.page.waitForURL((url) => url.searchParams.get('dir') === 'descending');
			await expect(sorted('descending').count()).resolves.toBe(1);
			expect(new URL(tab.page.url()).searchParams.get('q')).toBe('confident');
			const order = () => tab.page.locator('table.report-card tbody tr[data-measure]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-measure')));
			const descending = await order();

			await tab.page.reload();
			await waitForAppReady(tab.page);
			await expect(sorted('descending').count()).resolves.toBe(1);
			await expect(order()).resolves.toEqual(descending);

			await tab.page.goBack();
			await tab.page.waitForURL((url) => url.searchParams.get('sort') === 'latestValue' && !url.searchParams.has('dir'));
			await expect.poll(() => sorted('ascending').count()).toBe(1);
			expect(tab.consoleErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});

	test('at 1366 × 900 and narrower, the name and the verdict of a measure stay in view, and no column is reached only by hiding it', async () => {
		const tab = await openPage(browser, '/measures/', { contextOptions: { viewport: { width: 1366, height: 900 } } });
		try {
			await waitForAppReady(tab.page);
			const first = tab.page.locator('table.report-card tbody tr[data-measure]').first();
			const name = first.getByRole('rowheader');
			const verdict = first.locator('td.verdict');
			const inView = async (width: number) => {
				for (const cell of [name, verdict]) {
					const box = (await cell.boundingBox())!;
					expect(box.x).toBeGreaterThanOrEqual(0);
					expect(box.x + box.width).toBeLessThanOrEqual(width);
				}
			};
			await inView(1366);
			await expect(verdict.textContent()).resolves.toMatch(/\S/);
			await expectNoAxeViolations(tab.page);

			// Narrower, the columns between scroll under the two that stay; a sort button reached from
			// the keyboard is brought clear of them, not left beneath.
			await tab.page.setViewportSize({ width: 1000, height: 900 });
			await inView(1000);
			const button = tab.page.getByRole('button', { name: '% change from baseline' });
			await button.focus();
			const box = (await button.boundingBox())!;
			const topmost = (x: number) => tab.page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('button')?.textContent?.trim() ?? null, [x, box.y + 4]);
			await expect(topmost(box.x + 1)).resolves.toBe('% change from baseline');
			await expect(topmost(box.x + box.width - 1)).resolves.toBe('% change from baseline');
			await inView(1000);
			expect(tab.consoleErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});
});

describe('a measure page', () => {
	test('draws the turn-the-curve chart with its forecast band, states its verdict and its rule', async () => {
		const tab = await openPage(browser, '/measure/?id=M19');
		try {
			await waitForAppReady(tab.page);
			await expect(tab.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Return interviews offered within 72 hours (%)');
			const chart = tab.page.getByRole('img', { name: /Turn-the-curve chart/ });
			await expect(chart.locator('path.band').getAttribute('d')).resolves.toMatch(/^M/);
			await expect(chart.locator('path.forecast').getAttribute('d')).resolves.toMatch(/^M/);
			await expect(chart.locator('g.review').count()).resolves.toBe(5);
			await expect(tab.page.locator('.verdict .rule').textContent()).resolves.toMatch(/^Rule: /);
			await tab.page.getByLabel('Forecast method').selectOption('theil-sen');
			await tab.page.waitForURL(/method=theil-sen/);
			expect(tab.consoleErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});
});

describe('the action plan and the agencies', () => {
	test('the plan filtered by agency lists only that agency’s items', async () => {
		const tab = await openPage(browser, '/plan/?agency=humberside-police');
		try {
			await waitForAppReady(tab.page);
			const items = tab.page.locator('article.item');
			const n = await items.count();
			expect(n).toBeGreaterThan(0);
			for (let i = 0; i < n; i++) {
				await expect(items.nth(i).getByRole('link', { name: 'Humberside Police' }).count()).resolves.toBe(1);
			}
			await expect(tab.page.locator('[role="status"]').first().textContent()).resolves.toBe(`${n} rated item${n === 1 ? '' : 's'}`);
		} finally {
			await tab.close();
		}
	});

	test('the plan counts how items moved between reviews and flags what needs attention', async () => {
		const tab = await openPage(browser, '/plan/');
		try {
			await waitForAppReady(tab.page);
			const row = tab.page.locator('section.transitions tbody tr', { hasText: 'Dec 2016 → Jul 2017' });
			const counts = (await row.locator('td').allTextContents()).map((t) => t.trim().match(/^\d+/)?.[0]);
			expect(counts).toEqual(['3', '13', '20', '2', '0', '0']);
			await row.locator('td').nth(3).locator('summary').click();
			await expect(row.locator('td').nth(3).getByRole('link').allTextContents()).resolves.toEqual(['4.1', '6.10b']);
			await expect(tab.page.getByRole('heading', { name: /^Past their timescale and not complete: \d+$/ }).count()).resolves.toBe(1);
		} finally {
			await tab.close();
		}
	});

	test('an agency page shows its items, its trajectory with a data table, its measures and the data it owns getting', async () => {
		const started = Date.now();
		const tab = await openPage(browser, '/agency/?id=young-and-safe');
		try {
			await waitForAppReady(tab.page);
			console.log(`agency page: drawn ${Date.now() - started} ms after navigation`);
			await expect(tab.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Young and Safe vulnerability team');
			const items = await tab.page.locator('article.item').count();
			await expect(tab.page.locator('.lede').textContent()).resolves.toContain(`Leads ${items} rated items`);
			const figure = tab.page.locator('figure.chart', { hasText: 'RAG trajectory: items led by' });
			await figure.getByText('Data table').click();
			const dec2016 = await figure.locator('tbody tr', { hasText: 'Dec 2016' }).locator('td').nth(1).allTextContents();
			expect(dec2016.length).toBe(1);
			await tab.page.getByLabel('Share of items (%)').check();
			await expect(figure.locator('svg text.tick', { hasText: '100%' }).count()).resolves.toBe(1);
			await expect(tab.page.locator('.measure-card').count()).resolves.toBeGreaterThan(0);
			// What it owns on the data development agenda, and nothing another agency owns.
			const agenda = tab.page.getByRole('table', { name: 'Measures wanted that Young and Safe vulnerability team owns getting' });
			await expect(agenda.locator('tbody tr[data-wanted]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-wanted')))).resolves.toEqual(['M30']);
			await expectNoAxeViolations(tab.page);
			expect(tab.consoleErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});
});
