import { toCsv } from './csv';

const text = (cell: HTMLTableCellElement) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A row that only heads the rows below it (the report card's quadrants): one cell, scope rowgroup. */
const groupHeading = (row: HTMLTableRowElement) =>
	row.cells.length === 1 && row.cells[0]!.getAttribute('scope') === 'rowgroup' ? row.cells[0]! : null;

/**
 * A rendered HTML table as CSV: exactly the cells a reader sees (captions and headers included).
 * A rowgroup heading spans every column, so it has no place in a row of its own; it becomes a
 * first column of the rows it heads, named by its data-column attribute ("Group" without one).
 */
export function tableToCsv(table: HTMLTableElement): string {
	const [headRow, ...bodyRows] = [...table.rows];
	const head = headRow ? [...headRow.cells].map(text) : [];
	const headings = bodyRows.map(groupHeading).filter((h) => h !== null);
	let group = '';
	const body: string[][] = [];
	for (const row of bodyRows) {
		const heading = groupHeading(row);
		if (heading) group = text(heading);
		else if (row.cells.length === head.length) body.push([...(headings.length ? [group] : []), ...[...row.cells].map(text)]);
	}
	const labels = [...(headings.length ? [headings[0]!.dataset.column ?? 'Group'] : []), ...head];
	const columns = labels.map((label, i) => ({ key: String(i), label }));
	return toCsv(columns, body.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v]))));
}
