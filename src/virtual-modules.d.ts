// Modules made by the build (see vite.config.ts).
declare module 'virtual:oba/sample' {
	/** URL of the sample data as a database snapshot (src/lib/db/workspace-format.ts); null in dev and tests. */
	export const snapshotUrl: string | null;
	/** URL of the home page's answers over that snapshot (src/lib/db/answers.ts); null in dev and tests. */
	export const answersUrl: string | null;
}
