// An action's timescale is free text ("April 2017", "Completed and to be reviewed in July 2017",
// "To commence in July 2016"). The due date is the last month and year it names: the date by
// which the plan expected the step done or reviewed. No month and year, no due date: never a guess.
import { monthFromWord } from './calendar';

const MONTH_YEAR = /\b([A-Za-z]{3,9})\.?\s+(\d{4})\b/g;

/** The first day of the last month-and-year the text names, as 'YYYY-MM-01', or null. */
export function dueDate(timescale: string | null | undefined): string | null {
	let due: string | null = null;
	for (const match of String(timescale ?? '').matchAll(MONTH_YEAR)) {
		const month = monthFromWord(match[1]!);
		const year = Number(match[2]);
		if (month !== null && year >= 1990 && year <= 2100) due = `${year}-${String(month).padStart(2, '0')}-01`;
	}
	return due;
}

/** True when an item is past its due date at a review and not complete (Blue). */
export function pastTimescale(timescale: string | null | undefined, review: string, rag: string | null): boolean {
	const due = dueDate(timescale);
	return due !== null && due < review && rag !== 'B';
}
