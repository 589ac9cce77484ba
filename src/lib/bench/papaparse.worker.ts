// papaparse to JS objects, then the aggregation in plain JS, in a worker of its own
// (papaparse's `worker: true` breaks in a Vite 8 build). Posts 'ready' once loaded.
import Papa from 'papaparse';
import { aggregateRows } from './aggregate';

self.onmessage = (event: MessageEvent<ArrayBuffer>) => {
	const text = new TextDecoder().decode(event.data);
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	self.postMessage(aggregateRows(parsed.data));
};
self.postMessage('ready');
