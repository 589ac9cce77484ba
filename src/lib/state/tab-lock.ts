// One tab at a time changes the workspace: the first tab of the app holds a lock the browser keeps
// for it (the Web Locks API) until it closes; any other tab is read-only until it gets the lock,
// and each change kept is announced to the others, which load it, so none shows stale data.
const LOCK = 'oba-workspace-writer';
const CHANNEL = 'oba-workspace';

export interface TabLock {
	/** Whether this tab may change the workspace now. */
	readonly writer: boolean;
	/** Tells the other tabs that a change is kept. */
	announce(): void;
	release(): void;
}

/**
 * Asks for the writer's lock. `granted` runs when a tab that waited gets it; `changed`, when
 * another tab kept a change. Browsers without Web Locks: every tab writes (the kept state's
 * generation check still refuses to overwrite another tab's change).
 */
export async function takeTabLock(granted: () => void, changed: () => void): Promise<TabLock> {
	const channel = 'BroadcastChannel' in globalThis ? new BroadcastChannel(CHANNEL) : null;
	if (channel) channel.onmessage = () => changed();
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	const state = { writer: true };
	if (globalThis.navigator?.locks) {
		state.writer = await new Promise<boolean>((answer) => {
			void navigator.locks.request(LOCK, { ifAvailable: true }, async (lock) => {
				answer(lock !== null);
				if (lock) await held;
			});
		});
		if (!state.writer) {
			void navigator.locks.request(LOCK, async () => {
				state.writer = true;
				granted();
				await held;
			});
		}
	}
	return {
		get writer() {
			return state.writer;
		},
		announce: () => channel?.postMessage('changed'),
		release: () => {
			release();
			channel?.close();
		}
	};
}
