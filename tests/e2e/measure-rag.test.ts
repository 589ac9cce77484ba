// Measure RAG: the sample's tolerance for M19 (amber 5%, red 10% of target) rates it Red; a
// tolerance set on the measure page changes its chip there and on the report card, is kept across
// a reload, and clearing it brings back the file's.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { launchBrowser, openPage, waitForAppReady } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const RED = 'Red Short of target by more than the red threshold (10% of target)';
// 80% against 90%: short by 10, within 12% of 90 = 10.8.
const GREEN = 'Green Short of target by no more than the amber threshold (12% of target)';
const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('measure RAG', () => {
	test('set on the measure page: the chip changes there and on the report card, survives a reload, and clears', async () => {
		const tab = await openPage(browser, '/measure/?id=M19');
		try {
			const { page } = tab;
			await waitForAppReady(page);
			const chip = page.getByTestId('measure-rag');
			await expect.poll(async () => words(await chip.textContent()), { timeout: 30_000 }).toBe(RED);
			await expect(words(await page.locator('.tolerance .in-force').textContent())).toBe(
				'Tolerance: Green if short of target by up to 5% of target; Amber if short by up to 10% of target, Red beyond (from the measure’s file).');
			await expectNoAxeViolations(page);

			// A threshold that does not read is refused, and nothing changes.
			await page.getByLabel(/^Amber threshold/).fill('ten');
			await page.getByRole('button', { name: 'Save tolerance' }).click();
			await expect(words(await page.getByRole('alert').textContent())).toMatch(/^Amber threshold: "ten" is not a threshold;/);
			expect(words(await chip.textContent())).toBe(RED);

			await page.getByLabel(/^Amber threshold/).fill('12%');
			await page.getByRole('button', { name: 'Save tolerance' }).click();
			await expect.poll(async () => words(await chip.textContent()), { timeout: 30_000 }).toBe(GREEN);
			await expect(words(await page.locator('.tolerance .in-force').textContent())).toMatch(/\(set on this page\)\.$/);
			await expectNoAxeViolations(page);

			// The report card, reached from the page.
			await page.getByRole('link', { name: 'All measures' }).click();
			const cell = page.locator('table.report-card tr[data-measure="M19"] td.rag');
			await expect.poll(async () => words(await cell.textContent()), { timeout: 30_000 }).toBe(GREEN);
			await expect(words(await page.locator('table.report-card tr[data-measure="M24"] td.rag').textContent()))
				.toBe('Amber Short of target within the red threshold (25% of target)');
			await expect(words(await page.locator('table.report-card tr[data-measure="M13"] td.rag').textContent())).toBe('No target set');

			// Kept in this browser: a fresh load restores it.
			await page.reload();
			await waitForAppReady(page);
			await expect.poll(async () => words(await cell.textContent()), { timeout: 30_000 }).toBe(GREEN);
			await page.locator('table.report-card tr[data-measure="M19"] th a').click();
			await expect.poll(async () => words(await chip.textContent()), { timeout: 30_000 }).toBe(GREEN);
			await expect(page.getByLabel(/^Amber threshold/).inputValue()).resolves.toBe('12%');

			await page.getByRole('button', { name: 'Clear the tolerance set here' }).click();
			await expect.poll(async () => words(await chip.textContent()), { timeout: 30_000 }).toBe(RED);
			await page.reload();
			await waitForAppReady(page);
			await expect.poll(async () => words(await chip.textContent()), { timeout: 30_000 }).toBe(RED);
			expect(tab.consoleErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});
});
