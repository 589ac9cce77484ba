/**
 * The schema's versions. Every workspace (the tables kept in this browser, a workspace file, the
 * build's sample) says which version of the schema wrote it. A workspace of an older version is
 * loaded into a schema of its own as it was written, then brought up to this version by the
 * migrations after its version, in order, before anything is checked or replaced.
 *
 * Version 1 is the schema of the first workspace files (November 2026, JSON; see
 * tests/fixtures/workspace). To change the schema:
 *  1. change the table in schema.ts (it always declares the current tables);
 *  2. add a migration here with the next version number, whose SQL turns the tables of the
 *     version before into this version's (`${s}.table` names a table of the workspace being
 *     loaded): ALTER TABLE … ADD COLUMN with its default, CREATE TABLE for a new table, UPDATE to
 *     fill a column from others. Never edit a migration once released: files in users' hands were
 *     written before it.
 *  3. tests/db/workspace-migrations.test.ts opens the fixture of every earlier version; it must
 *     still pass, and gains the new version's own fixture.
 */

export interface Migration {
	/** The version this migration brings a workspace to. */
	version: number;
	/** What changed, in a sentence. */
	what: string;
	/** SQL that turns the previous version's tables in schema `s` into this version's. */
	up: (s: string) => string;
}

export const MIGRATIONS: readonly Migration[] = [
	{
		version: 2,
		what: 'The partnership’s settings: its local authority, its name and its plan’s title.',
		// A version 1 workspace had one home area, fixed in the app: the local authority its own
		// (non-published) measures were written for, or else the one with most values. Its
		// partnership's name and plan title were not kept, so they start empty, to be filled in.
		// A file missing the tables read here is refused by the shape check that follows; stand-ins
		// (measure_values' with too few columns, so the check still names the file incomplete) let
		// the migration run to that check instead of failing on a table that is not there.
		up: (s) => `
			CREATE TABLE IF NOT EXISTS ${s}.areas (area_code VARCHAR, name VARCHAR, level VARCHAR);
			CREATE TABLE IF NOT EXISTS ${s}.measure_values (area_code VARCHAR, source VARCHAR);
			CREATE TABLE ${s}.settings (
				settings_id INTEGER PRIMARY KEY CHECK (settings_id = 1), area_code VARCHAR NOT NULL, area_name VARCHAR NOT NULL,
				partnership VARCHAR, plan_title VARCHAR, example BOOLEAN NOT NULL);
			INSERT INTO ${s}.settings
				SELECT 1, a.area_code, a.name, NULL, NULL, false
				FROM ${s}.areas a JOIN ${s}.measure_values v USING (area_code)
				WHERE a.level = 'Local authority'
				GROUP BY a.area_code, a.name
				ORDER BY count(*) FILTER (WHERE v.source <> 'real') DESC, count(*) DESC, a.area_code
				LIMIT 1;`
	},
	{
		version: 3,
		what: 'The DfE statistical neighbour model: each authority’s ten nearest neighbours and how close each is.',
		up: (s) => `
			CREATE TABLE ${s}.statistical_neighbours (
				area_code VARCHAR NOT NULL, rank INTEGER NOT NULL, neighbour_code VARCHAR NOT NULL,
				closeness VARCHAR NOT NULL, model VARCHAR NOT NULL, import_id INTEGER NOT NULL,
				PRIMARY KEY (area_code, rank));
			CREATE TABLE ${s}.history_statistical_neighbours AS
				SELECT CAST(NULL AS INTEGER) AS changed_by, CAST(NULL AS VARCHAR) AS change, * FROM ${s}.statistical_neighbours LIMIT 0;`
	},
	{
		version: 4,
		what: 'Measure RAG: a measure’s amber and red thresholds and direction-of-travel rule, from its file (measures) or set in the app (measure_tolerances).',
		// IF EXISTS: a file that lacks the table is refused after, by the shape check, saying so.
		up: (s) => `
			ALTER TABLE IF EXISTS ${s}.measures ADD COLUMN amber_threshold VARCHAR;
			ALTER TABLE IF EXISTS ${s}.measures ADD COLUMN red_threshold VARCHAR;
			ALTER TABLE IF EXISTS ${s}.measures ADD COLUMN travel_rule VARCHAR;
			ALTER TABLE IF EXISTS ${s}.history_measures ADD COLUMN amber_threshold VARCHAR;
			ALTER TABLE IF EXISTS ${s}.history_measures ADD COLUMN red_threshold VARCHAR;
			ALTER TABLE IF EXISTS ${s}.history_measures ADD COLUMN travel_rule VARCHAR;
			CREATE TABLE IF NOT EXISTS ${s}.measure_tolerances (
				measure_id VARCHAR PRIMARY KEY, amber_threshold VARCHAR, red_threshold VARCHAR,
				travel_rule VARCHAR NOT NULL CHECK (travel_rule IN ('none', 'improving-is-amber', 'travel-decides')),
				set_at TIMESTAMP NOT NULL);`
	},
	{
		version: 5,
		what: 'Corrective-action notes on the exception report (corrective_actions)',
		up: (s) => `CREATE TABLE ${s}.corrective_actions (
			action_note_id VARCHAR PRIMARY KEY,
			subject_kind   VARCHAR NOT NULL CHECK (subject_kind IN ('measure', 'item')),
			subject_id     VARCHAR NOT NULL,
			text           VARCHAR NOT NULL,
			author_role    VARCHAR NOT NULL,
			added_at       TIMESTAMP NOT NULL
		)`
	},
	{
		version: 6,
		what: 'Monthly data and academic years: a measure’s roll-up rule and kind of year (measures.rollup, measures.year_type); measure_values may hold months.',
		// IF EXISTS: a file that lacks the table is refused after, by the shape check, saying so.
		up: (s) => ['measures', 'history_measures']
			.flatMap((t) => ['rollup', 'year_type'].map((c) => `ALTER TABLE IF EXISTS ${s}.${t} ADD COLUMN ${c} VARCHAR;`))
			.join('\n')
	}
];

/** The version of the schema this app writes. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 1;

/** The migrations that bring a workspace written at `version` to `migrations`' last version, in order. */
export function migrationsAfter(version: number, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
	return migrations.filter((m) => m.version > version).sort((a, b) => a.version - b.version);
}
