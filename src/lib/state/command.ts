// The one way the data changes: a command runs its change (in its own transaction, or the import
// path's), keeps the tables it changed in this browser, reports a failure to the user, and says
// which tables changed. Commands run one after another, so each keeps the tables as it left them.
import type { Database } from '../db/database';
import { writeParts } from '../db/workspace-format';
import { SCHEMA_VERSION } from '../db/migrations';
import { tableNames } from '../ingest/table-text';
import { storageFailure } from './browser-store';
import { forgetKept, KeptElsewhere, keepTables, type KeptManifest } from './kept-state';

/** What a change did: its result, and the tables it changed ('all': it replaced everything). */
export interface Changed<T> {
	value: T;
	tables: readonly string[] | 'all';
	/** The data is the sample again: keep nothing, so the app starts as on a first visit (the sample, drawn ahead). */
	sample?: true;
}

/** A change that did not happen, and why, in the user's words: nothing was changed. */
export class Refused {
	constructor(readonly message: string) {}
}

export interface Command<T> {
	/** What it does, as the page says it was done: "Imported", "Note added". */
	what: string;
	body: (db: Database) => Promise<Changed<T> | Refused>;
}

export type CommandResult<T> =
	| { ok: true; value: T; tables: readonly string[] | 'all'; storage: string | null }
	| { ok: false; message: string };

/** What is kept in this browser, as the workspace knows it. */
export interface Keeper {
	manifest: KeptManifest | null;
	/** Tables changed whose keeping failed: kept with the next change. */
	unkept: Set<string>;
	/** Why this browser cannot keep anything now; null when it can. */
	broken: string | null;
	/** The command running, if any: the next waits for it, so each keeps the tables as it left them. */
	queue: Promise<unknown>;
}

export interface CommandHooks {
	keeper: Keeper;
	writable: () => boolean;
	/** The views: these tables changed. */
	changed: (tables: readonly string[] | 'all') => void;
	/** The change is kept (other tabs may load it now). */
	kept: () => void;
	/** The user: keeping failed, and what that means. */
	storage: (text: string | null) => void;
}

export const READ_ONLY = 'This workspace is open in another tab of the dashboard, so this tab only shows it: close the other tab to make changes here.';

const why = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

export function runCommand<T>(opening: Promise<Database>, command: Command<T>, hooks: CommandHooks): Promise<CommandResult<T>> {
	const result = hooks.keeper.queue.then(() => run(opening, command, hooks));
	hooks.keeper.queue = result.catch(() => undefined);
	return result;
}

async function run<T>(opening: Promise<Database>, command: Command<T>, hooks: CommandHooks): Promise<CommandResult<T>> {
	if (!hooks.writable()) return { ok: false, message: READ_ONLY };
	const db = await opening;
	let changed: Changed<T> | Refused;
	try {
		changed = await command.body(db);
	} catch (error) {
		return { ok: false, message: `Not done, and nothing was changed: ${why(error)}` };
	}
	if (changed instanceof Refused) return { ok: false, message: changed.message };
	// The views are told once the change is kept (or could not be): nothing shows as done that a
	// browser closed at once would lose without a word.
	const storage = changed.sample ? await forget(hooks.keeper, command.what) : await keep(db, hooks.keeper, changed.tables, command.what);
	hooks.storage(storage);
	hooks.changed(changed.tables);
	if (!storage) hooks.kept();
	return { ok: true, value: changed.value, tables: changed.tables, storage };
}

/** Keeps nothing; the failure in the user's words, or null. */
async function forget(keeper: Keeper, what: string): Promise<string | null> {
	if (keeper.broken) return storageFailure(new Error(keeper.broken), what);
	try {
		await forgetKept();
		keeper.manifest = null;
		keeper.unkept.clear();
		return null;
	} catch (error) {
		return storageFailure(error, what);
	}
}

/** Keeps the tables changed (and any whose keeping failed before); the failure in the user's words, or null. */
async function keep(db: Database, keeper: Keeper, tables: readonly string[] | 'all', what: string): Promise<string | null> {
	if (keeper.broken) return storageFailure(new Error(keeper.broken), what);
	try {
		const all = await tableNames(db);
		const known = new Set(keeper.manifest?.index.tables.map((t) => t.table));
		const whole = tables === 'all' || !keeper.manifest || keeper.manifest.index.schemaVersion !== SCHEMA_VERSION;
		const names = whole ? all : all.filter((t) => tables.includes(t) || keeper.unkept.has(t) || !known.has(t));
		performance.mark('oba:keep-started');
		const written = await writeParts(db, names, { encoding: 'arrow' });
		performance.mark('oba:keep-written');
		keeper.manifest = await keepTables(keeper.manifest, written, all, whole);
		performance.mark('oba:kept');
		keeper.unkept.clear();
		return null;
	} catch (error) {
		for (const t of tables === 'all' ? await tableNames(db) : tables) keeper.unkept.add(t);
		if (error instanceof KeptElsewhere) {
			keeper.broken = error.message;
			return `${what} for this session only: another tab of the dashboard changed the workspace kept in this browser meanwhile, so this tab keeps nothing more. Reload the page to see what is kept; save the workspace as a file first to keep what you did here.`;
		}
		return storageFailure(error, what);
	}
}
