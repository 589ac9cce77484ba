import type { Database } from '../db/database';
import { str } from '../db/sql';
import { sha256 } from './checksum';
import { closestFormat, detectFormat, matchColumns, missingColumns } from './columns';
import type { DataSource, FormatHandler } from './context';
import { decodeCsv } from './decode';
import { importDfe, type DfeSelection } from './dfe';
import { readingProblems } from './file-problems';
import { FORMATS, formatSpec, type FormatId } from './formats';
import { ignoredColumns, repeatedColumns, strayCells } from './header-checks';
import { importMeasuresLong } from './measures';
import { importMeasuresWide } from './wide';
import { importPlan } from './plan';
import { importPopulation } from './population';
import { fileProblem, hasErrors, headerProblem, type Problem } from './problems';
import { importAgencies, importPriorities } from './reference';
import { importReviews } from './reviews';
import { dropStaged, newPrefix, stageDecoded } from './stage';
import { runChecks } from './checks';
import { Lookups } from './lookup';

export interface ImportRequest {
	name: string;
	bytes: Uint8Array;
	source?: DataSource;
	/** Skip detection: the caller knows the format. */
	format?: FormatId;
	/** For DfE open data: which areas and indicators to take. */
	dfe?: DfeSelection;
}

export interface ImportOutcome {
	file: string;
	format: FormatId | null;
	rowCount: number;
	problems: Problem[];
	/** Set when the file was written; null when it was refused. */
	importId: number | null;
	rowsWritten: number;
}

function handlerFor(format: FormatId, request: ImportRequest): FormatHandler | string {
	switch (format) {
		case 'measures-long': return importMeasuresLong;
		case 'measures-wide': return importMeasuresWide;
		case 'action-plan': return importPlan;
		case 'reviews': return importReviews;
		case 'agencies': return importAgencies;
		case 'priorities': return importPriorities;
		case 'population': return importPopulation;
		case 'dfe': return request.dfe ? importDfe(request.dfe) : 'Choose the areas and the indicators to take from this DfE file.';
	}
}

const TEMPLATE_FIX = 'Start from a template on the Import page: the headers name the columns, in any order.';

/**
 * One file, from bytes to tables: read by DuckDB, checked, and written in one transaction,
 * or not written at all. A file with any error writes nothing and leaves loaded data as it was.
 */
export async function importFile(db: Database, request: ImportRequest): Promise<ImportOutcome> {
	const outcome: ImportOutcome = { file: request.name, format: null, rowCount: 0, problems: [], importId: null, rowsWritten: 0 };
	const prefix = newPrefix();
	let counter = 0;
	try {
		const decoded = decodeCsv(request.bytes);
		outcome.problems.push(...readingProblems(request.name, request.bytes, decoded));
		if (hasErrors(outcome.problems)) return outcome;
		const file = await stageDecoded(db, request.name, decoded, prefix);
		outcome.rowCount = file.rowCount;
		const spec = request.format ? formatSpec(request.format) : detectFormat(file.headers, FORMATS);
		const near = spec ?? closestFormat(file.headers, FORMATS);
		if (!near) {
			outcome.problems.push(headerProblem(request.name, file.headerRow, null,
				`The headers (${file.headers.filter(Boolean).join(', ')}) match none of the file formats.`, TEMPLATE_FIX));
			return outcome;
		}
		const match = matchColumns(file.headers, near);
		const missing = missingColumns(match, near);
		if (missing.length) {
			outcome.problems.push(headerProblem(request.name, file.headerRow, null,
				`This looks like a file of ${near.title.toLowerCase()}, but it has no column for ${missing.join(', ')}.`,
				`Add columns for ${missing.join(', ')} (headers in any case; spaces, _ and - are ignored).`));
			return outcome;
		}
		outcome.format = near.id;
		outcome.problems.push(...repeatedColumns(file, match));
		if (file.rowCount === 0) {
			outcome.problems.push(fileProblem(request.name, 'The file has a header row but no rows of data.', 'Add the data below the header, or pick the file that holds it.'));
		}
		const handler = handlerFor(near.id, request);
		if (typeof handler === 'string') {
			outcome.problems.push(fileProblem(request.name, handler, 'Pick them on the Import page.'));
		}
		if (hasErrors(outcome.problems) || typeof handler === 'string') return outcome;
		const source = request.source ?? 'imported';
		const temp = (name: string) => `${prefix}${name}${++counter}`;
		const prepared = await handler({ db, file, spec: near, match, source, lookups: new Lookups(prefix), temp });
		const stray = strayCells(file);
		outcome.problems.push(
			...(near.warnsOtherColumns ? ignoredColumns(file, match, near) : []),
			...(prepared.problems ?? []),
			// Stray cells first: a shifted row's other problems follow from them.
			...(await runChecks(db, file, [...(stray ? [stray] : []), ...prepared.checks]))
		);
		if (hasErrors(outcome.problems)) return outcome;
		const checksum = await sha256(request.bytes);
		await db.transaction(async (session) => {
			const [next] = await session.rows<{ id: number }>('SELECT coalesce(max(import_id), 0) + 1 AS id FROM imports');
			const importId = next!.id;
			outcome.rowsWritten = await prepared.write(session, importId);
			await session.exec(`INSERT INTO imports VALUES (${importId}, ${str(request.name)}, ${str(checksum)},
				${str(near.id)}, ${str(source)}, now()::TIMESTAMP, ${file.rowCount})`);
			outcome.importId = importId;
		});
		return outcome;
	} catch (error) {
		outcome.importId = null;
		outcome.rowsWritten = 0;
		outcome.problems.push(fileProblem(request.name, `The file could not be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
			'Check that it is a CSV file saved from Excel or similar; if it is, report this message.'));
		return outcome;
	} finally {
		await dropStaged(db, prefix).catch(() => undefined);
	}
}
