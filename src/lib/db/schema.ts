/**
 * The data model, in one place. Everything the app shows is read from these tables; everything
 * loaded (the app's own sample files included) is written by the ingest code, one import at a time.
 *
 * Vocabulary (the users' words):
 *  - priority: one of the plan's six underlined headings, linked to a borough outcome.
 *  - action: a line of the plan under a priority; it has one or more rated items (one per RAG rating).
 *  - item: what gets a RAG rating at each review; it has its own how, timescale and lead agencies.
 *  - review: the six-monthly review of the plan (Dec 2016 in the seed; later ones are sample data).
 *  - measure: an OBA performance measure (how much / how well / better off) or a population indicator.
 *  - source: 'seed' (transcribed from the real plan), 'real' (published statistics),
 *    'sample' (invented to show the app; always labelled), 'imported' (an analyst's file).
 *
 * Referential integrity is checked by the ingest code before it writes, not by FOREIGN KEY
 * constraints: DuckDB cannot delete or update a referenced row, which undo and re-import need.
 */
import { MEASURE_DETAIL_COLUMNS_SQL } from '../ingest/formats/measure-details';
import { VALUE_COLUMNS_SQL, VALUE_KEY } from './value-columns';

const TABLES_SQL = `
-- One row per file loaded. Every row written by a file keeps its import_id, so an import can be
-- undone and a chart can say where its numbers came from.
CREATE TABLE IF NOT EXISTS imports (
	import_id   INTEGER PRIMARY KEY,
	file_name   VARCHAR NOT NULL,
	checksum    VARCHAR NOT NULL,   -- SHA-256 of the file's bytes, hex
	format      VARCHAR NOT NULL,   -- see src/lib/ingest/formats.ts
	source      VARCHAR NOT NULL CHECK (source IN ('seed', 'real', 'sample', 'imported')),
	imported_at TIMESTAMP NOT NULL,
	row_count   INTEGER NOT NULL,     -- data rows in the file
	rows_skipped INTEGER NOT NULL DEFAULT 0,  -- rows left out by "import valid rows only"
	reading     VARCHAR               -- how the file was read: encoding, delimiter, periods (one line)
);

CREATE TABLE IF NOT EXISTS priorities (
	priority     INTEGER PRIMARY KEY,  -- 1..6, in the plan's order
	name         VARCHAR NOT NULL,     -- short name, e.g. 'Online safety'
	heading      VARCHAR,              -- the plan's own heading, verbatim
	outcome      VARCHAR,              -- borough outcome: 'Safe', 'Skills and learning', 'Health and well-being'
	outcome_note VARCHAR               -- why, where the plan does not name the outcome
);

-- The canonical list of agencies; free-text lead-agency cells are matched through agency_aliases.
CREATE TABLE IF NOT EXISTS agencies (
	agency_id VARCHAR PRIMARY KEY,
	name      VARCHAR NOT NULL,
	kind      VARCHAR NOT NULL        -- police, health, childrens-social-care, education, early-help, ...
);
CREATE TABLE IF NOT EXISTS agency_aliases (
	alias_key VARCHAR PRIMARY KEY,    -- the spelling, lower-cased, punctuation folded (see oba/agencies.ts)
	alias     VARCHAR NOT NULL,       -- the spelling as first written
	agency_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS actions (
	action_id VARCHAR PRIMARY KEY,    -- '1.4'
	priority  INTEGER NOT NULL,
	action    VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS items (
	item_id   VARCHAR PRIMARY KEY,    -- '1.4' or, where an action has several ratings, '1.4a', '1.4b'
	action_id VARCHAR NOT NULL,
	how       VARCHAR,
	timescale VARCHAR,
	lead_text VARCHAR,                -- the lead-agency cell as written
	ordinal   INTEGER NOT NULL        -- the item's place in the plan
);
-- An item can have several lead agencies; each counts the item.
CREATE TABLE IF NOT EXISTS item_leads (
	item_id   VARCHAR NOT NULL,
	agency_id VARCHAR NOT NULL,
	PRIMARY KEY (item_id, agency_id)
);
-- One RAG rating (or none: not rated) per item per review.
CREATE TABLE IF NOT EXISTS reviews (
	item_id   VARCHAR NOT NULL,
	review    DATE NOT NULL,          -- first day of the review's month
	rag       VARCHAR CHECK (rag IN ('R', 'A', 'G', 'B')),  -- B = blue, complete; NULL = not rated
	progress  VARCHAR,
	source    VARCHAR NOT NULL,
	import_id INTEGER NOT NULL,
	PRIMARY KEY (item_id, review)
);

CREATE TABLE IF NOT EXISTS measures (
	measure_id  VARCHAR PRIMARY KEY,
	name        VARCHAR NOT NULL,
	quadrant    VARCHAR NOT NULL CHECK (quadrant IN ('how_much', 'how_well', 'better_off', 'population')),
	priority    INTEGER,              -- NULL for population indicators that serve the whole plan
	agency_id   VARCHAR,
	polarity    VARCHAR CHECK (polarity IN ('higher', 'lower', 'range')),
	unit        VARCHAR NOT NULL,     -- count, percent, rate10k, days, gbp
	source      VARCHAR NOT NULL,
	description VARCHAR,
	-- The measure's optional details as its file gives them (src/lib/ingest/formats/measure-details.ts):
	-- its RAG tolerance (a tolerance set in the app, measure_tolerances, wins over it), and more.
	${MEASURE_DETAIL_COLUMNS_SQL}
);

-- Areas, for population indicators and their comparators (England, the region, the local authority).
CREATE TABLE IF NOT EXISTS areas (
	area_code VARCHAR PRIMARY KEY,    -- ONS code, e.g. E92000001 (England)
	name      VARCHAR NOT NULL,
	level     VARCHAR NOT NULL        -- 'National', 'Regional', 'Local authority'
);

-- One value per measure, area and period. A missing value is NULL with its marker kept as written.
-- The key is kept by the import (its checks refuse a repeated key; its writer replaces by key), not by
-- a PRIMARY KEY: that index made writing a million values several times slower and took ~40% of the memory.
-- The home area's rows are also kept apart, in the temporary table home_values (see home-values.ts).
CREATE TABLE IF NOT EXISTS measure_values (
	${VALUE_COLUMNS_SQL}
);

-- Children aged 0-17 (ONS mid-year estimates): the denominator of rates per 10,000.
CREATE TABLE IF NOT EXISTS populations (
	area_code  VARCHAR NOT NULL,
	mid_year   INTEGER NOT NULL,      -- the estimate is for 30 June of this year
	population DOUBLE NOT NULL,
	import_id  INTEGER NOT NULL,
	PRIMARY KEY (area_code, mid_year)
);

-- The DfE's children's services statistical neighbour model: each authority's ten nearest
-- neighbours, nearest first, and how close each is. Reference data, imported like any file
-- (data/reference/statistical-neighbours-2025.csv; see src/lib/ingest/neighbours.ts).
CREATE TABLE IF NOT EXISTS statistical_neighbours (
	area_code      VARCHAR NOT NULL,  -- the authority, by its ONS code (E06…, E08…, E09…, E10…)
	rank           INTEGER NOT NULL,  -- 1 = the nearest, to 10
	neighbour_code VARCHAR NOT NULL,
	closeness      VARCHAR NOT NULL,  -- the model's words, Extremely close … Not close (src/lib/oba/neighbours.ts)
	model          VARCHAR NOT NULL,  -- the model's year, e.g. '2025'
	import_id      INTEGER NOT NULL,
	PRIMARY KEY (area_code, rank)
);

-- The data development agenda (OBA): measures wanted but not yet available. An agenda file is the
-- whole agenda, so an import replaces every row (see src/lib/ingest/data-development.ts).
CREATE TABLE IF NOT EXISTS data_development (
	measure_id    VARCHAR PRIMARY KEY,  -- the id the measure will have, or its name when the file gives none
	name          VARCHAR NOT NULL,     -- the measure wanted, in words
	owner_id      VARCHAR NOT NULL,     -- the agency that owns getting the data
	data_priority VARCHAR NOT NULL CHECK (data_priority IN ('high', 'medium', 'low')),
	priority      INTEGER,              -- the plan priority it serves, if the file says
	quadrant      VARCHAR CHECK (quadrant IN ('how_much', 'how_well', 'better_off', 'population')),
	why           VARCHAR,
	due           VARCHAR,              -- when the data is expected, as written
	ordinal       INTEGER NOT NULL,     -- its row in the file: the agenda's own order within a data priority
	source        VARCHAR NOT NULL
);

-- What the user adds on a measure page, not written by imports (so no history, and undo leaves it
-- alone). Kept in this browser's IndexedDB too and restored at start (src/lib/state/saved-*.ts);
-- saved in the workspace file with every other table.

-- A forecast agreed and locked with its date: later actuals are judged against this line, not
-- against a line refitted to include them. Everything projectLocked needs (src/lib/oba/baseline.ts).
CREATE TABLE IF NOT EXISTS locked_forecasts (
	measure_id   VARCHAR NOT NULL,
	area_code    VARCHAR NOT NULL,
	per_10000    BOOLEAN NOT NULL,    -- a forecast of the rate per 10,000 children, not of the figure as published
	method       VARCHAR NOT NULL CHECK (method IN ('linear', 'theil-sen')),
	window_from  VARCHAR NOT NULL,    -- the baseline window, first and last period: '2014/15 Q1', or '2017/18' for years
	window_to    VARCHAR NOT NULL,
	locked_on    DATE NOT NULL,       -- the day it was agreed; only periods that ended after it are judged
	used         INTEGER NOT NULL,    -- values the line was fitted to
	intercept    DOUBLE NOT NULL,     -- value = intercept + slope × periods since window_from
	slope        DOUBLE NOT NULL,
	band         VARCHAR NOT NULL CHECK (band IN ('prediction interval', 'residual quantiles')),
	band_t       DOUBLE,              -- prediction interval: t(0.90, df), df, s, n, mean x and Sxx
	band_df      INTEGER,
	band_residual_se DOUBLE,
	band_n       INTEGER,
	band_mean_x  DOUBLE,
	band_sxx     DOUBLE,
	band_below   DOUBLE,              -- residual quantiles: the 10th and 90th percentiles of the residuals
	band_above   DOUBLE,
	PRIMARY KEY (measure_id, area_code, per_10000)
);

-- A measure's RAG tolerance as set on its page: it wins over the file's (measures.amber_threshold …)
-- as a whole, so blank thresholds here mean "none", whatever the file says. Removing the row goes
-- back to the file's.
CREATE TABLE IF NOT EXISTS measure_tolerances (
	measure_id      VARCHAR PRIMARY KEY,
	amber_threshold VARCHAR,           -- as in measures: '10%' or '2'; NULL: none
	red_threshold   VARCHAR,
	travel_rule     VARCHAR NOT NULL CHECK (travel_rule IN ('none', 'improving-is-amber', 'travel-decides')),
	set_at          TIMESTAMP NOT NULL
);

-- The story behind the curve as the user tells it: a note on a period of a measure. Notes from the
-- data are measure_values.note.
CREATE TABLE IF NOT EXISTS notes (
	note_id      VARCHAR PRIMARY KEY, -- a random UUID, the same in IndexedDB
	measure_id   VARCHAR NOT NULL,
	area_code    VARCHAR NOT NULL,
	period_start DATE NOT NULL,
	period_label VARCHAR NOT NULL,    -- '2016/17 Q3'
	text         VARCHAR NOT NULL,    -- as written; always shown as text
	added_at     TIMESTAMP NOT NULL
);

-- What is being done about an exception (a measure rated Red or with special-cause concern, an item
-- rated Red or Amber), as the user writes it: the board reads it with its date and its author's role.
-- The role is free text ('Police — Detective Inspector'); no name is asked for.
CREATE TABLE IF NOT EXISTS corrective_actions (
	action_note_id VARCHAR PRIMARY KEY, -- a random UUID
	subject_kind   VARCHAR NOT NULL CHECK (subject_kind IN ('measure', 'item')),
	subject_id     VARCHAR NOT NULL,    -- a measure_id or an item_id
	text           VARCHAR NOT NULL,    -- as written; always shown as text
	author_role    VARCHAR NOT NULL,    -- as written: the author's agency and role
	added_at       TIMESTAMP NOT NULL
);

-- The partnership's settings, one row (none until an area is chosen): its local authority (the home
-- area: local measures belong to it, and its region and England are its comparators), the
-- partnership's name and its plan's title. Changed only by the setSettings command.
CREATE TABLE IF NOT EXISTS settings (
	settings_id  INTEGER PRIMARY KEY CHECK (settings_id = 1),
	area_code    VARCHAR NOT NULL,    -- ONS code of the local authority
	area_name    VARCHAR NOT NULL,
	partnership  VARCHAR,             -- e.g. an LSCB or a safeguarding children partnership
	plan_title   VARCHAR,
	example      BOOLEAN NOT NULL     -- the example workspace the app ships, not the user's own
);
`;

/**
 * The tables an import writes, with their keys. Every import records, in history_<table>, the rows
 * it removed (replaced or deleted) and the rows it added, in the same transaction as its writes,
 * so that undoing it puts back exactly what was there. See src/lib/ingest/history.ts and undo.ts.
 */
export const DATA_TABLES = {
	priorities: ['priority'],
	agencies: ['agency_id'],
	agency_aliases: ['alias_key'],
	actions: ['action_id'],
	items: ['item_id'],
	item_leads: ['item_id', 'agency_id'],
	reviews: ['item_id', 'review'],
	measures: ['measure_id'],
	areas: ['area_code'],
	measure_values: VALUE_KEY,
	populations: ['area_code', 'mid_year'],
	statistical_neighbours: ['area_code', 'rank'],
	data_development: ['measure_id']
} as const satisfies Record<string, readonly string[]>;

export type DataTable = keyof typeof DATA_TABLES;

/**
 * The tables the user adds to on a measure page, with their keys: never written by an import, so
 * without history, and left alone by undo. Kept in IndexedDB too (src/lib/state/saved-*.ts).
 */
export const USER_TABLES = {
	locked_forecasts: ['measure_id', 'area_code', 'per_10000'],
	measure_tolerances: ['measure_id'],
	notes: ['note_id'],
	corrective_actions: ['action_note_id'],
	settings: ['settings_id']
} as const satisfies Record<string, readonly string[]>;

export const historyTable = (table: DataTable) => `history_${table}`;

/**
 * Of DATA_TABLES, those whose writer sets each row's import_id to the import writing it, and records
 * only the rows it removes: the rows an import added are the rows carrying its id (a later import
 * replacing one records it as removed, with that id). A million values then cost no second copy.
 */
export const ADDED_BY_IMPORT_ID = ['measure_values'] as const satisfies readonly DataTable[];

/**
 * history_<table>: changed_by (the import), change ('removed' or 'added'; only 'removed' for the
 * tables of ADDED_BY_IMPORT_ID), then the table's own columns.
 */
const HISTORY_SQL = (Object.keys(DATA_TABLES) as DataTable[])
	.map((t) => `CREATE TABLE IF NOT EXISTS ${historyTable(t)} AS
	SELECT CAST(NULL AS INTEGER) AS changed_by, CAST(NULL AS VARCHAR) AS change, * FROM ${t} LIMIT 0;`)
	.join('\n');

export const SCHEMA_SQL = TABLES_SQL + HISTORY_SQL;

/**
 * What rows refer to. Not FOREIGN KEYs (see above): the ingest code checks them, and undo refuses
 * to leave a row pointing at nothing (a review whose item a plan import brought, say).
 */
export const REFERENCES: readonly { table: DataTable; column: string; to: DataTable; toColumn: string; what: string }[] = [
	{ table: 'actions', column: 'priority', to: 'priorities', toColumn: 'priority', what: 'actions without their priority' },
	{ table: 'items', column: 'action_id', to: 'actions', toColumn: 'action_id', what: 'rated items without their action' },
	{ table: 'item_leads', column: 'item_id', to: 'items', toColumn: 'item_id', what: 'lead agencies of items that are gone' },
	{ table: 'item_leads', column: 'agency_id', to: 'agencies', toColumn: 'agency_id', what: 'items led by an agency that is gone' },
	{ table: 'agency_aliases', column: 'agency_id', to: 'agencies', toColumn: 'agency_id', what: 'agency spellings without their agency' },
	{ table: 'reviews', column: 'item_id', to: 'items', toColumn: 'item_id', what: 'RAG ratings of items that are gone' },
	{ table: 'measures', column: 'priority', to: 'priorities', toColumn: 'priority', what: 'measures without their priority' },
	{ table: 'measures', column: 'agency_id', to: 'agencies', toColumn: 'agency_id', what: 'measures without their agency' },
	{ table: 'measure_values', column: 'measure_id', to: 'measures', toColumn: 'measure_id', what: 'values of measures that are gone' },
	{ table: 'measure_values', column: 'area_code', to: 'areas', toColumn: 'area_code', what: 'values for areas that are gone' },
	{ table: 'populations', column: 'area_code', to: 'areas', toColumn: 'area_code', what: 'populations of areas that are gone' },
	{ table: 'data_development', column: 'owner_id', to: 'agencies', toColumn: 'agency_id', what: 'wanted measures whose owner is gone' },
	{ table: 'data_development', column: 'priority', to: 'priorities', toColumn: 'priority', what: 'wanted measures without their priority' }
];

/** The area local measures belong to unless a file says otherwise: the one the settings name (SQL). */
export const HOME_AREA_SQL = '(SELECT area_code FROM settings)';

/**
 * How a free-text agency name is compared with the agency list: case, punctuation and spacing
 * ignored, '&' read as 'and'. So "Young & Safe", "young and safe" and "Young and Safe." match.
 */
export const MACROS_SQL = `
CREATE OR REPLACE MACRO agency_key(name) AS
	trim(regexp_replace(replace(lower(name), '&', ' and '), '[^a-z0-9]+', ' ', 'g'));
`;
