import { browser } from '$app/environment';
import { workspace } from '$lib/state/workspace.svelte';
import type { LayoutLoad } from './$types';

// Every page is prerendered to route/index.html so any static host, or a sub-path, serves it.
export const prerender = true;
export const trailingSlash = 'always';

/** Pages that show no data: the database is not started for them. */
const WITHOUT_DATA = new Set(['/formats', '/bench']);

/**
 * Starts the database as the app starts, before the page is drawn: DuckDB takes longest of
 * anything to get ready, and every view waits for it. Errors reach the views that wait.
 */
export const load: LayoutLoad = ({ route }) => {
	if (browser && !WITHOUT_DATA.has(route.id ?? '')) workspace.open().catch(() => {});
};
