import type { Database } from '../db/database';
import { str } from '../db/sql';
import { sha256 } from './checksum';
import { detectFormat, matchColumns, missingColumns } from './columns';
import type { DataSource, FormatHandler } from './context';
import { importDfe, type DfeSelection } from './dfe';
import { FORMATS, formatSpec, type FormatId } from './formats';
import { importMeasuresLong } from './measures';
import { importPlan } from './plan';
import { importPopulation } from './population';
import { fileProblem, hasErrors, type Problem } from './problems';
import { importAgencies, importPriorities } from './reference';
import { importReviews } from './reviews';
import { stageCsv } from './stage';
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
		case 'action-plan': return importPlan;
		case 'reviews': return importReviews;
		case 'agencies': return importAgencies;
		case 'priorities': return importPriorities;
		case 'population': return importPopulation;
		case 'dfe': return request.dfe ? importDfe(request.dfe) : 'Choose the areas and the indicators to take from this DfE file.';
	}
}

async function dropTemporaryTables(db: Database): Promise<void> {
	const temp = await db.rows<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE temporary`);
	if (temp.length) await db.exec(temp.map((t) => `DROP TABLE IF EXISTS temp.main."${t.name}"`).join(';\n'));
}

/**
 * One file, from bytes to tables: read by DuckDB, checked, and written in one transaction,
 * or not written at all. A file with any error writes nothing and leaves loaded data as it was.
 */
export async function importFile(db: Database, request: ImportRequest): Promise<ImportOutcome> {
	const outcome: ImportOutcome = { file: request.name, format: null, rowCount: 0, problems: [], importId: null, rowsWritten: 0 };
	try {
		const file = await stageCsv(db, request.name, request.bytes);
		outcome.rowCount = file.rowCount;
		const spec = request.format ? formatSpec(request.format) : detectFormat(file.headers, FORMATS);
		if (!spec) {
			outcome.problems.push({
				...fileProblem(request.name, `The headers (${file.headers.filter(Boolean).join(', ')}) match none of the file formats.`,
					'Start from a template on the Import page: the headers name the columns, in any order.'),
				row: 1
			});
			return outcome;
		}
		outcome.format = spec.id;
		const match = matchColumns(file.headers, spec);
		const missing = missingColumns(match, spec);
		if (missing.length) {
			outcome.problems.push({ ...fileProblem(request.name, `Missing column: ${missing.join(', ')}.`, `Add a column headed ${missing.join(', ')}.`), row: 1 });
			return outcome;
		}
		const handler = handlerFor(spec.id, request);
		if (typeof handler === 'string') {
			outcome.problems.push(fileProblem(request.name, handler, 'Pick them on the Import page.'));
			return outcome;
		}
		const source = request.source ?? 'imported';
		const prepared = await handler({ db, file, spec, match, source, lookups: new Lookups() });
		outcome.problems.push(...(prepared.problems ?? []), ...(await runChecks(db, file, prepared.checks)));
		if (hasErrors(outcome.problems)) return outcome;
		const checksum = await sha256(request.bytes);
		await db.transaction(async (session) => {
			const [next] = await session.rows<{ id: number }>('SELECT coalesce(max(import_id), 0) + 1 AS id FROM imports');
			const importId = next!.id;
			outcome.rowsWritten = await prepared.write(session, importId);
			await session.exec(`INSERT INTO imports VALUES (${importId}, ${str(request.name)}, ${str(checksum)},
				${str(spec.id)}, ${str(source)}, now()::TIMESTAMP, ${file.rowCount})`);
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
		await dropTemporaryTables(db).catch(() => undefined);
	}
}
