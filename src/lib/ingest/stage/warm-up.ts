/**
 * A rehearsal of the import path on a made-up file, run while the user is choosing theirs.
 * The browser compiles DuckDB's WebAssembly in two tiers: code starts on a quick baseline compiler
 * and is recompiled optimised only once it has run a while, so the first large file read ran about
 * 3x slower than the same read a second time (npm run bench: "first time in a new engine").
 * Rehearsing on a few thousand rows makes the reader, joins and aggregates hot before a real file.
 */
import type { Database } from '../../db/database';
import { discardPreview, previewImport } from '../preview';

const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

/**
 * A measures file of `rows` rows with every column a long-form file may have: 80 measures over
 * consecutive quarters from 2000/01, all valid, each measure's details (its name aside) on its first row only.
 */
export function rehearsalFile(rows: number): Uint8Array {
	const lines = ['measure_id,measure,quadrant,priority,agency,area_code,period,value,numerator,denominator,target,polarity,unit'];
	for (let i = 0; i < rows; i++) {
		const m = i % 80;
		const q = Math.floor(i / 80);
		const year = 2000 + Math.floor(q / 4);
		const period = `${year}/${String((year + 1) % 100).padStart(2, '0')} ${QUARTERS[q % 4]}`;
		const details = q === 0 ? `Rehearsal ${m},How well did we do it?,${1 + (m % 6)},Humberside Police` : `Rehearsal ${m},,,`;
		const tail = q === 0 ? 'higher is better,%' : ',';
		lines.push(`WARM${m},${details},,${period},${(50 + (i % 50)).toFixed(1)},${50 + (i % 50)},100,75,${tail}`);
	}
	return new TextEncoder().encode(lines.join('\n') + '\n');
}

/**
 * Previews the rehearsal file and discards it: nothing is written, no import is logged. It goes
 * as a File does (a Blob), so DuckDB's reading of a chosen file is rehearsed too. `signal` stops
 * it at its next step, for a real file chosen meanwhile (it rejects, leaving nothing behind).
 */
export async function warmUp(db: Database, rows = 4000, signal?: AbortSignal): Promise<void> {
	const preview = await previewImport(db, { name: 'rehearsal.csv', bytes: new Blob([rehearsalFile(rows).slice()]) }, signal ? { signal } : {});
	await discardPreview(db, preview);
}
