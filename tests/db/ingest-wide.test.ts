import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { importFile } from '../../src/lib/ingest/import-file';
import { sampleDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await sampleDatabase();
});

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');
const QUARTERS = ['2017/18 Q1', '2017/18 Q2', '2017/18 Q3', '2017/18 Q4'];
const CELLS = [['12', '[c]', '', '1,234'], ['45%', '50%', 'x', '52.5%']];

describe('the wide form goes through the long form’s rules and writer', () => {
	test('the same figures, long or wide, are stored the same', async () => {
		const long = bytes([
			'measure_id,measure,quadrant,period,value',
			...CELLS.flatMap((cells, m) =>
				cells.flatMap((cell, q) => (cell === '' ? [] : [`L${m},Measure ${m},How much did we do?,${QUARTERS[q]},"${cell}"`])))
		]);
		const wide = bytes([
			`measure_id,measure,quadrant,${QUARTERS.join(',')}`,
			...CELLS.map((cells, m) => `W${m},Measure ${m},How much did we do?,${cells.map((c) => `"${c}"`).join(',')}`)
		]);
		for (const [name, file] of [['long.csv', long], ['wide.csv', wide]] as const) {
			const outcome = await importFile(db, { name, bytes: file });
			expect(outcome.problems).toEqual([]);
			expect(outcome.format).toBe(name === 'long.csv' ? 'measures-long' : 'measures-wide');
		}
		const stored = (prefix: string) =>
			db.rows(`SELECT substr(v.measure_id, 2) AS m, m.unit, v.period_label, v.value, v.marker FROM measure_values v JOIN measures m USING (measure_id)
				WHERE v.measure_id LIKE '${prefix}%' ORDER BY ALL`);
		const fromLong = await stored('L');
		expect(fromLong).toHaveLength(7);
		expect(await stored('W')).toEqual(fromLong);
	});
});
