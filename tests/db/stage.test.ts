import { beforeAll, describe, expect, test } from 'vitest';
import { Database } from '../../src/lib/db/database';
import { createNodeEngine } from '../../src/lib/db/node-engine';
import { stageCsv } from '../../src/lib/ingest/stage/stage';

let db: Database;
beforeAll(async () => {
	db = new Database(await createNodeEngine());
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe('staging a CSV with DuckDB’s reader', () => {
	test('numbers rows as a spreadsheet does and keeps quoted new lines', async () => {
		const file = await stageCsv(db, 'a.csv', bytes('a,b,c\r\n1,2,3\r\n"x\r\ny",7,8\r\n4,5\r\n,,\r\n'));
		expect(file.headers).toEqual(['a', 'b', 'c']);
		expect(file.rowCount).toBe(3);
		const rows = await db.rows(`SELECT "row", c0, c2 FROM ${file.table} ORDER BY "row"`);
		expect(rows).toEqual([
			{ row: 2, c0: '1', c2: '3' },
			{ row: 3, c0: 'x\r\ny', c2: '8' },
			{ row: 4, c0: '4', c2: null }
		]);
	});

	test('reads Windows-1252, a BOM, semicolons and the sep= line', async () => {
		const win1252 = new Uint8Array([...bytes('sep=;\nmeasure;value\nSpend '), 0xa3, ...bytes(';1200\n')]);
		const file = await stageCsv(db, 'b.csv', win1252);
		expect(file.decoded.encoding).toBe('Windows-1252');
		expect(await db.rows(`SELECT c0, c1 FROM ${file.table}`)).toEqual([{ c0: 'Spend £', c1: '1200' }]);
		const bom = await stageCsv(db, 'c.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('period\tvalue\n2016 Q4\t3\n')]));
		expect(bom.headers).toEqual(['period', 'value']);
		expect(await db.rows(`SELECT c0, c1 FROM ${bom.table}`)).toEqual([{ c0: '2016 Q4', c1: '3' }]);
	});
});
