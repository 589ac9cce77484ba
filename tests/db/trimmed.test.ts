// col() reads cells through trimmed(), which skips trim() for cells with nothing to trim: it must
// give exactly nullif(trim(x), '') for every text.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { str } from '../../src/lib/db/sql';
import { trimmed } from '../../src/lib/ingest/formats/context';
import { emptyDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await emptyDatabase();
});
afterAll(() => db.close());

const padding = ['', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\u0085', '\u2028', '\u200b', '\ufeff'];
const text = fc.tuple(fc.constantFrom(...padding), fc.string({ maxLength: 6 }), fc.constantFrom(...padding)).map(([a, b, c]) => a + b + c);

test('trimmed(x) is nullif(trim(x), \'\') for every text, padded in every kind of white space', async () => {
	const texts = [...fc.sample(text, { numRuns: 3000, seed: 11 }), ...padding, 'a', ' a ', 'a b', 'e\u0301', ' e\u0301', 'e\u0301 ', 'a\u200d ', '\u0301a', 'a\u0301\u00a0', '~', '!x!'];
	const list = `[${texts.map(str).join(', ')}]`;
	const rows = await db.rows<{ same: boolean; n: number }>(`
		SELECT count(*) FILTER (${trimmed('x')} IS NOT DISTINCT FROM nullif(trim(x), '')) AS same, count(*) AS n
		FROM (SELECT unnest(${list}) AS x UNION ALL SELECT NULL)`);
	expect(rows[0]).toEqual({ same: texts.length + 1, n: texts.length + 1 });
});
