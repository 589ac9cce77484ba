// Every change to the data the pages offer, as commands of the workspace (command.ts runs them):
// imports and their undo, workspace files, the sample, locked forecasts, notes, RAG tolerances and
// corrective actions. Components call
// these; none writes to the database or to this browser's storage itself.
import type { Database, Session } from '../db/database';
import { removeLock, saveLock, type KeptLock, type LockKey } from '../db/queries/locks';
import { addNote, deleteNote, type UserNote } from '../db/queries/notes';
import { addCorrectiveAction, deleteCorrectiveAction, type CorrectiveAction } from '../db/queries/corrective-actions';
import type { USER_TABLES } from '../db/schema';
import { clearTolerance, setTolerance } from '../db/queries/tolerances';
import type { Tolerance } from '../oba/measure-rag';
import { workspaceFile } from '../db/workspace-format';
import { commitImport, type CommitOptions } from '../ingest/commit/commit';
import { tablesOfImport } from '../ingest/commit/history';
import type { ImportOutcome } from '../ingest/import-file';
import type { ImportPreview } from '../ingest/preview';
import { undoImport, type UndoOutcome } from '../ingest/commit/undo';
import { openWorkspaceFile } from '../ingest/workspace-file';
import { emptyWorkspace, type LoadStep } from '../db/load-workspace';
import { Refused, type Command, type CommandResult } from './command';
import { homeAndComparators, loadAllAreaFigures, loadAreaFigures, loadNeighbourModel, type AreaData } from '../ingest/areas/area-figures';
import { chooseArea } from '../ingest/sample';
import { readSettings } from '../db/queries/settings';

/** What the settings page asks for: the home authority (ONS code), the partnership's name and the plan's title. */
export interface SettingsChoice {
	areaCode: string;
	partnership: string | null;
	planTitle: string | null;
}

/** What the commands need of the workspace. */
export interface CommandRunner {
	run<T>(command: Command<T>): Promise<CommandResult<T>>;
	loadSample(db: Database): Promise<void>;
	/** The published figures of every area, and their index. */
	areaData: AreaData;
}

/** Work on the user's data, not on what is derived from it: no need to rebuild home_values. */
const USER_DATA = { derive: false } as const;

export function workspaceCommands(workspace: CommandRunner) {
	/** The workspace as it was before a workspace file was opened, while the page may undo the opening. */
	let beforeOpening: { name: string; file: Uint8Array } | null = null;

	/** A change to one of the tables the user adds to (USER_TABLES), in one transaction. */
	const userChange = (what: string, table: keyof typeof USER_TABLES, change: (session: Session) => Promise<void>) => workspace.run({
		what,
		body: async (db) => {
			await db.transaction(change, USER_DATA);
			return { value: undefined, tables: [table] };
		}
	});

	return {
		/** Writes a previewed file; its outcome says what was written or why not. */
		importFile: (preview: ImportPreview, options: CommitOptions = {}) => workspace.run<ImportOutcome>({
			what: 'Imported',
			body: async (db) => {
				const outcome = await commitImport(db, preview, options);
				if (outcome.importId === null) return new Refused(outcome.problems.at(-1)?.message ?? 'The file was not imported.');
				return { value: outcome, tables: await tablesOfImport(db, outcome.importId) };
			}
		}),

		undoImport: (importId: number) => workspace.run<UndoOutcome>({
			what: 'Undone',
			body: async (db) => {
				const tables = await tablesOfImport(db, importId);
				const outcome = await undoImport(db, importId);
				return outcome.undone ? { value: outcome, tables } : new Refused(outcome.message);
			}
		}),

		/** Opens a workspace file in place of everything; `undoOpening` puts back what was there. */
		openWorkspaceFile: (bytes: Uint8Array, name: string, progress?: (step: LoadStep, fraction: number) => void) => workspace.run({
			what: 'Opened',
			body: async (db) => {
				const before = await workspaceFile(db);
				const opened = await openWorkspaceFile(db, bytes, name, { progress });
				if (!opened.ok) return new Refused(opened.problems.map((p) => p.message).join(' '));
				beforeOpening = { name, file: before };
				return { value: opened, tables: 'all' };
			}
		}),

		/** The workspace file last opened, if its opening can be undone. */
		openedLast: () => beforeOpening?.name ?? null,

		undoOpening: () => workspace.run({
			what: 'Undone',
			body: async (db) => {
				if (!beforeOpening) return new Refused('There is no opening of a workspace file to undo.');
				const opened = await openWorkspaceFile(db, beforeOpening.file, 'the workspace before');
				if (!opened.ok) return new Refused(opened.problems.map((p) => p.message).join(' '));
				beforeOpening = null;
				return { value: opened, tables: 'all' };
			}
		}),

		resetToSample: () => workspace.run({
			what: 'Reset',
			body: async (db) => {
				await workspace.loadSample(db);
				beforeOpening = null;
				return { value: undefined, tables: 'all', sample: true };
			}
		}),

		clearAll: () => workspace.run({
			what: 'Cleared',
			body: async (db) => {
				await emptyWorkspace(db);
				beforeOpening = null;
				return { value: undefined, tables: 'all' };
			}
		}),

		/**
		 * The partnership's settings. A new area brings its published figures with its region's and
		 * England's; what was imported for the area before stays with that area.
		 */
		setSettings: (choice: SettingsChoice) => workspace.run({
			what: 'Saved',
			body: async (db) => {
				const before = await readSettings(db);
				if (before?.area_code !== choice.areaCode) await loadAreaFigures(db, workspace.areaData, homeAndComparators(workspace.areaData.index, choice.areaCode));
				await chooseArea(db, workspace.areaData, { ...choice, example: before?.example ?? false });
				return { value: undefined, tables: 'all' };
			}
		}),

		/** The partnership's own workspace in place of everything: its area's published figures, no plan and no measures yet. */
		startOwn: (choice: SettingsChoice) => workspace.run({
			what: 'Started',
			body: async (db) => {
				await emptyWorkspace(db);
				await chooseArea(db, workspace.areaData, { ...choice, example: false });
				await loadAreaFigures(db, workspace.areaData, homeAndComparators(workspace.areaData.index, choice.areaCode));
				await loadNeighbourModel(db, workspace.areaData);
				beforeOpening = null;
				return { value: undefined, tables: 'all' };
			}
		}),

		/** Every authority's, region's and England's population indicators (for comparisons between authorities). */
		loadAllAreas: () => workspace.run({
			what: 'Loaded',
			body: async (db) => {
				await loadAllAreaFigures(db, workspace.areaData);
				return { value: undefined, tables: ['areas', 'measures', 'measure_values', 'populations', 'imports'] };
			}
		}),

		lockForecast: (lock: KeptLock) => userChange('Locked', 'locked_forecasts', (s) => saveLock(s, lock)),
		unlockForecast: (key: LockKey) => userChange('Unlocked', 'locked_forecasts', (s) => removeLock(s, key)),
		addNote: (note: UserNote) => userChange('Note added', 'notes', (s) => addNote(s, note)),
		deleteNote: (noteId: string) => userChange('Deleted', 'notes', (s) => deleteNote(s, noteId)),
		addCorrectiveAction: (action: CorrectiveAction) =>
			userChange('Corrective action added', 'corrective_actions', (s) => addCorrectiveAction(s, action)),
		deleteCorrectiveAction: (actionNoteId: string) =>
			userChange('Deleted', 'corrective_actions', (s) => deleteCorrectiveAction(s, actionNoteId)),
		/** The measure's RAG tolerance set in the app: it wins over its file's until cleared. */
		setTolerance: (measureId: string, tolerance: Tolerance, setAt = new Date().toISOString()) =>
			userChange('Tolerance set', 'measure_tolerances', (s) => setTolerance(s, measureId, tolerance, setAt)),
		clearTolerance: (measureId: string) => userChange('Tolerance cleared', 'measure_tolerances', (s) => clearTolerance(s, measureId))
	};
}

export type WorkspaceCommands = ReturnType<typeof workspaceCommands>;
