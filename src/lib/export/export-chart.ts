// What an export button does: finds the figure's chart, makes the file, saves it.

import { toCsv, type CsvColumn, type CsvRow } from './csv';
import { downloadBlob } from './download';
import { fileName } from './file-name';
import { readLegend } from './legend';
import { svgToPng } from './png';
import { standaloneSvg } from './svg';

export type ExportFormat = 'svg' | 'png' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['svg', 'png', 'csv'];

export interface ChartExport {
	/** The <figure> holding the chart. */
	figure: Element;
	title: string;
	/** The text alternative. */
	description: string;
	note?: string;
	source?: string;
	/** The data table's columns and rows: exactly what is drawn. */
	columns: readonly CsvColumn[];
	rows: readonly CsvRow[];
}

/** The figure's chart: its first <svg role="img">. */
export function chartSvgOf(figure: Element): SVGSVGElement | null {
	return figure.querySelector<SVGSVGElement>('svg[role="img"]');
}

function standalone(chart: ChartExport) {
	const svg = chartSvgOf(chart.figure);
	if (!svg) throw new Error('There is no chart to export yet.');
	return standaloneSvg(svg, {
		title: chart.title,
		description: chart.description,
		note: chart.note,
		source: chart.source,
		legend: readLegend(chart.figure)
	});
}

/** Makes the file of `format` and saves it; resolves with its name. */
export async function exportChart(format: ExportFormat, chart: ChartExport): Promise<string> {
	const name = fileName(chart.title, format);
	let blob: Blob;
	if (format === 'csv') {
		blob = new Blob([toCsv(chart.columns, chart.rows)], { type: 'text/csv;charset=utf-8' });
	} else {
		const svg = standalone(chart);
		blob =
			format === 'svg'
				? new Blob([svg.markup], { type: 'image/svg+xml;charset=utf-8' })
				: await svgToPng(svg.markup, svg.width, svg.height, { scale: 2 });
	}
	downloadBlob(blob, name);
	return name;
}
