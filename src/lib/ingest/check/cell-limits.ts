/**
 * How long a cell may be, by what it holds. A measure's name is shown on every page and in the
 * window's title, so a pasted essay there would fill them; a note is read as a paragraph; an id,
 * a period or a number is a few characters. A cell longer than its limit is refused with its row
 * and column, before anything is written.
 */
import type { Check } from './checks';
import type { ColumnMatch } from '../match/columns';
import { cell, type StagedFile } from '../stage/stage';

export interface CellLimit {
	chars: number;
	/** What such a cell holds, for the message: "a name". */
	what: string;
}

/** Excel's own limit: no cell of a workbook holds more, so no note saved from Excel is refused. */
export const TEXT_LIMIT: CellLimit = { chars: 32_767, what: 'a cell of text (Excel’s own limit)' };
/** Names and short descriptions: three lines of a page, far longer than any measure's name in DfE or ONS files. */
export const NAME_LIMIT: CellLimit = { chars: 300, what: 'a name' };
/** Ids, codes, periods, numbers and words from a short list (a unit, a RAG rating). */
export const SHORT_LIMIT: CellLimit = { chars: 100, what: 'an id, a code, a period or a number' };

/** Columns of free text: notes, progress, the plan's actions. */
export const TEXT_COLUMNS: ReadonlySet<string> = new Set(['notes', 'how', 'progress', 'action', 'why', 'heading', 'outcome_note', 'aliases', 'lead_agency']);
/** Columns of ids, codes, periods, numbers and words from a short list. */
export const SHORT_COLUMNS: ReadonlySet<string> = new Set([
	'period', 'value', 'numerator', 'denominator', 'target', 'measure_id', 'quadrant', 'polarity', 'unit', 'area_code',
	'action_id', 'item_id', 'review', 'rag', 'agency_id', 'time_period', 'time_identifier', 'geographic_level',
	'country_code', 'region_code', 'new_la_code', 'population_estimate', 'data_priority'
]);

/** The limit of the cells of each column: named ones by what they hold; a wide file's periods hold numbers; others are text. */
export function cellLimit(match: ColumnMatch, index: number): CellLimit {
	if (match.periods.includes(index)) return SHORT_LIMIT;
	for (const [name, at] of match.found) {
		if (at !== index) continue;
		return TEXT_COLUMNS.has(name) ? TEXT_LIMIT : SHORT_COLUMNS.has(name) ? SHORT_LIMIT : NAME_LIMIT;
	}
	return TEXT_LIMIT;
}

/**
 * A check for each column with a cell over its limit. The scan of the text (records.ts) knows
 * each column's longest cell, so a file within the limits (nearly every file) costs no query.
 */
export function cellLengthChecks(file: StagedFile, match: ColumnMatch): Check[] {
	const longest = file.decoded.scan.longestCells;
	const checks: Check[] = [];
	for (let i = 0; i < file.width; i++) {
		const limit = cellLimit(match, i);
		if ((longest[i] ?? 0) <= limit.chars) continue;
		checks.push({
			column: i,
			sql: `SELECT "row", ${cell(i)} AS value,
					'This cell is ' || format('{:,}', length(${cell(i)})) || ' characters long; ${limit.what} may have at most ${limit.chars.toLocaleString('en-GB')}.' AS message
				FROM ${file.table} WHERE length(${cell(i)}) > ${limit.chars}`,
			fix: limit === TEXT_LIMIT
				? 'Shorten the cell, or split the text over several rows or periods.'
				: `Shorten the cell to at most ${limit.chars.toLocaleString('en-GB')} characters; a longer description belongs in a notes column.`
		});
	}
	return checks;
}
