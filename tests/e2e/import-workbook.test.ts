// An Excel workbook through the built Import page: its sheets offered on the file's card (the
// hidden one marked, the first visible one read), another sheet previewed on choosing it, the
// sheet imported; read in a worker of the app's own origin, with no request anywhere else.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { pageForFile } from './browser';

const FIXTURES = join(import.meta.dirname, '../fixtures/ingest');

const shared = pageForFile('/import/');

test('a workbook: its sheets are offered, the chosen one previewed with its cells located, and imported', async () => {
	const { page } = shared.tab;
	const input = page.getByLabel('Choose files to import');
	await expect(input.getAttribute('accept')).resolves.toBe('.csv,.tsv,.txt,text/csv,.xlsx,.ods,.xls');
	await input.setInputFiles(join(FIXTURES, 'ok-workbook-long.xlsx'));
	const card = page.getByRole('article', { name: 'File ok-workbook-long.xlsx' });
	await card.getByText('No errors.').waitFor({ timeout: 30_000 });

	const picker = card.getByLabel('Sheet to import');
	await expect(picker.locator('option').allTextContents()).resolves.toEqual(['Notes (hidden in Excel)', 'Q3 2017']);
	await expect(picker.inputValue()).resolves.toBe('Q3 2017');
	await expect(card.locator('ul.reading li').first().textContent()).resolves.toBe(
		"Read from the sheet 'Q3 2017' of a workbook of 2 sheets (1 hidden); rows and columns are numbered as in the workbook.");
	// The hidden row's warning names the sheet in the Cell column.
	const warning = card.locator('table.problems tbody tr');
	await expect(warning.locator('td').allTextContents()).resolves.toEqual([
		'Warning', "'Q3 2017'", '', '', '',
		"Row 8 of 'Q3 2017' is hidden in Excel; it was read like the others.",
		'Unhide it in Excel (select the rows around, then Unhide) to check; delete it from the sheet if it should not be imported.'
	]);
	await expect(card.locator('table.problems thead th').allTextContents()).resolves.toEqual(['Kind', 'Cell', 'Row', 'Column', 'Value', 'What is wrong', 'How to fix it']);
	await expectNoAxeViolations(page);

	// The hidden notes sheet, chosen, is previewed on its own: it is no file of measures.
	await picker.selectOption('Notes');
	await card.getByText('1 error').waitFor({ timeout: 30_000 });
	await expect(card.getByLabel('Sheet to import').inputValue()).resolves.toBe('Notes');
	await expect(card.locator('table.problems tbody tr td').nth(1).textContent()).resolves.toBe('Notes!1:1');
	await expect(card.getByRole('button', { name: 'Import ok-workbook-long.xlsx' }).count()).resolves.toBe(0);

	await card.getByLabel('Sheet to import').selectOption('Q3 2017');
	await card.getByText('No errors.').waitFor({ timeout: 30_000 });
	await expect(card.locator('.totals').textContent()).resolves.toMatch(/^\s*Would add 5, change 0 and leave\s+0 unchanged\.\s*$/);
	await card.getByRole('button', { name: 'Import ok-workbook-long.xlsx' }).click();
	await card.getByRole('status').filter({ hasText: 'Imported 5 rows from ok-workbook-long.xlsx.' }).waitFor({ timeout: 30_000 });

	expect(shared.tab.foreignRequests).toEqual([]);
	expect(shared.tab.failedRequests).toEqual([]);
	expect(shared.tab.consoleErrors).toEqual([]);
	expect(shared.tab.pageErrors).toEqual([]);
});
