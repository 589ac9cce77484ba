// Exporting charts as a user does: the built app in Chromium, each export button clicked (or
// pressed from the keyboard) and the download captured and checked: the SVG is well-formed
// standalone XML with its title and non-ASCII text intact, the PNG is twice the chart's CSS
// size on white, the CSV holds exactly the figure's data table.
import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openPage, waitForAppReady, type OpenedPage } from './browser';

const CSE_RATE = 'Assessments where child sexual exploitation was a factor: rate per 10,000 children';
const RAG = 'RAG trajectory: Raising awareness';
const SPEND = 'Spend on out-of-area therapeutic placements (£)';

interface Downloaded {
	name: string;
	bytes: Buffer;
}

/** Clicks the button (or focuses it and presses a key) and returns the file it downloads. */
async function download(page: Page, button: Locator, key?: 'Enter' | 'Space'): Promise<Downloaded> {
	const event = page.waitForEvent('download', { timeout: 15_000 });
	if (key) {
		await button.focus();
		await page.keyboard.press(key);
	} else {
		await button.click();
	}
	const file = await event;
	expect(await file.failure()).toBeNull();
	return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The bytes as UTF-8, refusing anything else; a byte order mark is kept as U+FEFF. */
const utf8 = (bytes: Buffer) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);

describe('exporting a chart', () => {
	let browser: Browser;
	let tab: OpenedPage;
	let page: Page;
	const figureOf = (title: string) => page.locator('figure.chart', { has: page.getByRole('heading', { name: title, exact: true }) });
	const buttonOf = (title: string, format: string) => figureOf(title).getByRole('button', { name: `Download ${format}: ${title}`, exact: true });

	/** The on-page chart: its CSS size, the non-ASCII characters of its text and label. */
	const chartOnPage = (title: string) =>
		figureOf(title)
			.locator('svg[role="img"]')
			.first()
			.evaluate((svg) => {
				const { width, height } = svg.getBoundingClientRect();
				const text = `${svg.textContent ?? ''} ${svg.getAttribute('aria-label') ?? ''}`;
				return { width, height, nonAscii: [...new Set(text.match(/[^\x00-\x7f]/g) ?? [])] };
			});

	/** Parses the SVG in the page, as a viewer would, and reports what the test checks. */
	const inspectSvg = (text: string) =>
		page.evaluate((markup) => {
			const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
			const root = doc.documentElement;
			const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
			const references = [...doc.querySelectorAll('*')].flatMap((e) =>
				[...e.attributes].flatMap((a) => [...a.value.matchAll(/url\(\s*['"]?#([^'")\s]+)/g)].map((m) => m[1]!))
			);
			const chart = root.querySelector(':scope > svg');
			return {
				parseError: doc.querySelector('parsererror')?.textContent ?? null,
				name: root.localName,
				namespace: root.namespaceURI,
				xmlns: root.getAttribute('xmlns'),
				viewBox: root.getAttribute('viewBox'),
				width: Number(root.getAttribute('width')),
				height: Number(root.getAttribute('height')),
				title: root.querySelector(':scope > title')?.textContent ?? null,
				desc: root.querySelector(':scope > desc')?.textContent ?? null,
				visibleText: [...root.querySelectorAll(':scope > text')].map((t) => t.textContent).join(' '),
				chart: chart && { width: Number(chart.getAttribute('width')), height: Number(chart.getAttribute('height')), viewBox: chart.getAttribute('viewBox') },
				duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
				brokenReferences: references.filter((id) => !doc.getElementById(id)),
				references: references.length,
				tickStyle: doc.querySelector('text.tick')?.getAttribute('style') ?? null,
				classOnlyStyles: doc.querySelectorAll('[class]:not([style])').length
			};
		}, text);

	/** Decodes the PNG in the page; reports its corner pixel and whether it holds a colour. */
	const inspectPng = (bytes: Buffer, colour: [number, number, number]) =>
		page.evaluate(
			async ({ data, rgb }) => {
				const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
				const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
				const context = canvas.getContext('2d')!;
				context.drawImage(bitmap, 0, 0);
				const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
				let coloured = 0;
				let transparent = 0;
				for (let i = 0; i < pixels.length; i += 4) {
					if (pixels[i + 3]! < 255) transparent++;
					if (Math.abs(pixels[i]! - rgb[0]) < 8 && Math.abs(pixels[i + 1]! - rgb[1]) < 8 && Math.abs(pixels[i + 2]! - rgb[2]) < 8) coloured++;
				}
				return { width: bitmap.width, height: bitmap.height, corner: [...pixels.slice(0, 4)], coloured, transparent };
			},
			{ data: [...bytes], rgb: colour }
		);

	/** The figure's data table as text: header cells, then each row's cells. */
	const tableOf = (title: string) =>
		figureOf(title)
			.locator('details table')
			.evaluate((table) => [
				[...table.querySelectorAll('thead th')].map((c) => c.textContent ?? ''),
				...[...table.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? ''))
			]);

	beforeAll(async () => {
		browser = await launchBrowser();
		tab = await openPage(browser, '/', { contextOptions: { acceptDownloads: true } });
		page = tab.page;
		await waitForAppReady(page);
	});

	afterAll(async () => {
		await tab?.close();
		await browser?.close();
	});

	test('every figure has SVG, PNG and CSV buttons named for its chart, hidden when printing', async () => {
		const figures = page.locator('figure.chart');
		const count = await figures.count();
		expect(count).toBeGreaterThan(0);
		await expect(page.locator('figure.chart .export button').count()).resolves.toBe(3 * count);
		for (const format of ['SVG', 'PNG', 'CSV']) {
			await expect(buttonOf(CSE_RATE, format).count()).resolves.toBe(1);
			await expect(buttonOf(RAG, format).count()).resolves.toBe(1);
		}
		await page.emulateMedia({ media: 'print' });
		await expect(buttonOf(RAG, 'SVG').isVisible()).resolves.toBe(false);
		await page.emulateMedia({ media: 'screen' });
		await expect(buttonOf(RAG, 'SVG').isVisible()).resolves.toBe(true);
	});

	for (const [title, key] of [
		[CSE_RATE, undefined],
		[RAG, 'Enter']
	] as const) {
		test(`SVG of "${title}": well-formed standalone XML with its title, text alternative and styles`, async () => {
			const file = await download(page, buttonOf(title, 'SVG'), key);
			expect(file.name).toMatch(/^[a-z0-9-]+\.svg$/);
			const text = utf8(file.bytes);
			expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);

			const svg = await inspectSvg(text);
			expect(svg.parseError).toBeNull();
			expect(svg.name).toBe('svg');
			expect(svg.namespace).toBe('http://www.w3.org/2000/svg');
			expect(svg.xmlns).toBe('http://www.w3.org/2000/svg');
			expect(svg.viewBox).toBe(`0 0 ${svg.width} ${svg.height}`);
			expect(svg.title).toBe(title);
			const summary = await figureOf(title).locator('.summary').textContent();
			expect(svg.desc).toBe(summary);
			expect(svg.visibleText.replace(/\s+/g, ' ')).toContain(title); // the title, drawn on top

			// The chart keeps its CSS size inside, and the file is as wide as it.
			const onPage = await chartOnPage(title);
			expect(svg.chart).toMatchObject({ width: onPage.width, height: onPage.height });
			expect(svg.chart?.viewBox).toBeTruthy();
			expect(svg.width).toBe(onPage.width);
			expect(svg.height).toBeGreaterThan(onPage.height);

			// Styles from CSS classes are inlined; patterns are referenced by unique, existing ids.
			expect(svg.tickStyle).toContain('font-size: 11px');
			expect(svg.tickStyle).toContain('fill: rgb(80, 90, 95)');
			expect(svg.duplicateIds).toEqual([]);
			expect(svg.brokenReferences).toEqual([]);
			if (title === RAG) expect(svg.references).toBeGreaterThan(0);

			// Non-ASCII text comes through as UTF-8 characters, not dropped, not escaped.
			if (title === CSE_RATE) expect(onPage.nonAscii).toContain('–'); // "aged 0–17"
			for (const character of onPage.nonAscii) expect(text, `"${character}"`).toContain(character);
			expect(text).not.toMatch(/&#\d+;|&#x[0-9a-f]+;/i);
			if (title === CSE_RATE) {
				expect(text).toContain('0–17');
				expect(file.bytes.includes(Buffer.from('0–17', 'utf8'))).toBe(true);
			}
		});

		test(`PNG of "${title}": twice the chart's CSS size, on white`, async () => {
			const file = await download(page, buttonOf(title, 'PNG'), key === 'Enter' ? 'Space' : undefined);
			expect(file.name).toMatch(/^[a-z0-9-]+\.png$/);
			const size = pngSize(file.bytes);
			const onPage = await chartOnPage(title);
			const svg = await inspectSvg(utf8((await download(page, buttonOf(title, 'SVG'))).bytes));
			// As wide as the chart; as tall as the chart with its title and notes; both doubled.
			expect(size.width).toBe(2 * onPage.width);
			expect(size.height).toBe(2 * svg.height);
			expect(svg.chart?.height).toBe(onPage.height);

			const colour: [number, number, number] = title === RAG ? [0x00, 0x70, 0x3c] : [0x12, 0x43, 0x6d]; // green bars; the home series
			const png = await inspectPng(file.bytes, colour);
			expect(png).toMatchObject({ width: size.width, height: size.height, corner: [255, 255, 255, 255], transparent: 0 });
			expect(png.coloured).toBeGreaterThan(50);
		});

		test(`CSV of "${title}": the data table exactly, UTF-8 with a BOM`, async () => {
			const file = await download(page, buttonOf(title, 'CSV'), key);
			expect(file.name).toMatch(/^[a-z0-9-]+\.csv$/);
			expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			expect(utf8(file.bytes).startsWith('\uFEFF')).toBe(true);
			const text = utf8(file.bytes).slice(1);
			expect(text.endsWith('\r\n')).toBe(true);
			const records = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true }).data;
			const table = await tableOf(title);
			expect(table.length).toBeGreaterThan(1);
			expect(records).toEqual(table);
		});
	}

	test('"£" survives in the SVG and the CSV of a chart in pounds', async () => {
		const svg = utf8((await download(page, buttonOf(SPEND, 'SVG'))).bytes);
		expect((await inspectSvg(svg)).parseError).toBeNull();
		expect(svg).toMatch(new RegExp(`<title id="[^"]+">${SPEND.replace(/[()]/g, '\\$&')}</title>`));
		const csv = await download(page, buttonOf(SPEND, 'CSV'));
		expect(csv.name).toBe('spend-on-out-of-area-therapeutic-placements.csv');
		const records = Papa.parse<string[]>(utf8(csv.bytes).slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
		expect(records).toEqual(await tableOf(SPEND));
		expect(records.flat().some((cell) => cell.startsWith('£'))).toBe(true);
		expect(csv.bytes.includes(Buffer.from('£', 'utf8'))).toBe(true);
	});

	test('file names come from the chart titles', async () => {
		await expect(download(page, buttonOf(RAG, 'CSV')).then((f) => f.name)).resolves.toBe('rag-trajectory-raising-awareness.csv');
		await expect(download(page, buttonOf(CSE_RATE, 'SVG')).then((f) => f.name)).resolves.toBe(
			'assessments-where-child-sexual-exploitation-was-a-factor-rate-per-10000-children.svg'
		);
	});

	test('logs no console error, throws no exception, and asks nothing of any other origin', () => {
		expect(tab.consoleErrors).toEqual([]);
		expect(tab.pageErrors).toEqual([]);
		expect(tab.foreignRequests).toEqual([]);
		expect(tab.failedRequests).toEqual([]);
	});
});
