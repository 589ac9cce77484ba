/**
 * How measures and their values are written: one definition of the rows each file would write,
 * read both by the writer and by the preview's diff, so the diff shows exactly what is written.
 */
import type { Session } from '../../db/database';
import { str } from '../../db/sql';
import { FILE_VALUE_COLUMNS, sameValueKey, valueRowSql, VALUE_KEY } from '../../db/value-columns';
import type { Previewed } from '../compare/changes';
import type { DataSource } from '../formats/context';
import { rolledUpSql } from '../formats/monthly-rollup';
import { MEASURE_DETAILS } from '../formats/measure-details';


/**
 * Each measure of a parsed rows table as it will be stored: what the file says, else what is
 * loaded already (so a blank threshold keeps the one loaded, as a blank quadrant does), else a default (a unit of % when the file gives percentages or numerators, £
 * when it gives pounds).
 */
export function mergedMeasuresSql(rows: string, source: DataSource): string {
	const pick = (name: string) => `coalesce(first(n.${name} ORDER BY n."row") FILTER (n.${name} IS NOT NULL), first(m.${name}))`;
	return `SELECT n.measure_id, ${pick('name')} AS name, ${pick('quadrant')} AS quadrant, ${pick('priority')} AS priority,
			${pick('agency_id')} AS agency_id, ${pick('polarity')} AS polarity,
			coalesce(${pick('unit')}, CASE WHEN bool_or(n.percent) OR count(n.numerator) > 0 THEN 'percent'
				WHEN bool_or(n.pounds) THEN 'gbp' ELSE 'count' END) AS unit,
			${str(source)} AS source, first(m.description) AS description,
			${MEASURE_DETAILS.map((d) => `${pick(d.column.name)} AS ${d.column.name}`).join(', ')}
		FROM ${rows} n LEFT JOIN measures m USING (measure_id) GROUP BY n.measure_id`;
}

/**
 * How the values' months are rolled up: null, not at all (no month in the file, no rule changed);
 * else the measures whose rule the file changes (ruleChangedSql), all of whose periods are rolled up again.
 */
export type RollUp = { remade: readonly string[] } | null;

/**
 * The values a parsed rows table will store: a blank value with a numerator and denominator is
 * their ratio. `kept` lists the columns the file does not have (target, note): a re-import keeps
 * what is stored for them, since leaving out a column is not saying it is blank. `rollUp`: the
 * rows are followed by the quarters and years rolled up from months.
 */
export function valuesOfMeasuresSql(rows: string, measures: string, kept: readonly ('target' | 'note')[] = [], rollUp: RollUp = null): string {
	const pick = (name: 'target' | 'note') => (kept.includes(name) ? `o.${name}` : `n.${name}`);
	const given = Object.fromEntries(FILE_VALUE_COLUMNS.map((c) => [c.name, `n.${c.name}`]));
	const asGiven = `SELECT n."row", ${valueRowSql({
		...given,
		value: `coalesce(n.value, CASE WHEN n.marker IS NULL AND n.denominator > 0 THEN
			n.numerator / n.denominator * CASE m.unit WHEN 'rate10k' THEN 10000 ELSE 100 END END)`,
		target: pick('target'),
		note: pick('note')
	})}
		FROM ${rows} n JOIN ${measures} m USING (measure_id)
		LEFT JOIN measure_values o ON ${sameValueKey('o', 'n')}`;
	// Rolling up reads the rows three times: only a file with months (or a rule changed) pays for it.
	return rollUp ? rolledUpSql(asGiven, measures, rollUp.remade) : asGiven;
}

/** The handlers that write values with writeValues declare this: it keeps measure_values' history itself. */
export const VALUES_HISTORY = ['measure_values'] as const;

/**
 * Replaces the stored values that `values` gives (same measure, area and period); leaves the others.
 * `values` is read once, into `temp`, before anything is deleted: it may read the stored values.
 * When the preview found that none replaces a stored value, they are written as they are read.
 * The history keeps every replaced row, as history.ts would find by comparing whole tables; the
 * written rows are known by their import_id (ADDED_BY_IMPORT_ID in schema.ts).
 */
export async function writeValues(
	session: Session, values: string, source: DataSource, importId: number, temp: string,
	options: {
		/** The file's checks already refuse a repeated measure, area and period (measure-checks.ts). */
		keysChecked?: boolean;
		/** What the preview found (Previewed.valuesReplacing). */
		replacing?: number;
	} = {}
): Promise<void> {
	const insert = (from: string) => `INSERT INTO measure_values BY NAME SELECT ${FILE_VALUE_COLUMNS.map((c) => c.name).join(', ')}, ${str(source)} AS source, ${importId} AS import_id FROM ${from}`;
	if (options.keysChecked && options.replacing === 0) {
		await session.exec(insert(`(${values})`));
		return;
	}
	const sameKey = sameValueKey('v', 'n');
	await session.exec(`CREATE OR REPLACE TEMP TABLE ${temp} AS ${values}`);
	// The table has no PRIMARY KEY to refuse a repeated key (schema.ts): this is that guard. With the
	// keys unique, an inner join finds each replaced row once, and DuckDB may hash the smaller side.
	const [repeated] = options.keysChecked ? [] : await session.rows<{ n: number }>(`SELECT count(*) AS n FROM (
		SELECT ${VALUE_KEY.join(', ')} FROM ${temp} GROUP BY ALL HAVING count(*) > 1)`);
	if (repeated?.n) throw new Error(`${repeated.n} values would share a measure, area and period with another.`);
	await session.exec(`
		INSERT INTO history_measure_values SELECT ${importId}, 'removed', v.* FROM ${temp} n JOIN measure_values v ON ${sameKey};
		DELETE FROM measure_values v USING ${temp} n WHERE ${sameKey};
		${insert(temp)}`);
}

/** Writes a parsed rows table: its measures (merged with what is loaded) and their values. */
export async function writeMeasures(
	session: Session,
	rows: string,
	options: {
		source: DataSource; importId: number; kept: readonly ('target' | 'note')[]; temp: (name: string) => string; previewed?: Previewed;
		/** How months are rolled up (see valuesOfMeasuresSql). */
		rollUp?: RollUp;
		/** A table of mergedMeasuresSql(rows) made with the data as it is now, if there is one. */
		merged?: string;
		/** The stored values the import removes (otherYearsSql), kept in the history as removed. */
		removes?: string | null;
	}
): Promise<void> {
	const measures = options.merged ?? options.temp('measures');
	await session.exec(`
		${options.merged ? '' : `CREATE OR REPLACE TEMP TABLE ${measures} AS ${mergedMeasuresSql(rows, options.source)};`}
		DELETE FROM measures WHERE measure_id IN (SELECT measure_id FROM ${measures});
		INSERT INTO measures BY NAME SELECT * FROM ${measures};
		INSERT INTO areas SELECT area_code, area_name, 'Local authority' FROM settings
			WHERE area_code IN (SELECT area_code FROM ${rows}) AND area_code NOT IN (SELECT area_code FROM areas)`);
	if (options.removes) {
		await session.exec(`
			INSERT INTO history_measure_values SELECT ${options.importId}, 'removed', * FROM (${options.removes});
			DELETE FROM measure_values v USING (${options.removes}) n WHERE ${sameValueKey('v', 'n')}`);
	}
	await writeValues(session, valuesOfMeasuresSql(rows, measures, options.kept, options.rollUp), options.source, options.importId, options.temp('values'),
		{ keysChecked: true, replacing: options.previewed?.valuesReplacing });
}
