// The legend that sits beside a chart as HTML (a `.legend` list: a small swatch and a name per
// series), read back as data so the exported image carries it too.

export interface LegendEntry {
	label: string;
	colour: string;
	/** stroke-dasharray of the swatch, if dashed. */
	dash?: string;
}

/** The entries of every `.legend` list in `figure`, in order. */
export function readLegend(figure: Element): LegendEntry[] {
	const view = figure.ownerDocument.defaultView;
	return [...figure.querySelectorAll('.legend li')].flatMap((item) => {
		const label = item.textContent?.trim().replace(/\s+/g, ' ') ?? '';
		const swatch = item.querySelector('line, path, rect, circle');
		if (!label || !swatch || !view) return [];
		const style = view.getComputedStyle(swatch);
		const colour = style.stroke && style.stroke !== 'none' ? style.stroke : style.fill;
		const dash = style.strokeDasharray && style.strokeDasharray !== 'none' ? style.strokeDasharray : undefined;
		return [{ label, colour, ...(dash ? { dash } : {}) }];
	});
}
