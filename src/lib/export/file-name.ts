// File names for exported charts: the chart's title as an ASCII slug, e.g.
// "RAG trajectory: Young people’s voice" → "rag-trajectory-young-peoples-voice.png".

/** Longest name before the extension: the home page's longest title fits whole. */
export const MAX_SLUG = 80;

// Names Windows refuses whatever the extension ("con.svg" cannot be saved there).
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** The title as lower-case ASCII words joined by hyphens; "chart" when nothing is left. */
export function slug(title: string, maxLength = MAX_SLUG): string {
	const words = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '') // accents: "é" → "e"
		.replace(/&/g, ' and ')
		.replace(/(\d),(?=\d{3})/g, '$1') // "10,000" → "10000"
		.replace(/['’‘`]/g, '') // "people’s" → "peoples"
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	let cut = words;
	if (cut.length > maxLength) {
		cut = cut.slice(0, maxLength + 1);
		const lastHyphen = cut.lastIndexOf('-');
		// Break between words when that keeps at least half; else cut the word.
		cut = lastHyphen >= maxLength / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, maxLength);
		cut = cut.replace(/-+$/, '');
	}
	if (!cut) return 'chart';
	return RESERVED.test(cut) ? `${cut}-chart` : cut;
}

/** `slug(title).ext`: ASCII only, at most MAX_SLUG characters before the extension. */
export function fileName(title: string, ext: string): string {
	const extension = ext.replace(/^\.+/, '').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 8) || 'bin';
	return `${slug(title)}.${extension}`;
}
