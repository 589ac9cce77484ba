/**
 * A preview as plain text, for the command line and for logs: the same facts the Import page
 * shows (how the file was read, every problem with its row, column, value and fix, errors and
 * warnings told apart, and what importing would change).
 */
import type { ChangeSummary } from './compare/changes';
import type { ImportPreview } from './preview';
import { problemTotals, type Problem } from './check/problems';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function problemLines(p: Problem): string[] {
	const where = [p.cell ?? null, p.row === null ? (p.cell ? null : 'whole file') : `row ${p.row}`, p.column === null ? null : `column "${p.column}"`, p.value === null ? null : `value "${p.value}"`]
		.filter(Boolean)
		.join(', ');
	return [`  ${p.severity === 'error' ? 'ERROR  ' : 'Warning'} ${where}`, `          ${p.message}`, `          Fix: ${p.fix}`];
}

function changeLine(c: ChangeSummary): string {
	const unit = c.kind === 'measure' ? 'value' : 'rating';
	const parts = [
		c.added && count(c.added, `new ${unit}`),
		c.changed && count(c.changed, `changed ${unit}`),
		c.unchanged && count(c.unchanged, `unchanged ${unit}`),
		c.removed && count(c.removed, `removed ${unit}`)
	].filter(Boolean);
	const what = c.kind === 'measure' ? `${c.key} ${c.label}${c.isNew ? ' (new measure)' : ''}` : `Review ${c.label}${c.isNew ? ' (new review)' : ''}`;
	return `  ${what}: ${parts.join(', ') || 'nothing'}`;
}

export function previewReport(preview: ImportPreview): string {
	const { outcome } = preview;
	// A check lists its first 1,000 rows and counts the rest: the totals count them all.
	const { errors, warnings } = problemTotals(outcome.problems);
	const title = outcome.reading?.formatTitle ? ` (${outcome.reading.formatTitle})` : '';
	const lines = [`${outcome.file}${title}`];
	for (const sentence of outcome.reading?.sentences ?? []) lines.push(`  ${sentence}`);
	if (preview.workbook) {
		const sheets = preview.workbook.sheets.map((s) => `“${s.name}”${s.name === preview.workbook?.sheet ? ' (read)' : s.hidden ? ' (hidden in Excel)' : ''}`);
		lines.push(`  Sheets: ${sheets.join(', ')}.`);
	}
	if (outcome.problems.length) lines.push('');
	for (const p of outcome.problems) lines.push(...problemLines(p));
	const changes = preview.changes;
	if (changes.length) {
		lines.push('', `  Importing ${preview.ready ? '' : 'only its valid rows '}would change:`);
		for (const c of changes) {
			lines.push(changeLine(c));
			for (const d of c.details) lines.push(`      ${d.field}: ${d.before ?? '(blank)'} → ${d.after ?? '(blank)'}`);
			for (const v of c.changes) lines.push(`      row ${v.row}, ${v.what}: ${v.before ?? '(blank)'} → ${v.after ?? '(blank)'} (${v.fields.join(', ')})`);
		}
	}
	const verdict = errors === 0
		? 'Ready to import.'
		: preview.validRowsPossible
			? `Not imported as it is: ${count(preview.rowsWithErrors, 'row has', 'rows have')} errors; “import valid rows only” would write the other ${count(outcome.rowCount - preview.rowsWithErrors, 'row')}.`
			: 'Not imported: correct the errors and check the file again.';
	lines.push('', `  ${count(errors, 'error')}, ${count(warnings, 'warning')}. ${verdict}`);
	return lines.join('\n');
}
