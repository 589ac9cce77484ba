// The workspace reaches components through Svelte's context, set by the root layout: a component
// test can give a component a workspace over a database of its own.
import { getContext, setContext } from 'svelte';
import type { Workspace } from './workspace.svelte';

const KEY = Symbol('workspace');

export function provideWorkspace(workspace: Workspace): void {
	setContext(KEY, workspace);
}

export function useWorkspace(): Workspace {
	const workspace = getContext<Workspace | undefined>(KEY);
	if (!workspace) throw new Error('No workspace: a component that changes data must be inside the app’s layout (or a test’s provideWorkspace).');
	return workspace;
}

/** The context that holds `workspace`: for rendering a component on its own (a component test). */
export function workspaceContext(workspace: Workspace): Map<symbol, Workspace> {
	return new Map([[KEY, workspace]]);
}
