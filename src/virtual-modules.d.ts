// Modules made by the build (see vite.config.ts).
declare module 'virtual:oba/sample-snapshot' {
	/** URL of the sample data as a database snapshot (src/lib/db/snapshot.ts); null in dev and tests. */
	const url: string | null;
	export default url;
}
