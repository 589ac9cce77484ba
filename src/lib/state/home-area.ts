// The partnership's area and what it is compared with, from the settings and the index of the
// published files: its region and England follow from the authority.
import { areaIndex } from 'virtual:oba/areas';
import type { SettingsRow } from '../db/queries/settings';
import { authorityOf, boundaryNote, comparatorsOf } from '../oba/areas';

export interface HomeArea {
	code: string;
	name: string;
	partnership: string | null;
	planTitle: string | null;
	/** The example workspace the app ships, not the user's own. */
	example: boolean;
	regionName: string | null;
	/** The region, then England. */
	comparators: { code: string; name: string }[];
	/** Where the area's figures start or end because its boundary changed, and why; null when they run throughout. */
	boundary: string | null;
}

export function homeArea(settings: SettingsRow | null): HomeArea | null {
	if (!settings) return null;
	return {
		code: settings.area_code,
		name: settings.area_name,
		partnership: settings.partnership,
		planTitle: settings.plan_title,
		example: settings.example,
		regionName: authorityOf(areaIndex, settings.area_code)?.regionName ?? null,
		comparators: comparatorsOf(areaIndex, settings.area_code),
		boundary: boundaryNote(areaIndex, settings.area_code)
	};
}

/**
 * Which areas a chart of the home area shows: the home area, its region and England, and any
 * area not in the published files (a file of the user's own may bring one); not every other
 * authority, which comparisons between authorities load.
 */
export function shownAreas(homeCode: string | null): (code: string) => boolean {
	const comparators = new Set([homeCode, ...comparatorsOf(areaIndex, homeCode).map((a) => a.code)]);
	const published = new Set([...areaIndex.authorities.map((a) => a.code), ...areaIndex.regions.map((r) => r.code), areaIndex.england.code]);
	return (code) => comparators.has(code) || !published.has(code);
}
