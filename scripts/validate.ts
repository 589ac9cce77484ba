/**
 * npm run validate -- FILE... [--sheet NAME] [--json]
 *
 * Checks CSV files and workbooks (.xlsx, .ods, .xls: the first visible sheet, or the sheet NAME) with the same reading and validation code as the Import page, on the same
 * DuckDB engine (its Node build), against the app's sample data (so agencies, priorities, plan
 * items and loaded measures resolve). Nothing is written anywhere. Prints each file's report
 * (how it was read; every problem with file, row, column, value, message and fix; what it would
 * change) or, with --json, the same as JSON. Exit code 1 when any file has errors.
 *
 * Built by Vite's SSR build into .svelte-kit/validate/ (Node 20 cannot run TypeScript itself).
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeEngine } from '../src/lib/db/node-engine';
import { openDatabase } from '../src/lib/db/open';
import type { Database } from '../src/lib/db/database';
import type { DfeSelection } from '../src/lib/ingest/formats/dfe';
import { discardPreview, previewImport, type ImportPreview } from '../src/lib/ingest/preview';
import { fileProblem, hasErrors, problemTotals } from '../src/lib/ingest/check/problems';
import { previewReport } from '../src/lib/ingest/report-text';
import { readWorkbookHere } from '../src/lib/ingest/read/workbook/read-here';
import { loadSample } from '../src/lib/ingest/sample';
import { areaDataFrom } from '../src/lib/db/area-data-node';

// The built file is .svelte-kit/validate/validate.js; the sample data is the project's data/.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE = 'Usage: npm run validate -- FILE... [--sheet NAME] [--json]\nChecks each CSV file or workbook as the Import page does (a workbook\'s first visible sheet, or the sheet NAME); exit code 1 when any file has errors.';

/** A DfE file is checked for every area and indicator column it has: the page lets the user choose. */
function everything(preview: ImportPreview): DfeSelection | null {
	const dfe = preview.dfe;
	if (!dfe || dfe.indicators.length === 0) return null;
	const filters = Object.fromEntries(dfe.filters.filter((f) => f.values.length > 1).map((f) => [f.column, f.values[0]!.value]));
	return {
		areas: dfe.areas.map((a) => a.code),
		indicators: dfe.indicators.map((i) => ({ column: i.column, measureId: `check-${i.column}`, name: i.column })),
		filters
	};
}

async function check(db: Database, path: string, sheet: string | undefined): Promise<ImportPreview> {
	const name = basename(path);
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await readFile(path));
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		const outcome = { file: name, format: null, rowCount: 0, importId: null, rowsWritten: 0, rowsSkipped: 0, reading: null,
			problems: [fileProblem(name, `The file could not be opened: ${reason}`, 'Check the path and that the file can be read.')] };
		return { id: 0, outcome, changes: [], ready: false, rowsWithErrors: 0, validRowsPossible: false, dfe: null, checksum: null, workbook: null };
	}
	let preview = await previewImport(db, { name, bytes, sheet }, { readWorkbook: readWorkbookHere });
	const selection = everything(preview);
	if (selection) {
		await discardPreview(db, preview);
		preview = await previewImport(db, { name, bytes, sheet, dfe: selection }, { readWorkbook: readWorkbookHere });
	}
	await discardPreview(db, preview);
	return preview;
}

async function main(args: string[]): Promise<number> {
	const json = args.includes('--json');
	const at = args.indexOf('--sheet');
	const sheet = at >= 0 ? args[at + 1] : undefined;
	if (at >= 0 && sheet === undefined) {
		console.error(USAGE);
		return 2;
	}
	const files = args.filter((a, i) => a !== '--json' && (at < 0 || (i !== at && i !== at + 1)));
	if (files.length === 0 || files.some((f) => f === '--help' || f === '-h')) {
		console.error(USAGE);
		return files.length === 0 ? 2 : 0;
	}
	const db = await openDatabase(await createNodeEngine());
	const sample = await loadSample(db, async (path) => new Uint8Array(await readFile(join(ROOT, 'data', path))), await areaDataFrom(join(ROOT, 'data')));
	const broken = sample.filter((o) => hasErrors(o.problems));
	if (broken.length) throw new Error(`The sample data did not load: ${broken.map((o) => o.file).join(', ')}`);

	const previews: ImportPreview[] = [];
	// A CSV file has no sheets: --sheet is for the workbooks among the files.
	for (const file of files) previews.push(await check(db, file, sheet));
	const failed = previews.filter((p) => hasErrors(p.outcome.problems)).length;
	if (json) {
		console.log(JSON.stringify(previews.map((p) => ({
			file: p.outcome.file,
			ready: p.ready,
			...problemTotals(p.outcome.problems),
			format: p.outcome.format,
			rows: p.outcome.rowCount,
			rowsWithErrors: p.rowsWithErrors,
			validRowsPossible: p.validRowsPossible,
			reading: p.outcome.reading,
			workbook: p.workbook,
			problems: p.outcome.problems,
			changes: p.changes
		})), null, 2));
	} else {
		console.log(previews.map(previewReport).join('\n\n'));
		console.log(`\n${files.length} ${files.length === 1 ? 'file' : 'files'} checked: ${failed} with errors, ${files.length - failed} ready to import.`);
	}
	await db.close();
	return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error instanceof Error ? error.stack ?? error.message : String(error));
		process.exit(2);
	}
);
