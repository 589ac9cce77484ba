import { chartsDrawn } from '../charts/width';
import type { Database } from '../db/database';
import { workspace } from './workspace.svelte';

/**
 * Runs a page's query against the workspace whenever its inputs or the data change. Only the
 * latest answer is kept: a slower, older one that arrives later is dropped, never drawn.
 */
export function useQuery<T>(make: () => (db: Database) => Promise<T>) {
	const state = $state<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
	let latest = 0;
	$effect(() => {
		const run = make();
		void workspace.version;
		const ticket = ++latest;
		state.loading = true;
		workspace
			.open()
			.then((db) => run(db))
			.then((data) => {
				if (ticket !== latest) return;
				state.data = data;
				state.error = null;
				state.loading = false;
				// Browser tests and the benchmark wait for this: the view is drawn, charts and all.
				return chartsDrawn().then(() => {
					document.body.dataset.ready = 'true';
					performance.mark('oba:view-drawn');
				});
			})
			.catch((error: unknown) => {
				if (ticket !== latest) return;
				state.error = error instanceof Error ? error.message : String(error);
				state.loading = false;
				document.body.dataset.ready = 'error';
				document.body.dataset.error = state.error;
			});
	});
	return state;
}
