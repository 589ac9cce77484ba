// The export pack: one zip of every chart of a report as SVG and PNG, every table as CSV, and
// the report itself as a standalone HTML file that opens offline (no script, styles inline).
import { strToU8, zipSync, type Zippable } from 'fflate';
import { chartSvgOf } from './export-chart';
import { fileName, slug } from './file-name';
import { readLegend } from './legend';
import { keepLinksOffline } from './offline-links';
import { svgToPng } from './png';
import { standaloneSvg } from './svg';
import { tableToCsv } from './table-csv';

export interface PackEntry {
	path: string;
	bytes: Uint8Array;
}

/** Names made unique within the pack: a second "Trend" becomes "trend-2". */
function uniqueNamer() {
	const used = new Map<string, number>();
	return (name: string) => {
		const n = (used.get(name) ?? 0) + 1;
		used.set(name, n);
		return n === 1 ? name : name.replace(/(\.[a-z]+)$/, `-${n}$1`);
	};
}

/** Every style rule the page has, as text: the standalone HTML carries its own. */
function pageStyles(doc: Document): string {
	return [...doc.styleSheets]
		.flatMap((sheet) => {
			try {
				return [...sheet.cssRules].map((rule) => rule.cssText);
			} catch {
				return [];
			}
		})
		.join('\n');
}

export function standaloneHtml(root: HTMLElement, title: string, doc: Document = document): string {
	const clone = root.cloneNode(true) as HTMLElement;
	clone.querySelectorAll('button, .export-buttons, form, script').forEach((el) => el.remove());
	clone.querySelectorAll('details').forEach((el) => el.setAttribute('open', ''));
	keepLinksOffline(clone);
	const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
	return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title><style>${pageStyles(doc)}</style></head>
<body>${clone.outerHTML}</body></html>`;
}

/** Builds the pack's files from a rendered report. */
export async function packFiles(root: HTMLElement, title: string): Promise<PackEntry[]> {
	const name = uniqueNamer();
	const entries: PackEntry[] = [];
	for (const figure of root.querySelectorAll<HTMLElement>('figure.chart')) {
		const svg = chartSvgOf(figure);
		const chartTitle = figure.querySelector('.chart-title')?.textContent?.trim() ?? 'chart';
		if (svg) {
			const made = standaloneSvg(svg, {
				title: chartTitle,
				description: figure.querySelector('.summary')?.textContent?.trim() ?? '',
				note: figure.querySelector('.note')?.textContent?.trim() ?? undefined,
				legend: readLegend(figure)
			});
			entries.push({ path: `charts/${name(fileName(chartTitle, 'svg'))}`, bytes: strToU8(made.markup) });
			const png = await svgToPng(made.markup, made.width, made.height, { scale: 2 });
			entries.push({ path: `charts/${name(fileName(chartTitle, 'png'))}`, bytes: new Uint8Array(await png.arrayBuffer()) });
		}
	}
	for (const table of root.querySelectorAll<HTMLTableElement>('table')) {
		const caption = table.caption?.textContent?.trim() || 'table';
		entries.push({ path: `tables/${name(fileName(caption, 'csv'))}`, bytes: strToU8(tableToCsv(table)) });
	}
	entries.push({ path: `${slug(title)}.html`, bytes: strToU8(standaloneHtml(root, title)) });
	return entries;
}

export function zip(entries: readonly PackEntry[]): Uint8Array {
	const files: Zippable = {};
	for (const e of entries) files[e.path] = [e.bytes, { level: e.path.endsWith('.png') ? 0 : 6 }];
	return zipSync(files);
}
