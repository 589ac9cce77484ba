import { expect, test } from 'vitest';
import type { Session } from '../../src/lib/db/database';
import { oncePerVersion } from '../../src/lib/state/per-version';

// Only its identity counts here: nothing is asked of it.
const session = (): Session => ({ query: async () => { throw new Error('not asked'); }, rows: async () => [], exec: async () => {} });
const db = session();

test('asks once per version of the data, again when the version moves on or the answer failed', async () => {
	let asked = 0;
	const ask = async () => ++asked;
	expect(await oncePerVersion(db, 'k', 1, ask)).toBe(1);
	expect(await oncePerVersion(db, 'k', 1, ask)).toBe(1);
	expect(await oncePerVersion(db, 'k', 2, ask)).toBe(2);
	expect(await oncePerVersion(db, 'other', 2, ask)).toBe(3);
	expect(await oncePerVersion(db, 'k', undefined, ask)).toBe(4);
	await expect(oncePerVersion(db, 'f', 1, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
	await Promise.resolve();
	expect(await oncePerVersion(db, 'f', 1, ask)).toBe(5);
});

test('asks again when what else the answer depends on differs, keeping only the latest', async () => {
	let asked = 0;
	const ask = async () => ++asked;
	expect(await oncePerVersion(db, 'r', 1, ask, '2016/17 Q1..')).toBe(1);
	expect(await oncePerVersion(db, 'r', 1, ask, '2016/17 Q1..')).toBe(1);
	expect(await oncePerVersion(db, 'r', 1, ask, '..2017/18 Q4')).toBe(2);
	expect(await oncePerVersion(db, 'r', 1, ask, '2016/17 Q1..')).toBe(3);
});

test('keeps each session’s answers apart', async () => {
	let asked = 0;
	const ask = async () => ++asked;
	const other = session();
	expect(await oncePerVersion(db, 's', 1, ask)).toBe(1);
	expect(await oncePerVersion(other, 's', 1, ask)).toBe(2);
	expect(await oncePerVersion(db, 's', 1, ask)).toBe(1);
});
