// Modules made by the build (see vite.config.ts).
declare module 'virtual:oba/sample' {
	/** URL of the sample data as a database snapshot (src/lib/db/workspace-format.ts); null in dev and tests. */
	export const snapshotUrl: string | null;
	/** URL of the home page's answers over that snapshot (src/lib/db/answers.ts); null in dev and tests. */
	export const answersUrl: string | null;
}

/** Every area's published figures, made small at build time (vite.config.ts areaData()). */
declare module 'virtual:oba/areas' {
	import type { AreaIndex } from '$lib/oba/areas';
	/** The authorities, regions and England the files cover. */
	export const areaIndex: AreaIndex;
	/** Same-origin URLs of the compacted DfE factors and ONS population files. */
	export const factorsUrl: string;
	export const populationUrl: string;
}
