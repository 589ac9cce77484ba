import { fetchBytes, type Aggregate, type Timed } from './types';

/**
 * Starts `Worker`, waits until it has loaded its code, then times handing it the bytes
 * (transferred, not copied) until its aggregate comes back. Timed the second time, after the
 * same work as a warm-up (its time is in `detail.first_run_ms`), as the DuckDB floor is.
 */
export async function timeInWorker(Worker: new () => Worker, url: string): Promise<Timed> {
	const worker = new Worker();
	try {
		const reply = () =>
			new Promise<unknown>((resolve, reject) => {
				worker.onmessage = (event) => resolve(event.data);
				worker.onerror = (event) => reject(new Error(event.message || 'worker failed'));
			});
		if ((await reply()) !== 'ready') throw new Error('the worker did not start');
		const { bytes, download_ms } = await fetchBytes(url);
		const size = bytes.byteLength; // the transfer empties `bytes`
		const run = async (buffer: ArrayBuffer) => {
			const done = reply();
			const t0 = performance.now();
			worker.postMessage(buffer, [buffer]);
			const result = (await done) as Aggregate;
			return { ms: performance.now() - t0, result };
		};
		const first = await run(bytes.slice().buffer);
		const timed = await run(bytes.buffer as ArrayBuffer);
		return { bytes: size, download_ms, ms: timed.ms, result: timed.result, detail: { first_run_ms: first.ms } };
	} finally {
		worker.terminate();
	}
}
