/**
 * A workspace file the user opens: read as a workspace (db/workspace-format.ts, or the first,
 * JSON format: db/legacy-workspace.ts) and loaded in place of everything, or refused with what is
 * wrong and nothing changed.
 */
import type { Database } from '../db/database';
import { isLegacyWorkspace, legacySource } from '../db/legacy-workspace';
import { loadWorkspace, type LoadOptions, type LoadResult } from '../db/load-workspace';
import { fileSource, WorkspaceRefusal, type WorkspaceSource } from '../db/workspace-format';
import type { Problem } from './check/problems';

export type WorkspaceOpening = ({ ok: true } & LoadResult) | { ok: false; problems: Problem[] };

/** The file as a workspace to load; throws WorkspaceRefusal when it is not one. */
export function workspaceSource(bytes: Uint8Array): WorkspaceSource {
	if (bytes.byteLength === 0) throw new WorkspaceRefusal('The file is empty.');
	return isLegacyWorkspace(bytes) ? legacySource(bytes) : fileSource(bytes);
}

/** A refusal, as the problem the Import page shows. */
export function refusalProblem(name: string, error: WorkspaceRefusal): Problem {
	return { severity: 'error', file: name, row: null, column: null, value: null, message: error.message, fix: error.fix };
}

/** Opens a workspace file in place of everything loaded: all of it, or (refused) nothing. */
export async function openWorkspaceFile(db: Database, bytes: Uint8Array, name: string, options: LoadOptions = {}): Promise<WorkspaceOpening> {
	try {
		return { ok: true, ...(await loadWorkspace(db, workspaceSource(bytes), options)) };
	} catch (error) {
		if (error instanceof WorkspaceRefusal) return { ok: false, problems: [refusalProblem(name, error)] };
		throw error;
	}
}
