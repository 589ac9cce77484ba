// Writes the computed styles that draw an SVG onto its clone as style attributes: classes,
// component styles and CSS variables stay behind when the SVG leaves the page.
//
// Inherited properties are written where they differ from the parent's, so the clone inherits
// exactly what the page computed without repeating it on every element.

const INHERITED = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-opacity',
	'stroke-width',
	'stroke-dasharray',
	'stroke-linecap',
	'stroke-linejoin',
	'font-family',
	'font-size',
	'font-style',
	'font-weight',
	'font-variant-numeric',
	'text-anchor',
	'dominant-baseline',
	'paint-order',
	'visibility'
] as const;

/** Properties that do not inherit, with the value that needs no writing. */
const NOT_INHERITED: Record<string, string> = { opacity: '1' };

/** Not drawn; their UA style (display: none) must not be copied. */
const NOT_DRAWN = new Set(['title', 'desc', 'metadata']);

/** The declarations to write for one element, given its computed style and its parent's. Pure. */
export function styleDeclarations(
	own: Pick<CSSStyleDeclaration, 'getPropertyValue'>,
	parent: Pick<CSSStyleDeclaration, 'getPropertyValue'> | undefined
): string[] {
	const declarations: string[] = [];
	for (const property of INHERITED) {
		const value = own.getPropertyValue(property);
		if (value && (!parent || parent.getPropertyValue(property) !== value)) declarations.push(`${property}: ${value}`);
	}
	for (const [property, initial] of Object.entries(NOT_INHERITED)) {
		const value = own.getPropertyValue(property);
		if (value && value !== initial) declarations.push(`${property}: ${value}`);
	}
	if (own.getPropertyValue('display') === 'none') declarations.push('display: none');
	return declarations;
}

/** Copies the computed styles of `original` and its descendants onto `clone` (a deep clone of it). */
export function inlineComputedStyles(original: SVGElement, clone: SVGElement): void {
	const view = original.ownerDocument.defaultView;
	if (!view) return;
	const originals = [original, ...original.querySelectorAll('*')];
	const clones = [clone, ...clone.querySelectorAll('*')];
	const computed = new Map<Element, CSSStyleDeclaration>();
	originals.forEach((element, i) => {
		const target = clones[i];
		if (!target || NOT_DRAWN.has(element.localName)) return;
		const style = view.getComputedStyle(element);
		computed.set(element, style);
		const parent = element === original || !element.parentElement ? undefined : computed.get(element.parentElement);
		const declarations = styleDeclarations(style, parent);
		if (declarations.length === 0) return;
		const existing = target.getAttribute('style')?.trim().replace(/;$/, '');
		target.setAttribute('style', [...(existing ? [existing] : []), ...declarations].join('; '));
	});
}
