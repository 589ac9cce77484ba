// The answers the build ships for the home page, drawn while the browser's DuckDB starts: they
// must be exactly what DuckDB answers over the sample snapshot the browser loads.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/db/database';
import { answersSession, NotAnswered } from '../../src/lib/db/answers';
import { sampleAnswers, sampleSnapshot } from '../../src/lib/db/sample-snapshot';
import { loadWorkspace } from '../../src/lib/db/load-workspace';
import { fileSource } from '../../src/lib/db/workspace-format';
import { measures } from '../../src/lib/db/queries/measures';
import { loadHome } from '../../src/lib/state/home';
import { sameData } from '../../src/lib/state/same';
import { DATA_DIR, emptyDatabase } from '../helpers/workspace';

let answers: Uint8Array;
let live: Database;
beforeAll(async () => {
	const snapshot = await sampleSnapshot(DATA_DIR);
	answers = await sampleAnswers(snapshot);
	live = await emptyDatabase();
	await loadWorkspace(live, fileSource(snapshot));
});

describe('the home page answered ahead of the database', () => {
	test('draws exactly what DuckDB answers over the sample snapshot', async () => {
		const ahead = await loadHome(answersSession(answers));
		const fromDuckdb = await loadHome(live);
		expect(ahead.priorities).toHaveLength(6);
		expect(ahead.indicators.length).toBeGreaterThan(0);
		expect(ahead).toEqual(fromDuckdb);
		expect(sameData(ahead, fromDuckdb)).toBe(true);
	});

	test('answers nothing it was not asked at build time, and writes nothing', async () => {
		const session = answersSession(answers);
		await expect(session.query('SELECT 1')).rejects.toBeInstanceOf(NotAnswered);
		await expect(session.exec('DELETE FROM imports')).rejects.toBeInstanceOf(NotAnswered);
		// a query the home page asks, but reworded, is not answered either
		const sql = (await import('../../src/lib/db/queries/imports')).importLog.toString();
		expect(sql).toContain('SELECT * FROM imports');
		await expect(session.rows('SELECT * FROM imports ORDER BY import_id DESC')).rejects.toBeInstanceOf(NotAnswered);
		await expect(measures(session)).resolves.toEqual(await measures(live));
	});

	test('a file that is not answers, or is cut short, is refused', () => {
		expect(() => answersSession(new TextEncoder().encode('SELECT 1'))).toThrow(/not one of this version/);
		expect(() => answersSession(answers.slice(0, answers.byteLength - 1))).toThrow(/incomplete/);
	});
});

describe('sameData', () => {
	test('compares answers by value: dates, maps, lists and rows', () => {
		const a = { d: new Date(0), m: new Map([['x', [{ v: 1, n: null }]]]) };
		expect(sameData(a, { d: new Date(0), m: new Map([['x', [{ v: 1, n: null }]]]) })).toBe(true);
		expect(sameData(a, { d: new Date(1), m: new Map([['x', [{ v: 1, n: null }]]]) })).toBe(false);
		expect(sameData(a, { d: new Date(0), m: new Map([['x', [{ v: 2, n: null }]]]) })).toBe(false);
		expect(sameData(a, { d: new Date(0), m: new Map([['x', [{ v: 1 }]]]) })).toBe(false);
		expect(sameData([1, 2], [1, 2, 3])).toBe(false);
		expect(sameData(Number.NaN, Number.NaN)).toBe(true);
	});
});
