// The areas a partnership can choose and compare with: every local authority in the published
// files, its region and England. Pure: the index is made at build time (ingest/area-files.ts).

export interface Authority {
	/** ONS code (E06…, E08…, E09…, E10…). */
	code: string;
	/** The DfE's old three-digit code. */
	oldCode: string;
	name: string;
	regionCode: string;
	regionName: string;
	/** First and last financial year of the DfE figures ('2023/24'); null where the file has none. */
	firstYear: string | null;
	lastYear: string | null;
	/** First and last ONS mid-year estimate. */
	firstMidYear: number | null;
	lastMidYear: number | null;
}

/** An authority formed on a date, from others whose figures are not its own. */
export interface BoundaryChange {
	code: string;
	name: string;
	/** ISO date. */
	formedOn: string;
	predecessors: string[];
	/** How, in a phrase: 'formed from the north and west of Cumbria county'. */
	how: string;
}

export interface AreaIndex {
	england: { code: string; name: string };
	regions: { code: string; name: string }[];
	authorities: Authority[];
	changes: BoundaryChange[];
}

const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim();

/** Authorities matching `query` by name (any part), new code or old code, exact codes first. */
export function findAuthorities(index: AreaIndex, query: string): Authority[] {
	const q = fold(query);
	if (!q) return index.authorities;
	const exact = index.authorities.filter((a) => fold(a.code) === q || a.oldCode === q);
	const rest = index.authorities.filter((a) => !exact.includes(a) && (fold(a.name).includes(q) || fold(a.code).startsWith(q) || a.oldCode.startsWith(q)));
	return [...exact, ...rest];
}

export function authorityOf(index: AreaIndex, code: string | null | undefined): Authority | null {
	return index.authorities.find((a) => a.code === code) ?? null;
}

/** The areas compared with the home authority: its region, then England. */
export function comparatorsOf(index: AreaIndex, code: string | null | undefined): { code: string; name: string }[] {
	const a = authorityOf(index, code);
	return a ? [{ code: a.regionCode, name: a.regionName }, index.england] : [index.england];
}

const dateText = (iso: string) =>
	new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const names = (index: AreaIndex, codes: readonly string[]) =>
	codes.map((c) => { const a = authorityOf(index, c); return a ? `${a.name} (${a.code})` : c; });

const list = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/**
 * What a reader must know of an authority whose boundary or code changed within the files: where
 * its own figures start or end, and that its predecessors' (or successors') are not joined to them.
 * Null for an authority whose figures run through every year of the files.
 */
export function boundaryNote(index: AreaIndex, code: string | null | undefined): string | null {
	const a = authorityOf(index, code);
	if (!a) return null;
	const formed = index.changes.find((c) => c.code === a.code);
	if (formed) {
		return `${a.name}’s figures start in ${a.firstYear ?? 'no year yet'} (children aged 0–17 from mid-${a.firstMidYear ?? '—'}): ` +
			`it was ${formed.how} on ${dateText(formed.formedOn)}. The figures of ${list(names(index, formed.predecessors))} ` +
			`are not joined to its own, because they are not for the same area or council.`;
	}
	const successors = index.changes.filter((c) => c.predecessors.includes(a.code));
	if (successors.length) {
		return `${a.name}’s figures end in ${a.lastYear ?? 'no year'} (children aged 0–17 at mid-${a.lastMidYear ?? '—'}): ` +
			`from ${dateText(successors[0]!.formedOn)} its children are counted by ${list(names(index, successors.map((s) => s.code)))}, ` +
			`whose figures are not joined to its own.`;
	}
	return null;
}
