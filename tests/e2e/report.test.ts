// Board papers: the highlight report printed to PDF with the page's own print stylesheet, and the
// export pack, checked as a board member and an analyst would meet them.
import { unzipSync, strFromU8 } from 'fflate';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openPage, waitForAppReady, type OpenedPage } from './browser';
import { pageText, pdfPages, type PdfTextItem } from './pdf-text';
import { expectNoAxeViolations } from './axe';

const PRIORITIES = ['Raising awareness', 'Online safety', "Young people's voice", 'Parents and carers', 'Risk management', 'Governance and performance'];
const TICK = /^(\d{4}\/\d{2}|[A-Z][a-z]{2} \d{4})$/;

let browser: Browser;
let tab: OpenedPage;
let measureNames: string[];

beforeAll(async () => {
	browser = await launchBrowser();
	tab = await openPage(browser, '/report/');
	await waitForAppReady(tab.page);
	measureNames = await tab.page.locator('table.report-card tbody th[scope="row"] a').allTextContents();
});
afterAll(async () => {
	await tab?.close();
	await browser?.close();
});

describe('the highlight report as PDF', () => {
	let pages: PdfTextItem[][];

	beforeAll(async () => {
		const started = Date.now();
		await tab.page.emulateMedia({ media: 'print' });
		const pdf = await tab.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
		console.log(`report PDF: ${pdf.length} bytes in ${Date.now() - started} ms`);
		pages = await pdfPages(new Uint8Array(pdf));
		console.log(`report PDF: ${pages.length} pages`);
		await tab.page.emulateMedia({ media: 'screen' });
	});

	test('has a cover, a summary and at least one page per priority', () => {
		expect(pages.length).toBeGreaterThanOrEqual(2 + PRIORITIES.length);
		expect(pageText(pages[0]!)).toContain('CSE action plan: highlight report');
		expect(pageText(pages[0]!)).toContain('sample data');
		expect(pageText(pages[1]!)).toContain('Summary');
	});

	test('names every priority and every measure', () => {
		// Lines wrap and ligatures ("fi") come out as items of their own: compare without white space.
		const squash = (s: string) => s.replace(/\s+/g, '');
		const all = squash(pages.map(pageText).join(''));
		for (const name of PRIORITIES) expect(all, name).toContain(squash(name));
		expect(measureNames.length).toBeGreaterThanOrEqual(29);
		for (const name of measureNames) expect(all, name).toContain(squash(name));
	});

	test('prints each report card whole: the verdict, its last column, is on the page', async () => {
		// The population indicators (five: CSE, missing, CCE, trafficking, gangs) have no chart, so their verdicts are printed in their card alone.
		const verdicts = await tab.page.locator('table.report-card', { hasText: 'Population indicators, North East Lincolnshire' }).locator('td.verdict').allTextContents();
		expect(verdicts.length).toBe(5);
		const squash = (s: string) => s.replace(/\s+/g, '');
		const all = squash(pages.map((items) => items.map((i) => i.text).join('')).join(''));
		for (const verdict of new Set(verdicts)) {
			expect(all.split(squash(verdict)).length - 1, verdict).toBe(verdicts.filter((v) => v === verdict).length);
		}
	});

	test('prints no navigation or buttons, and numbers its pages', () => {
		const all = pages.map(pageText).join(' ');
		expect(all).not.toContain('Download export pack');
		expect(all).not.toContain('Skip to main content');
		expect(pageText(pages[2]!)).toMatch(/page 3 of \d+/);
	});

	test('splits no chart across pages: each chart title has its axis on the same page', () => {
		let charts = 0;
		pages.forEach((items, p) => {
			const titles = items.filter((i) => /^(Turn the curve|RAG trajectory): /.test(i.text)).sort((a, b) => a.top - b.top);
			titles.forEach((title, t) => {
				charts++;
				// Charts sit two to a row: the boundary is the next title lower down the page.
				const next = titles.slice(t + 1).find((other) => other.top > title.top + 20)?.top ?? Infinity;
				const ticks = items.filter((i) => i.top > title.top && i.top < next && TICK.test(i.text));
				expect(ticks.length, `page ${p + 1}: ${title.text}`).toBeGreaterThan(0);
			});
		});
		expect(charts).toBeGreaterThanOrEqual(6 + 29);
	});
});

describe('the report page', () => {
	test('has no axe-core violation of WCAG 2.2 AA', async () => {
		await expectNoAxeViolations(tab.page);
	});
});

describe('the export pack', () => {
	let files: Record<string, Uint8Array>;

	beforeAll(async () => {
		const started = Date.now();
		const [download] = await Promise.all([
			tab.page.waitForEvent('download', { timeout: 120_000 }),
			tab.page.getByRole('button', { name: 'Download export pack (zip)' }).click()
		]);
		files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
		console.log(`export pack: ${Object.keys(files).length} files in ${Date.now() - started} ms`);
	}, 150_000);

	test('holds every chart as SVG and PNG, every table as CSV, and the report as HTML', async () => {
		const names = Object.keys(files);
		const figures = await tab.page.locator('article.report figure.chart').count();
		const tables = await tab.page.locator('article.report table').count();
		expect(names.filter((n) => n.endsWith('.svg'))).toHaveLength(figures);
		expect(names.filter((n) => n.endsWith('.png'))).toHaveLength(figures);
		expect(names.filter((n) => n.endsWith('.csv'))).toHaveLength(tables);
		for (const name of names.filter((n) => n.endsWith('.svg'))) {
			const svg = strFromU8(files[name]!);
			const ok = await tab.page.evaluate((text) => !new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror'), svg);
			expect(ok, name).toBe(true);
		}
		for (const name of names.filter((n) => n.endsWith('.png'))) {
			const png = files[name]!;
			expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join(''), name).toBe('PNG');
			const view = new DataView(png.buffer, png.byteOffset);
			expect(view.getUint32(16)).toBeGreaterThan(0);
		}
		const card = names.find((n) => n.startsWith('tables/report-card-risk-management'))!;
		const rows = strFromU8(files[card]!).trim().split('\r\n');
		const riskCard = tab.page.locator('table.report-card', { hasText: 'Report card: Risk management' });
		const shown = await riskCard.locator('tbody tr[data-measure]').count();
		expect(rows.length - 1).toBeGreaterThanOrEqual(shown);
		// Each measure's quadrant, a heading over its rows on the page, is a column of its row in the CSV.
		expect(rows[0]).toMatch(/^Quadrant,Measure,Latest,/);
		const howWell = await riskCard.locator('tbody', { has: tab.page.getByRole('rowheader', { name: 'How well did we do it?' }) }).locator('tr[data-measure]').count();
		expect(howWell).toBeGreaterThan(0);
		expect(rows.filter((r) => r.startsWith('How well did we do it?,'))).toHaveLength(howWell);
		// The data development agenda as drawn: a header and its six wanted measures, each with its data priority.
		const agenda = names.find((n) => n.startsWith('tables/data-development-agenda'));
		expect(agenda).toBeDefined();
		const wanted = strFromU8(files[agenda!]!).trim().split('\r\n');
		expect(wanted).toHaveLength(1 + 6);
		expect(wanted[0]).toBe('Measure wanted,Data priority,Owner,Plan priority,Quadrant,Why it is wanted,Expected,Data');
		expect(wanted).toContain('CSE-flagged crimes that reach a charge or summons (%)sample,High,Humberside Police,5. Risk management,How well did we do it?,Disruption and prosecution are the pursue strand of the plan; outcomes are recorded but not yet split by the CSE flag.,September 2017,Not yet');
		const html = strFromU8(files[names.find((n) => n.endsWith('.html'))!]!);
		expect(html).toContain('CSE action plan: highlight report');
		expect(html).not.toMatch(/<script/i);
		expect(html).toContain("default-src 'none'");
	});

	test('its HTML, opened from disk, links only to places in itself', async () => {
		const html = strFromU8(files[Object.keys(files).find((n) => n.endsWith('.html'))!]!);
		const links = await tab.page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'text/html');
			const ids = new Set([...doc.querySelectorAll('[id]')].map((el) => el.id));
			const all = [...doc.querySelectorAll('*')].flatMap((el) =>
				[...el.attributes].filter((a) => ['href', 'xlink:href', 'src', 'action', 'formaction'].includes(a.name)).map((a) => a.value)
			);
			// From a file:// URL only a fragment naming an element of the file itself (or data inline) leads anywhere.
			const inFile = (href: string) => href.startsWith('data:') || (href.startsWith('#') && ids.has(decodeURIComponent(href.slice(1))));
			const riskCard = [...doc.querySelectorAll<HTMLTableElement>('table.report-card')].find((t) => t.caption?.textContent === 'Report card: Risk management');
			const named = riskCard?.querySelector('tbody th[scope="row"] a');
			return {
				broken: all.filter((href) => !inFile(href)),
				count: all.length,
				// A measure's name leads to its turn-the-curve chart further down the same file.
				firstRiskMeasure: named && { text: named.textContent, target: doc.getElementById(decodeURIComponent(named.getAttribute('href')!.slice(1)))?.querySelector('.chart-title')?.textContent }
			};
		}, html);
		expect(links.broken).toEqual([]);
		expect(links.count).toBeGreaterThan(0);
		expect(links.firstRiskMeasure?.text).toBeTruthy();
		expect(links.firstRiskMeasure?.target).toBe(`Turn the curve: ${links.firstRiskMeasure?.text}`);
	});
});
