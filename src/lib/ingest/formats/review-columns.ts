import { parseReviewDate } from '../../oba/periods';
import type { Problem } from '../check/problems';
import type { StagedFile } from '../stage/stage';

/** A review given as a pair of columns, such as "RAG Dec 2016" and "Progress Dec 2016". */
export interface ReviewColumns {
	date: string;
	label: string;
	rag: number;
	progress: number | null;
}

const RAG_HEADER = /^(?:rag|brag)(?:\s*rating)?\b[\s:-]*(.+)$/i;
const PROGRESS_HEADER = /^progress(?:\s*(?:in|at|note))?\b[\s:-]*(.+)$/i;

/** Finds the review column pairs among headers the format does not otherwise name. */
export function findReviewColumns(file: StagedFile, unmatched: readonly number[]): { reviews: ReviewColumns[]; problems: Problem[] } {
	const reviews: ReviewColumns[] = [];
	const progress = new Map<string, number>();
	const problems: Problem[] = [];
	const problem = (index: number, message: string, fix: string): Problem => ({
		severity: 'error', file: file.name, row: 1, column: file.headers[index] ?? null, value: file.headers[index] ?? null, message, fix
	});
	for (const index of unmatched) {
		const header = file.headers[index] ?? '';
		const p = PROGRESS_HEADER.exec(header);
		if (!p) continue;
		const date = parseReviewDate(p[1]!);
		if (date.ok) progress.set(date.date, index);
		else problems.push(problem(index, `The review in this header is not a date: ${date.message}`, 'Name the review as a month and year, e.g. "Progress Dec 2016".'));
	}
	for (const index of unmatched) {
		const header = file.headers[index] ?? '';
		const r = RAG_HEADER.exec(header);
		if (!r) continue;
		const date = parseReviewDate(r[1]!);
		if (!date.ok) {
			problems.push(problem(index, `The review in this header is not a date: ${date.message}`, 'Name the review as a month and year, e.g. "RAG Dec 2016".'));
			continue;
		}
		reviews.push({ date: date.date, label: date.label, rag: index, progress: progress.get(date.date) ?? null });
	}
	return { reviews, problems };
}
