/**
 * A rehearsal of the import path on a made-up file, run while the user is choosing theirs.
 * The browser compiles DuckDB's WebAssembly in two tiers: code starts on a quick baseline compiler
 * and is recompiled optimised only once it has run a while, so the first large file read ran about
 * 3x slower than the same read a second time (npm run bench: "first time in a new engine").
 * Rehearsing on a few thousand rows makes the reader, joins and aggregates hot before a real file.
 */
import type { Database } from '../db/database';
import { discardPreview, previewImport } from './preview';

const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

/** A measures file of `rows` rows: 80 measures over consecutive quarters from 2000/01, all valid. */
export function rehearsalFile(rows: number): Uint8Array {
	const lines = ['measure_id,measure,quadrant,period,value,numerator,denominator'];
	for (let i = 0; i < rows; i++) {
		const m = i % 80;
		const q = Math.floor(i / 80);
		const year = 2000 + Math.floor(q / 4);
		const period = `${year}/${String((year + 1) % 100).padStart(2, '0')} ${QUARTERS[q % 4]}`;
		lines.push(`WARM${m},Rehearsal ${m},How well did we do it?,${period},${(50 + (i % 50)).toFixed(1)},${50 + (i % 50)},100`);
	}
	return new TextEncoder().encode(lines.join('\n') + '\n');
}

/** Previews the rehearsal file and discards it: nothing is written, no import is logged. */
export async function warmUp(db: Database, rows = 4000): Promise<void> {
	const preview = await previewImport(db, { name: 'rehearsal.csv', bytes: rehearsalFile(rows) });
	await discardPreview(db, preview);
}
