// Arquero: fromCSV, then groupby/rollup. In a worker because Arquero compiles its expressions
// with Function(), which the pages' Content-Security-Policy forbids (a worker script has none).
import * as aq from 'arquero';
import { toNumber } from './aggregate';
import { checksum } from './types';

self.onmessage = (event: MessageEvent<ArrayBuffer>) => {
	const text = new TextDecoder().decode(event.data);
	const table = aq
		.fromCSV(text, { parse: { value: toNumber } })
		.groupby('measure_id', 'period')
		.rollup({ n: aq.op.count(), mean: aq.op.mean('value') });
	self.postMessage(checksum(table.objects() as { n: number; mean: number | null }[]));
};
self.postMessage('ready');
