// Safe to publish, a report option held in the URL like the report's other choices: on unless the
// user turns it off (the report is what leaves the partnership), with the threshold below which a
// count is hidden. Pure: reading and writing the query string.
import { DEFAULT_THRESHOLD } from '../export/suppress';

export interface PublishOption {
	/** Hide small counts ([c]) with secondary suppression. */
	on: boolean;
	/** Counts from 1 to threshold − 1 are hidden. */
	threshold: number;
}

export const PUBLISH_DEFAULT: PublishOption = { on: true, threshold: DEFAULT_THRESHOLD };
const MAX_THRESHOLD = 100;

/** Reads `publish=off` and `threshold=N` (a whole number from 2 to 100); anything else is the default. */
export function parsePublish(params: URLSearchParams): PublishOption {
	const n = Number(params.get('threshold'));
	const threshold = Number.isInteger(n) && n >= 2 && n <= MAX_THRESHOLD ? n : DEFAULT_THRESHOLD;
	return { on: params.get('publish') !== 'off', threshold };
}

/** The option as query parameters, leaving out what is the default. */
export function publishParams(option: PublishOption): Record<string, string | null> {
	return { publish: option.on ? null : 'off', threshold: option.threshold === DEFAULT_THRESHOLD ? null : String(option.threshold) };
}
