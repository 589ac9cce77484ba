// Breaks text into lines that fit a width, for titles and notes drawn as SVG text (which does
// not wrap by itself).

/** Width of `text` in CSS pixels. */
export type Measure = (text: string) => number;

/** A rough measure for when no canvas is at hand: an average glyph is ~0.55 em wide. */
export function estimateWidth(fontSize: number, bold = false): Measure {
	const em = bold ? 0.6 : 0.55;
	return (text) => text.length * fontSize * em;
}

/** Greedy word wrap; a word wider than the line gets a line of its own. */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
	const words = text.trim().split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const candidate = line ? `${line} ${word}` : word;
		if (line && measure(candidate) > maxWidth) {
			lines.push(line);
			line = word;
		} else {
			line = candidate;
		}
	}
	if (line) lines.push(line);
	return lines;
}
