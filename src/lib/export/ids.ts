// Gives every id in an exported SVG a prefix, and follows it in every reference (url(#…),
// href="#…", aria-labelledby), so patterns keep working and two exported charts pasted into one
// document cannot take each other's patterns.

const URL_REFERENCE = /url\(\s*(['"]?)[^'")#]*#([^'")\s]+)\1\s*\)/g;
const ID_LIST_ATTRIBUTES = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns']);

/** The attribute's value with its id references passed through `swap`. Pure. */
export function rewriteReferences(name: string, value: string, swap: (id: string) => string): string {
	const localName = name.replace(/^xlink:/, '');
	if (localName === 'href') return value.startsWith('#') ? `#${swap(value.slice(1))}` : value;
	if (ID_LIST_ATTRIBUTES.has(name)) return value.trim().split(/\s+/).map(swap).join(' ');
	if (value.includes('url(')) return value.replace(URL_REFERENCE, (_match, _quote, id: string) => `url(#${swap(id)})`);
	return value;
}

/** Prefixes every id under (and on) `root` with `prefix-` and updates the references to them. */
export function prefixIds(root: Element, prefix: string): void {
	const renamed = new Map<string, string>();
	for (const element of [root, ...root.querySelectorAll('[id]')]) {
		if (!element.id) continue;
		const id = `${prefix}-${element.id}`;
		renamed.set(element.id, id);
		element.id = id;
	}
	if (renamed.size === 0) return;
	const swap = (id: string) => renamed.get(id) ?? id;
	for (const element of [root, ...root.querySelectorAll('*')]) {
		for (const attribute of [...element.attributes]) {
			if (attribute.name === 'id') continue;
			const value = rewriteReferences(attribute.name, attribute.value, swap);
			if (value !== attribute.value) element.setAttributeNS(attribute.namespaceURI, attribute.name, value);
		}
	}
}
