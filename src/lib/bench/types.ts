/** What every alternative returns, so the harness can check they all computed the same thing. */
export interface Aggregate {
	/** Number of (measure, period) groups. */
	groups: number;
	/** Sum of the groups' counts: every data row. */
	rows: number;
	/** Sum of the groups' mean values (nulls skipped), rounded: a checksum. */
	meanSum: number;
}

/** One timed run: download separately from the work done with the bytes in hand. */
export interface Timed {
	bytes: number;
	download_ms: number;
	/** From bytes in hand to the aggregation's result in the page. */
	ms: number;
	result: Aggregate;
	/** Parts of `ms` and other figures worth printing. */
	detail: Record<string, number | string | null>;
}

export function checksum(groups: { n: number; mean: number | null }[]): Aggregate {
	let rows = 0;
	let meanSum = 0;
	for (const g of groups) {
		rows += g.n;
		if (g.mean !== null && Number.isFinite(g.mean)) meanSum += g.mean;
	}
	return { groups: groups.length, rows, meanSum: Math.round(meanSum * 1000) / 1000 };
}

/** Same-origin bytes, with the time the download took. */
export async function fetchBytes(url: string): Promise<{ bytes: Uint8Array; download_ms: number }> {
	const t0 = performance.now();
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	const bytes = new Uint8Array(await response.arrayBuffer());
	return { bytes, download_ms: performance.now() - t0 };
}
