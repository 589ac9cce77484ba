/**
 * The registry of file formats: each format is one module (its columns, help text, checks and
 * writer) and is listed here once. The reader, the templates and the formats page read this list.
 */
import { actionPlan } from './action-plan';
import { dataDevelopment } from './data-development';
import { dfeOpenData } from './dfe';
import { measuresLong } from './measures-long';
import { measuresWide } from './measures-wide';
import { population } from './population';
import { agencies, priorities } from './reference';
import { reviews } from './reviews';
import type { Format, FormatId } from './specs';
import { statisticalNeighbours } from './statistical-neighbours';

export type { ColumnSpec, Format, FormatId, FormatSpec } from './specs';

/** In the order the formats page lists them, and detection tries them. */
export const FORMATS: readonly Format[] = [
	measuresLong, measuresWide, actionPlan, reviews, dfeOpenData, population, agencies, priorities, dataDevelopment, statisticalNeighbours
];

export function formatSpec(id: FormatId): Format {
	const spec = FORMATS.find((f) => f.id === id);
	if (!spec) throw new Error(`Unknown format ${id}`);
	return spec;
}
