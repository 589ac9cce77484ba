// The home page as a user meets it: the built app in Chromium, the network cut off but for
// the app's own server, the sample data loaded with no upload.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openPage, waitForAppReady, type OpenedPage } from './browser';
import { expectNoAxeViolations } from './axe';

const PRIORITIES = ['Raising awareness', 'Online safety', "Young people's voice", 'Parents and carers', 'Risk management', 'Governance and performance'];

describe('the home page', () => {
	let browser: Browser;
	let tab: OpenedPage;
	let drawnAfterMs: number;

	beforeAll(async () => {
		browser = await launchBrowser();
		const started = Date.now();
		tab = await openPage(browser, '/');
		await waitForAppReady(tab.page);
		drawnAfterMs = Date.now() - started;
		console.log(`home page: charts drawn ${drawnAfterMs} ms after navigation`);
	});

	afterAll(async () => {
		await tab?.close();
		await browser?.close();
	});

	test('is served with a Content-Security-Policy that keeps everything on this origin', async () => {
		expect(tab.response?.status()).toBe(200);
		const header = tab.response?.headers()['content-security-policy'] ?? '';
		expect(header).toContain("default-src 'self'");
		expect(header).toContain("connect-src 'self'");
		// Static hosts cannot send headers: the page carries the same policy itself.
		const meta = await tab.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(meta).toContain("connect-src 'self'");
		expect(meta).not.toMatch(/https?:/);
	});

	test('shows all six priorities, each with its RAG mix, its RAG trajectory and its measures by quadrant', async () => {
		const sections = tab.page.locator('section.priority');
		await expect(sections.count()).resolves.toBe(6);
		for (const [i, name] of PRIORITIES.entries()) {
			const section = sections.nth(i);
			await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(`${i + 1}. ${name}`);
			await expect(section.locator('.rag-chip').count()).resolves.toBeGreaterThan(0);
			const trajectory = section.getByRole('img', { name: `RAG ratings of ${name} at each review` });
			await expect(trajectory.locator('rect').count()).resolves.toBeGreaterThanOrEqual(5);
			const quadrants = await section.locator('.quadrant h3').allTextContents();
			expect(quadrants.length, name).toBeGreaterThanOrEqual(2);
			const cards = section.locator('.measure-card');
			const n = await cards.count();
			expect(n, name).toBeGreaterThan(0);
			for (let c = 0; c < n; c++) {
				await expect(cards.nth(c).locator('svg[role="img"] path.series').getAttribute('d')).resolves.toMatch(/^M/);
			}
		}
	});

	test('RAG is never shown by colour alone: chips carry words and shapes, bars carry letters', async () => {
		const chip = await tab.page.locator('section.priority').first().locator('.rag-chip').first().textContent();
		expect(chip).toMatch(/Green|Amber|Red|Blue|Not rated/);
		await expect(tab.page.locator('.rag-chip svg path, .rag-chip svg circle, .rag-chip svg rect').count()).resolves.toBeGreaterThan(0);
		const letters = await tab.page.locator('.rag-trajectory .segment-label').allTextContents();
		expect(letters.some((l) => /^G \d+$/.test(l))).toBe(true);
	});

	test('switches a priority’s trajectory between items and shares, table included', async () => {
		const section = tab.page.locator('section.priority').first();
		await section.getByLabel('Share (%)').check();
		await expect(section.locator('.rag-trajectory text.tick', { hasText: '100%' }).count()).resolves.toBe(1);
		await section.getByText('Data table').first().click();
		await expect(section.locator('details.data-table tbody tr').first().textContent()).resolves.toContain('%');
		await section.getByLabel('Items').check();
	});

	test('shows the real DfE indicators for North East Lincolnshire with England and the region', async () => {
		const population = tab.page.locator('#population');
		for (const name of ['child sexual exploitation', 'going missing', 'child criminal exploitation']) {
			await expect(population.getByRole('heading', { level: 3, name: new RegExp(`where ${name} was a factor$`) }).count()).resolves.toBe(1);
		}
		await expect(population.getByText('Open Government Licence v3.0').count()).resolves.toBeGreaterThan(0);
		const legend = await population.locator('.legend').first().textContent();
		expect(legend).toContain('England');
		expect(legend).toContain('Yorkshire and The Humber');
	});

	test('every chart has a title, a text alternative and a data table of exactly the numbers drawn', async () => {
		const figures = tab.page.locator('figure.chart');
		const count = await figures.count();
		expect(count).toBe(6 + 29 + 10); // trajectories, measures, indicator pairs
		for (let i = 0; i < count; i++) {
			const figure = figures.nth(i);
			await expect(figure.locator('.chart-title').textContent()).resolves.toBeTruthy();
			await expect(figure.locator('.summary').textContent()).resolves.toMatch(/\w/);
			await expect(figure.locator('details table caption').count()).resolves.toBe(1);
		}
		// The CSE rate chart's table holds the published count and the rate drawn from it.
		const rates = tab.page.locator('figure.chart', { hasText: 'Assessments where child sexual exploitation was a factor: rate per 10,000' });
		await rates.getByText('Data table').click();
		const row = rates.locator('tr', { hasText: '2024/25' }).filter({ hasText: 'North East Lincolnshire' });
		await expect(row.locator('td').allTextContents()).resolves.toEqual(['North East Lincolnshire', '80', '33,522', '23.9']);
	});

	test('says wherever sample data is drawn, and where the real data comes from', async () => {
		const notices = tab.page.locator('.sample-notice');
		await expect(notices.count()).resolves.toBeGreaterThanOrEqual(6);
		for (let i = 0; i < 6; i++) {
			await expect(tab.page.locator('section.priority').nth(i).locator('.sample-notice').count()).resolves.toBeGreaterThan(0);
		}
		await expect(tab.page.locator('#sources').textContent()).resolves.toContain('Department for Education');
	});

	test('logs no console error, throws no exception, and asks nothing of any other origin', () => {
		expect(tab.consoleErrors).toEqual([]);
		expect(tab.pageErrors).toEqual([]);
		expect(tab.foreignRequests).toEqual([]);
		expect(tab.failedRequests).toEqual([]);
	});

	test('has no axe-core violation of WCAG 2.2 AA', async () => {
		await expectNoAxeViolations(tab.page);
	});
});
