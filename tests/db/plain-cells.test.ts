// Plain numbers are read by DuckDB, not by the TypeScript parser (lookup.ts `plain`): the two
// readings must agree on every text the pattern lets through, and the pattern must let through
// nothing the parser would read differently.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { str } from '../../src/lib/db/sql';
import { NUMBER_CELL, PLAIN_NUMBER } from '../../src/lib/ingest/check/cell-lookups';
import { fieldsInPlace } from '../../src/lib/ingest/check/lookup';
import { emptyDatabase } from '../helpers/workspace';

let db: Database;
beforeAll(async () => {
	db = await emptyDatabase();
});
afterAll(() => db.close());

const plain = NUMBER_CELL.plain!;
const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));
const plainText = fc.oneof(digits(15), fc.tuple(digits(15), digits(15)).map(([a, b]) => `${a}.${b}`));

async function duckdbReading(texts: string[]) {
	const fields = Object.entries(plain.fields).map(([name, sql]) => `${sql('text')} AS ${name}`).join(', ');
	return db.rows<Record<string, unknown>>(`SELECT regexp_full_match(text, ${str(plain.pattern)}) AS matched, ${fields}
		FROM (SELECT unnest([${texts.map(str).join(', ')}]) AS text, generate_subscripts([${texts.map(str).join(', ')}], 1) AS i) ORDER BY i`);
}

test('every plain number reads the same in DuckDB as in the TypeScript parser', async () => {
	const texts = fc.sample(plainText, { numRuns: 2000, seed: 7 }).concat(['0', '00', '007', '1.50', '100000000000000.000000000000001', '999999999999999']);
	const readings = await duckdbReading(texts);
	texts.forEach((text, i) => {
		const parsed = NUMBER_CELL.parse(text);
		expect(parsed.ok, text).toBe(true);
		const { marker, ...fields } = parsed.ok ? parsed.fields : {};
		expect(marker, text).toBeNull();
		expect(readings[i], text).toEqual({ matched: true, ...fields });
	});
});

test('texts the parser reads in its own way do not match the pattern', async () => {
	const texts = ['', ' 12', '12 ', '1,234', '45%', '£3', '-4', '1e5', '.5', '5.', 'c', 'x', '..', 'inf', 'NaN', '0x10', '1.2.3', '١٢'];
	const readings = await duckdbReading(texts);
	expect(readings.map((r) => r.matched)).toEqual(texts.map(() => false));
	expect(new RegExp(`^(?:${PLAIN_NUMBER})$`).test('12.5')).toBe(true);
});

test('a column of plain numbers and blanks is read in place exactly as its parse, blanks and missing cells included', async () => {
	const spec = { ...NUMBER_CELL, column: 0 };
	expect(fieldsInPlace(spec, ['', 'c']), 'a marker needs the join').toBeNull();
	const inPlace = fieldsInPlace(spec, [''])!;
	const texts = [...fc.sample(plainText, { numRuns: 300, seed: 11 }), '', null, '0', '12.50'];
	const rows = await db.rows<Record<string, unknown>>(`SELECT ${Object.entries(inPlace).map(([name, sql]) => `${sql} AS ${name}`).join(', ')}
		FROM (SELECT unnest([${texts.map((t) => (t === null ? 'NULL' : str(t))).join(', ')}]) AS "c0", generate_subscripts([${texts.map(() => 0).join(', ')}], 1) AS i) s ORDER BY i`);
	texts.forEach((text, i) => {
		const parsed = NUMBER_CELL.parse(text ?? '');
		expect(parsed.ok, String(text)).toBe(true);
		expect(rows[i], String(text)).toEqual(parsed.ok ? parsed.fields : {});
	});
});
