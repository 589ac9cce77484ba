import { toCsv } from './csv';

/** A rendered HTML table as CSV: exactly the cells a reader sees (captions and headers included). */
export function tableToCsv(table: HTMLTableElement): string {
	const rows = [...table.rows].map((tr) => [...tr.cells].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()));
	const [head = [], ...body] = rows;
	const columns = head.map((label, i) => ({ key: String(i), label }));
	return toCsv(columns, body.filter((r) => r.length === head.length).map((r) => Object.fromEntries(r.map((v, i) => [String(i), v]))));
}
