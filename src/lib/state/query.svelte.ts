import { chartsDrawn } from '../charts/width';
import type { Session } from '../db/database';
import { useWorkspace } from './context';
import { sameData } from './same';
import { ALL_TOPICS, type Topic } from './topics';

/**
 * Runs a page's query against the workspace whenever its inputs or the topics it `reads` change. Only the
 * latest answer is kept: a slower, older one that arrives later is dropped, never drawn.
 *
 * While the database starts, the view may be drawn first from the answers the build recorded for
 * the sample data (workspace.ahead(): the home page, when the sample is all there is); the
 * database's own answer follows and is drawn only if it differs.
 */
export function useQuery<T>(make: () => (db: Session) => Promise<T>, reads: readonly Topic[] = ALL_TOPICS) {
	const workspace = useWorkspace();
	// An answer is drawn as it is and never changed in place, so it is not made deeply reactive:
	// that wrapped every object of every answer anew, and redrew every row of a table even when
	// the answer held the very same entries as before (the report card's, across filter changes).
	let data = $state.raw<T | null>(null);
	let error = $state<string | null>(null);
	let loading = $state(true);
	let latest = 0;
	$effect(() => {
		const run = make();
		void workspace.versionOf(reads); // asked again when what it reads changes, not for a note when it reads none
		const ticket = ++latest;
		const current = () => ticket === latest;
		let early: { data: T } | null = null;
		let answered = false;
		loading = true;
		const draw = (answer: T) => {
			data = answer;
			error = null;
			loading = false;
			// Browser tests and the benchmark wait for this: the view is drawn, charts and all.
			return chartsDrawn().then(() => {
				if (!current()) return;
				document.body.dataset.ready = 'true';
				performance.mark('oba:view-drawn');
			});
		};
		workspace
			.ahead()
			.then(async (session) => (session ? { data: await run(session) } : null))
			.then((answer) => {
				if (!answer || answered || !current()) return;
				early = answer;
				return draw(answer.data);
			})
			.catch(() => {}); // not answered ahead: the database answers below
		workspace
			.open()
			.then((db) => run(db))
			.then((answer) => {
				if (!current()) return;
				answered = true;
				if (early && sameData(early.data, answer)) return; // drawn already, from the same answer
				return draw(answer);
			})
			.catch((failure: unknown) => {
				if (!current()) return;
				error = failure instanceof Error ? failure.message : String(failure);
				loading = false;
				document.body.dataset.ready = 'error';
				document.body.dataset.error = error;
			});
		// A view gone (or about to ask again) takes no answer to this question.
		return () => {
			latest++;
		};
	});
	return {
		get data() {
			return data;
		},
		get error() {
			return error;
		},
		get loading() {
			return loading;
		}
	};
}
