// The exception report in the built app: on the overview and in the board report, with the exact
// exceptions of the shipped example, and a corrective action added through the page, kept across a
// reload, and printed in the report.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { launchBrowser, openPage, waitForAppReady, type OpenedPage } from './browser';
import { pageText, pdfPages } from './pdf-text';

/** The sample's exceptions (M19 Red by its tolerance; M04 Green and M24, M25 Amber by theirs) at 2018/19 Q4 and the Dec 2018 review (see tests/db/exceptions.test.ts). */
const MEASURES = [
	['measure:M19', 'M19 Return interviews offered within 72 hours (%)', 'Owner: Young and Safe vulnerability team']
];
const TEXT = 'Extra <b>return-interview</b> worker from January; weekly check by the team manager';
const ROLE = 'Police — Detective Inspector';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Today in UTC as the page writes it: '3 Dec 2026'. */
const today = () => {
	const d = new Date();
	return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

async function entries(page: Page) {
	const section = page.locator('section.exception-report');
	await expect.poll(() => section.locator('li.exception').count(), { timeout: 30_000 }).toBe(MEASURES.length);
	const rows = section.locator('li.exception');
	const out: string[][] = [];
	for (let i = 0; i < (await rows.count()); i++) {
		const row = rows.nth(i);
		out.push([(await row.getAttribute('data-exception'))!, (await row.locator('h4').innerText()).trim(), (await row.locator('.owner').innerText()).trim()]);
	}
	return out;
}

let browser: Browser;
let tab: OpenedPage;
beforeAll(async () => {
	browser = await launchBrowser();
	tab = await openPage(browser, '/');
	await waitForAppReady(tab.page);
});
afterAll(async () => {
	await tab?.close();
	await browser?.close();
});

describe('the exception report', () => {
	test('the overview lists the measure rated Red, with with its owner, and says no action is Red or Amber at Dec 2018', async () => {
		expect(await entries(tab.page)).toEqual(MEASURES);
		const section = tab.page.locator('section.exception-report');
		await expect(section.locator('h2').innerText()).resolves.toBe('Exceptions: 1 needs the board’s attention');
		await expect(section.locator('li.exception').nth(0).locator('.reasons').innerText()).resolves.toBe(
			'Red: 80% in 2018/19 Q4 against a target of 90% (short of target by more than the red threshold (10% of target))'
		);
		await expect(section.locator('li.exception').nth(0).locator('.rag-chip').innerText()).resolves.toBe('Red');
		await expect(section.getByText('No action is rated Red or Amber at the Dec 2018 review.').count()).resolves.toBe(1);
	});

	test('a corrective action needs a role; added, it shows as text with its role and date, and survives a reload', async () => {
		const m19 = tab.page.locator('li[data-exception="measure:M19"]');
		await m19.getByLabel('What is being done').fill(TEXT);
		await m19.getByRole('button', { name: 'Add corrective action' }).click();
		await expect(m19.getByRole('alert').innerText()).resolves.toMatch(/^Give your agency and role/);
		await m19.getByLabel(/Your agency and role/).fill(ROLE);
		await m19.getByRole('button', { name: 'Add corrective action' }).click();
		const note = m19.locator('li[data-corrective]');
		await expect.poll(() => note.count(), { timeout: 30_000 }).toBe(1);
		await expect(note.locator('.text').innerText()).resolves.toBe(TEXT);
		await expect(note.locator('b').count()).resolves.toBe(0); // markup stays text
		await expect(note.locator('.by').innerText()).resolves.toBe(`— ${ROLE}, ${today()}`);
		await expect(m19.getByLabel('What is being done').inputValue()).resolves.toBe('');

		await tab.page.reload();
		await waitForAppReady(tab.page);
		expect(await entries(tab.page)).toEqual(MEASURES);
		const kept = tab.page.locator('li[data-exception="measure:M19"] li[data-corrective]');
		await expect.poll(() => kept.count(), { timeout: 30_000 }).toBe(1);
		await expect(kept.innerText()).resolves.toContain(`${TEXT} — ${ROLE}, ${today()}`);
	});

	test('the overview, with the exceptions and a corrective action, has no axe-core violation', async () => {
		await expectNoAxeViolations(tab.page);
	});

	test('the board report shows the same exceptions and the corrective action, on screen and in its PDF', async () => {
		await tab.page.goto('/report/');
		await waitForAppReady(tab.page);
		expect(await entries(tab.page)).toEqual(MEASURES);
		const kept = tab.page.locator('li[data-exception="measure:M19"] li[data-corrective]');
		await expect.poll(() => kept.count(), { timeout: 30_000 }).toBe(1);
		await expect(kept.innerText()).resolves.toBe(`${TEXT} — ${ROLE}, ${today()}`);
		await expect(tab.page.locator('section.exception-report form').count()).resolves.toBe(0);
		await expectNoAxeViolations(tab.page);

		await tab.page.emulateMedia({ media: 'print' });
		const pdf = await tab.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
		await tab.page.emulateMedia({ media: 'screen' });
		const pages = (await pdfPages(new Uint8Array(pdf))).map(pageText);
		const squash = (s: string) => s.replace(/\s+/g, '');
		const page = pages.findIndex((p) => p.includes('Exceptions: 1 needs'));
		expect(page).toBeGreaterThan(0);
		const text = squash(pages.slice(page, page + 2).join(''));
		for (const [, name] of MEASURES) expect(text, name).toContain(squash(name!));
		expect(text).toContain(squash(TEXT));
		expect(text).toContain(squash(`${ROLE}, ${today()}`));
		expect(text).not.toContain(squash('Add corrective action'));
	});

	test('the report at the Dec 2017 review adds the actions rated Red and Amber then, with their leads', async () => {
		await tab.page.goto('/report/?review=2017-12-01');
		await waitForAppReady(tab.page);
		const items = tab.page.locator('section.exception-report li.exception[data-exception^="item:"]');
		await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(4);
		await expect(items.evaluateAll((els) => els.map((e) => e.getAttribute('data-exception')))).resolves.toEqual(['item:6.10b', 'item:4.1', 'item:5.3', 'item:5.7d']);
		await expect(items.first().locator('.owner').innerText()).resolves.toBe('Owners: Humberside Police; Young and Safe vulnerability team');
		await expect(items.first().locator('.reasons').innerText()).resolves.toBe('Red at the Dec 2017 review');
	});

	test('a corrective action deleted on the overview is gone from it and from the report', async () => {
		await tab.page.goto('/');
		await waitForAppReady(tab.page);
		const m19 = tab.page.locator('li[data-exception="measure:M19"]');
		await expect.poll(() => m19.locator('li[data-corrective]').count(), { timeout: 30_000 }).toBe(1);
		await m19.getByRole('button', { name: 'Delete the corrective action on M19' }).click();
		await expect.poll(() => m19.locator('li[data-corrective]').count(), { timeout: 30_000 }).toBe(0);
		await expect(m19.locator('.none').innerText()).resolves.toBe('None recorded yet.');
		await tab.page.goto('/report/');
		await waitForAppReady(tab.page);
		// Read, and none: every measure says so.
		await expect.poll(() => tab.page.locator('section.exception-report .none', { hasText: 'None recorded yet.' }).count(), { timeout: 30_000 }).toBe(1);
		await expect(tab.page.locator('section.exception-report li[data-corrective]').count()).resolves.toBe(0);
	});
});
