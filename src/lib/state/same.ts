/**
 * Whether two answers hold the same data: numbers, text, dates, lists, maps and plain objects,
 * compared by value. Anything else is the same only when it is the very same thing.
 */
export function sameData(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (a instanceof Date && b instanceof Date) return Object.is(a.getTime(), b.getTime());
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameData(x, b[i]));
	if (a instanceof Map && b instanceof Map) {
		return a.size === b.size && [...a].every(([key, value]) => b.has(key) && sameData(value, b.get(key)));
	}
	if (isPlain(a) && isPlain(b)) {
		const keys = Object.keys(a);
		return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameData(a[key], b[key]));
	}
	return false;
}

function isPlain(x: unknown): x is Record<string, unknown> {
	if (typeof x !== 'object' || x === null) return false;
	const proto = Object.getPrototypeOf(x);
	return proto === Object.prototype || proto === null;
}
