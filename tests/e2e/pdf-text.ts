// Text of a PDF, page by page, with positions: enough to check what a printed report holds and
// where. pdf.js is Mozilla's PDF reader; it runs under Node for tests only.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
	text: string;
	/** Distance from the top of the page, in points. */
	top: number;
}

export async function pdfPages(bytes: Uint8Array): Promise<PdfTextItem[][]> {
	const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
	const pages: PdfTextItem[][] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const height = page.getViewport({ scale: 1 }).height;
		const content = await page.getTextContent();
		pages.push(
			content.items
				// In the order the page draws them: a table cell's wrapped lines stay together.
				.flatMap((item) => ('str' in item && item.str.trim() ? [{ text: item.str.trim(), top: height - item.transform[5] }] : []))
		);
	}
	await doc.destroy();
	return pages;
}

/** A page's text as one string, items joined by spaces, in drawing order. */
export function pageText(items: readonly PdfTextItem[]): string {
	return items.map((i) => i.text).join(' ').replace(/\s+/g, ' ');
}
