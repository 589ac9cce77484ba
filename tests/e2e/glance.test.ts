// The whole plan at a glance (overview and report), safe to publish (the report's exports prove no
// suppressed count can be worked out), and notes added in the app reaching the board report.
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { anotherValuePossible } from '../helpers/disclosure';
import { launchBrowser, openPage, waitForAppReady } from './browser';

const DATA = join(import.meta.dirname, '../../data');
const REVIEWS = ['Dec 2016', 'Jul 2017', 'Dec 2017', 'Jul 2018', 'Dec 2018'];
const KEYS = ['R', 'A', 'G', 'B', 'none'] as const;
const WORD: Record<string, (typeof KEYS)[number]> = { RED: 'R', AMBER: 'A', GREEN: 'G', BLUE: 'B', '': 'none' };
const PRIORITIES = ['Raising awareness', 'Online safety', "Young people's voice", 'Parents and carers', 'Risk management', 'Governance and performance'];

// Counted by hand from data/action-plan.csv and data/sample-reviews.csv: Review, Red, Amber, Green, Blue, Not rated, Items, Source.
const GLANCE = [
	['Dec 2016', '1', '7', '30', '0', '0', '38', 'seed'],
	['Jul 2017', '1', '5', '19', '13', '0', '38', 'sample'],
	['Dec 2017', '1', '3', '15', '18', '1', '38', 'sample'],
	['Jul 2018', '0', '2', '14', '21', '1', '38', 'sample'],
	['Dec 2018', '0', '0', '6', '32', '0', '38', 'sample']
];
// Safe to publish at 5: each red, amber or not-rated count below 5 hidden with the next smallest of its row.
const GLANCE_PUBLISHED = [
	['Dec 2016', '[c]', '[c]', '30', '0', '0', '38', 'seed'],
	['Jul 2017', '[c]', '[c]', '19', '13', '0', '38', 'sample'],
	['Dec 2017', '[c]', '[c]', '15', '18', '[c]', '38', 'sample'],
	['Jul 2018', '0', '[c]', '14', '21', '[c]', '38', 'sample'],
	['Dec 2018', '0', '0', '6', '32', '0', '38', 'sample']
];
// data/sample-measures.csv: M28's first eight quarters are 4, 4, 2, 3, 3, 5, 4, 4.
const M28_PUBLISHED = ['2014/15 Q1 [c]', '2014/15 Q2 [c]', '2014/15 Q3 [c]', '2014/15 Q4 [c]', '2015/16 Q1 [c]', '2015/16 Q2 5', '2015/16 Q3 [c]', '2015/16 Q4 [c]'];
// M25's quarters whose numerator (improved) is below 5, the percentage going with it; and 2015/16 Q1,
// which the file itself marks [c].
const M25_WITHHELD = ['2014/15 Q1', '2014/15 Q3', '2015/16 Q1', '2015/16 Q2', '2015/16 Q4', '2016/17 Q4', '2017/18 Q3', '2017/18 Q4', '2018/19 Q2', '2018/19 Q3'];
const SIGNALS = [
	['Special cause improvement', '18'],
	['Special cause concern', '0'],
	['Special cause, neither (no better direction)', '0'],
	['Common cause variation', '11'],
	['Too few points for an XmR chart', '0']
];

/** The plan's true counts, review → priority → RAG, from the shipped files. */
async function truth(): Promise<Map<string, number[][]>> {
	const plan = Papa.parse<Record<string, string>>(await readFile(join(DATA, 'action-plan.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
	const later = Papa.parse<Record<string, string>>(await readFile(join(DATA, 'sample-reviews.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
	const priorityOf = new Map(plan.map((r) => [r.item_id!, Number(r.priority)]));
	const cube = new Map(REVIEWS.map((r) => [r, PRIORITIES.map(() => KEYS.map(() => 0))]));
	const add = (review: string, item: string, word: string) => cube.get(review)![priorityOf.get(item)! - 1]![KEYS.indexOf(WORD[word.trim().toUpperCase()]!)]!++;
	for (const r of plan) add('Dec 2016', r.item_id!, r['RAG Dec 2016']!);
	for (const r of later) add(r.review!, r.item_id!, r.rag!);
	return cube;
}

const rowsOf = (page: Page, caption: string) =>
	page.locator('table', { has: page.locator('caption', { hasText: caption }) }).first().evaluate((t) =>
		[...(t as HTMLTableElement).tBodies[0]!.rows].map((r) => [...r.cells].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()))
	);

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('the whole plan at a glance', () => {
	test('tops the overview: every review’s RAG counts as bars and a table, and the measures by SPC signal', async () => {
		const tab = await openPage(browser, '/');
		try {
			await waitForAppReady(tab.page);
			const glance = tab.page.locator('section.glance');
			await glance.waitFor();
			// At the top: before the population indicators and the first priority.
			const order = await tab.page.evaluate(() => {
				const g = document.querySelector('section.glance')!;
				const p = document.querySelector('#population')!;
				return g.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING;
			});
			expect(order).toBeTruthy();
			const chart = glance.getByRole('img', { name: 'RAG ratings of the whole plan at each review' });
			await expect(chart.locator('text.segment-label').allTextContents()).resolves.toContain('G 30');
			await expect(chart.locator('text.tick', { hasText: /^[A-Z][a-z]{2} \d{4}$/ }).allTextContents()).resolves.toEqual(REVIEWS);
			await expect(rowsOf(tab.page, 'RAG of the whole plan at each review')).resolves.toEqual(GLANCE);
			await expect(rowsOf(tab.page, 'by the SPC signal of their latest point')).resolves.toEqual(SIGNALS);
			await expect(glance.locator('caption', { hasText: 'SPC signal' }).textContent()).resolves.toBe('The plan’s 29 measures by the SPC signal of their latest point');
			await expect(glance.getByRole('button', { name: /SVG|PNG|CSV/ }).count()).resolves.toBe(3);
			expect(tab.consoleErrors).toEqual([]);
			expect(tab.pageErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	});

	test('tops the report; turned off, safe to publish shows every count and says so', async () => {
		const tab = await openPage(browser, '/report/?publish=off');
		try {
			await waitForAppReady(tab.page);
			await expect(rowsOf(tab.page, 'RAG of the whole plan at each review')).resolves.toEqual(GLANCE);
			await expect(rowsOf(tab.page, 'by the SPC signal of their latest point')).resolves.toEqual(SIGNALS);
			await expect(tab.page.locator('.publish-note').textContent()).resolves.toBe('Safe to publish is off: every count is shown. For use within the partnership only.');
			await expect(tab.page.getByLabel('Hide small counts as [c]').isChecked()).resolves.toBe(false);
		} finally {
			await tab.close();
		}
	});
});

describe('safe to publish: the report and its export pack', () => {
	test('on by default: [c] in exactly the cells expected, the same in the HTML and the CSVs, and none recoverable from the totals', async () => {
		const cube = await truth();
		const tab = await openPage(browser, '/report/');
		try {
			const { page } = tab;
			await waitForAppReady(page);
			await expect(page.getByLabel('Hide small counts as [c]').isChecked()).resolves.toBe(true);
			await expect(page.locator('.publish-note').textContent()).resolves.toBe(
				'Safe to publish: counts from 1 to 4 (threshold 5) are shown as [c]: the plan’s RAG counts, with further counts hidden so that no total reveals them, and the measures’ counts (count measures, numerators and denominators, and any rate worked out from a withheld count), left out of every figure worked out from them.'
			);
			await expect(rowsOf(page, 'RAG of the whole plan at each review')).resolves.toEqual(GLANCE_PUBLISHED);

			const [download] = await Promise.all([
				page.waitForEvent('download', { timeout: 120_000 }),
				page.getByRole('button', { name: 'Download export pack (zip)' }).click()
			]);
			const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
			const csv = (prefix: string) => {
				const name = Object.keys(files).find((n) => n.startsWith(`tables/${prefix}`));
				expect(name, prefix).toBeDefined();
				return Papa.parse<string[]>(strFromU8(files[name!]!), { skipEmptyLines: true }).data;
			};
			const glance = csv('rag-of-the-whole-plan-at-each-review');
			expect(glance[0]).toEqual(['Review', 'Red', 'Amber', 'Green', 'Blue (complete)', 'Not rated', 'Items', 'Source']);
			expect(glance.slice(1)).toEqual(GLANCE_PUBLISHED);

			// Each review as the reader of the pack sees it: priorities × RAG from each priority's table,
			// the plan's row from the glance. Every shown count is the true one; every [c] hides a true
			// count that the shown counts and totals leave open (brute force over every possible table).
			const html = strFromU8(files[Object.keys(files).find((n) => n.endsWith('.html'))!]!);
			const htmlGlance = await page.evaluate((text) => {
				const doc = new DOMParser().parseFromString(text, 'text/html');
				const table = [...doc.querySelectorAll('table')].find((t) => t.caption?.textContent === 'RAG of the whole plan at each review')!;
				return [...table.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => (c.textContent ?? '').trim()));
			}, html);
			expect(htmlGlance).toEqual(GLANCE_PUBLISHED);

			const priorityTables = PRIORITIES.map((name) =>
				csv(`rag-trajectory-${name.toLowerCase().replace(/'/g, '').replace(/\s+/g, '-')}`).slice(1)
			);
			let hiddenCells = 0;
			for (const [r, review] of REVIEWS.entries()) {
				const body = cube.get(review)!;
				const rowTotals = body.map((row) => row.reduce((a, b) => a + b, 0));
				const colTotals = KEYS.map((_, j) => body.reduce((a, row) => a + row[j]!, 0));
				const grid = [...body.map((row, i) => [...row, rowTotals[i]!]), [...colTotals, colTotals.reduce((a, b) => a + b, 0)]];
				const seen = grid.map((row) => row.map(() => ''));
				PRIORITIES.forEach((_, i) => {
					for (const [j, key] of KEYS.entries()) {
						const word = { R: 'Red', A: 'Amber', G: 'Green', B: 'Blue (complete)', none: 'Not rated' }[key];
						seen[i]![j] = priorityTables[i]!.find((row) => row[0] === review && row[1] === word)?.[2] ?? '0';
					}
					// A priority's items at a review: shown as the sum of its counts, unless one is hidden.
					seen[i]![KEYS.length] = seen[i]!.slice(0, KEYS.length).includes('[c]') ? '[c]' : String(rowTotals[i]);
				});
				glance[r + 1]!.slice(1, 7).forEach((cell, j) => (seen[PRIORITIES.length]![j] = cell));
				const hidden = seen.map((row) => row.map((cell) => cell === '[c]'));
				seen.forEach((row, i) => row.forEach((cell, j) => !hidden[i]![j] && expect(Number(cell), `${review} ${i},${j}`).toBe(grid[i]![j])));
				for (const [i, row] of hidden.entries()) {
					for (const [j, h] of row.entries()) {
						if (!h) continue;
						hiddenCells++;
						expect(anotherValuePossible(grid, hidden, [i, j]), `${review}: the hidden count at ${i},${j} can be worked out`).toBe(true);
					}
				}
			}
			expect(hiddenCells).toBeGreaterThan(0);

			// A count measure's small counts, and a percentage of a small numerator, withheld in the page and the pack.
			const audited = (await rowsOf(page, 'Turn the curve: CSE case files audited by the LSCB')).slice(0, 8).map((r) => `${r[0]} ${r[1]}`);
			expect(audited).toEqual(M28_PUBLISHED);
			expect(csv('turn-the-curve-cse-case-files-audited-by-the-lscb').slice(1, 9).map((r) => `${r[0]} ${r[1]}`)).toEqual(M28_PUBLISHED);
			const camhs = await rowsOf(page, 'Turn the curve: Sexually exploited young people with improved wellbeing after CAMHS therapy (%)');
			expect(camhs.filter((r) => r[1] === '[c]').map((r) => r[0])).toEqual(M25_WITHHELD);
			console.log(`safe to publish: ${hiddenCells} counts hidden across ${REVIEWS.length} reviews, none recoverable`);
		} finally {
			await tab.close();
		}
	}, 240_000);
});

describe('notes added in the app reach the report', () => {
	test('a note added on the measure page is in the report’s story behind the curve, with its period and date, as text', async () => {
		const tab = await openPage(browser, '/measure/?id=M19');
		try {
			const { page } = tab;
			await waitForAppReady(page);
			const text = '<b>Return interviews</b> moved to the Young and Safe team';
			await page.getByLabel('Period', { exact: true }).selectOption('2017/18 Q2');
			await page.getByLabel('Note: what lies behind the curve in that period').fill(text);
			await page.getByRole('button', { name: 'Add note' }).click();
			await page.locator('ol.notes li[data-note="yours"]').waitFor();
			const name = (await page.locator('h1').textContent())!.trim();

			await page.goto('/report/?publish=off');
			await waitForAppReady(page);
			const added = page.locator('.priority-section ul.notes li[data-note="added"]');
			await expect.poll(() => added.count(), { timeout: 30_000 }).toBe(1);
			const day = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
			await expect(added.textContent()).resolves.toBe(`${name}, 2017/18 Q2: ${text} (note added ${day})`);
			await expect(added.locator('b').count()).resolves.toBe(0);
			expect(tab.consoleErrors).toEqual([]);
		} finally {
			await tab.close();
		}
	}, 120_000);
});
