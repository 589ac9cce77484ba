import { expect, test } from 'vitest';
import { oncePerVersion } from '../../src/lib/state/per-version';

test('asks once per version of the data, again when the version moves on or the answer failed', async () => {
	let asked = 0;
	const ask = async () => ++asked;
	expect(await oncePerVersion('k', 1, ask)).toBe(1);
	expect(await oncePerVersion('k', 1, ask)).toBe(1);
	expect(await oncePerVersion('k', 2, ask)).toBe(2);
	expect(await oncePerVersion('other', 2, ask)).toBe(3);
	expect(await oncePerVersion('k', undefined, ask)).toBe(4);
	await expect(oncePerVersion('f', 1, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
	await Promise.resolve();
	expect(await oncePerVersion('f', 1, ask)).toBe(5);
});

test('asks again when what else the answer depends on differs, keeping only the latest', async () => {
	let asked = 0;
	const ask = async () => ++asked;
	expect(await oncePerVersion('r', 1, ask, '2016/17 Q1..')).toBe(1);
	expect(await oncePerVersion('r', 1, ask, '2016/17 Q1..')).toBe(1);
	expect(await oncePerVersion('r', 1, ask, '..2017/18 Q4')).toBe(2);
	expect(await oncePerVersion('r', 1, ask, '2016/17 Q1..')).toBe(3);
});
