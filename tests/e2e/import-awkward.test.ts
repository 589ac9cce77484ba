// An awkward file through the Import page: a UTF-8 file with one stray Windows-1252 byte is read
// as UTF-8 (no mojibake), and the page warns at the byte's row and column.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pageForFile } from './browser';

const FIXTURES = join(import.meta.dirname, '../fixtures/ingest');

const shared = pageForFile('/import/');

describe('the Import page and a stray byte', () => {
	test('keeps the UTF-8 text and warns at the stray byte’s row and column', async () => {
		await shared.tab.page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'ok-utf8-one-stray-1252-byte.csv'));
		const card = shared.tab.page.getByRole('article', { name: 'File ok-utf8-one-stray-1252-byte.csv' });
		await card.getByText('No errors.').waitFor({ timeout: 30_000 });
		await expect(card.locator('p.verdict').textContent()).resolves.toContain('1 warning.');
		await expect(card.locator('ul.reading li').first().textContent()).resolves.toBe('Read as UTF-8 text, comma-separated, Unix line breaks (LF).');
		const cells = await card.locator('table.problems tbody tr').first().locator('td').allTextContents();
		expect(cells.slice(0, 4)).toEqual(['Warning', '4', 'notes', 'Closed Oct–Nov']);
		expect(cells[4]).toBe('The byte 0x96 (at byte offset 303 of the file) is not UTF-8, as the rest of the file is: it was read as the Windows-1252 character “–”.');
		// The measure's name, in UTF-8 throughout, shows as written in the preview of changes.
		await expect(card.getByText('Sessions at the Café – youth club').count()).resolves.toBeGreaterThan(0);
		await card.getByRole('button', { name: 'Discard' }).click();
		await card.getByText('Not imported. Nothing was changed.').waitFor();
	});
});
