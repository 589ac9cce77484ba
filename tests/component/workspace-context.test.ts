// Components that change data reach the workspace through Svelte's context: rendered on their own,
// with a workspace over a test database, they show its data and its state.
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import ImportHistory from '../../src/lib/components/import/ImportHistory.svelte';
import WorkspaceFile from '../../src/lib/components/import/WorkspaceFile.svelte';
import { importLog } from '../../src/lib/db/queries/imports';
import { EXAMPLE_IMPORTS } from '../../src/lib/ingest/sample';
import { workspaceContext } from '../../src/lib/state/context';
import { workspaceCommands } from '../../src/lib/state/commands';
import type { Workspace } from '../../src/lib/state/workspace.svelte';
import { areaData, sampleDatabase } from '../helpers/workspace';

describe('components given a workspace through context', () => {
	test('the import history lists the test database’s imports, and the workspace file lists what was set aside', async () => {
		const db = await sampleDatabase();
		const runner = { run: async () => ({ ok: false as const, message: 'not in this test' }), loadSample: async () => {}, areaData: await areaData() };
		const workspace = {
			commands: workspaceCommands(runner),
			setAside: [{ id: 1, name: 'kept-workspace-2026-12-03.oba', why: 'The workspace kept in this browser could not be loaded.', file: new Blob(['x']), at: '2026-12-03T10:00:00Z' }],
			open: async () => db
		} as unknown as Workspace;
		const imports = await importLog(db);
		const history = render(ImportHistory, { props: { imports }, context: workspaceContext(workspace) }).body;
		expect(imports.map((i) => i.file_name)).toEqual(EXAMPLE_IMPORTS);
		for (const i of imports) expect(history).toContain(`>${i.file_name}</th>`);
		const file = render(WorkspaceFile, { context: workspaceContext(workspace) }).body;
		expect(file).toContain('Download kept-workspace-2026-12-03.oba');
		expect(file).toContain('The workspace kept in this browser could not be loaded.');
	});

});
