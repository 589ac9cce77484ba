/**
 * Hidden sheets and rows of an OpenDocument spreadsheet, which SheetJS does not read: a sheet
 * whose table style says `table:display="false"`, a row with `table:visibility="collapse"` (or
 * "filter"). Read from content.xml's tags, so that an .ods is offered and warned about as an .xlsx is.
 */

export interface OdsHidden {
	/** Names of hidden sheets. */
	sheets: Set<string>;
	/** Per sheet, its hidden rows as 1-based [first, last] runs. */
	rows: Map<string, [number, number][]>;
}

const attribute = (tag: string, name: string) => {
	const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
	return m ? m[1]!.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : null;
};

export function odsHidden(content: string): OdsHidden {
	const hiddenStyles = new Set<string>();
	for (const m of content.matchAll(/<style:style\s[^>]*>[\s\S]*?<\/style:style>/g)) {
		const open = m[0].slice(0, m[0].indexOf('>') + 1);
		if (attribute(open, 'style:family') === 'table' && /table:display="false"/.test(m[0])) hiddenStyles.add(attribute(open, 'style:name') ?? '');
	}
	const sheets = new Set<string>();
	const rows = new Map<string, [number, number][]>();
	let sheet: string | null = null;
	let row = 0;
	// A sheet's start, and each of its rows (a row repeated n times counts n).
	for (const m of content.matchAll(/<table:table(\s[^>]*)?>|<table:table-row(\s[^>]*)?\/?>/g)) {
		if (m[0].startsWith('<table:table-row')) {
			if (sheet === null) continue;
			const repeated = Number(attribute(m[0], 'table:number-rows-repeated') ?? 1) || 1;
			const visibility = attribute(m[0], 'table:visibility');
			if (visibility === 'collapse' || visibility === 'filter') rows.get(sheet)!.push([row + 1, row + repeated]);
			row += repeated;
		} else {
			sheet = attribute(m[0], 'table:name') ?? '';
			row = 0;
			rows.set(sheet, []);
			if (hiddenStyles.has(attribute(m[0], 'table:style-name') ?? '')) sheets.add(sheet);
		}
	}
	return { sheets, rows };
}
