// DuckDB's worker, with its .wasm fetched and compiled from the moment the worker starts.
//
// DuckDB's own worker script only asks for the .wasm once the page has loaded DuckDB's JavaScript
// and sent it the instantiate message, and pipes the download through a progress-counting stream
// (in JavaScript, chunk by chunk: half a second of this worker's time here, and a stream the
// browser cannot cache compiled code for). This script starts a plain streaming compile of the
// same file at once, then loads DuckDB's worker script. DuckDB 1.32 instantiates by fetching the
// .wasm and handing that response to WebAssembly.instantiateStreaming: that one fetch is answered
// with an empty response (no second download) and that one instantiation with the module compiled
// here. Should the compile here fail, DuckDB's instantiation downloads the file itself.
//
// A classic worker script (DuckDB's is one, loaded with importScripts): no import or export here.
// The page names the files in the worker's name: JSON { worker, wasm }, absolute URLs.
declare function importScripts(...urls: string[]): void;

(() => {
	const files = JSON.parse((self as unknown as { name: string }).name) as { worker: string; wasm: string };
	const download = () => fetch(files.wasm, { credentials: 'same-origin' });
	const compiled = WebAssembly.compileStreaming(download());
	compiled.catch(() => {}); // if it fails, the instantiation below downloads the file again

	const realFetch = self.fetch;
	self.fetch = (input, init) => {
		const url = input instanceof Request ? input.url : String(input);
		if (url !== files.wasm) return realFetch(input, init);
		self.fetch = realFetch; // once: DuckDB's download of its main module
		return Promise.resolve(new Response(null));
	};
	const instantiateStreaming = WebAssembly.instantiateStreaming;
	WebAssembly.instantiateStreaming = async (_source, imports) => {
		WebAssembly.instantiateStreaming = instantiateStreaming; // once: DuckDB's main module
		let module: WebAssembly.Module;
		try {
			module = await compiled;
		} catch {
			return instantiateStreaming(download(), imports);
		}
		return { module, instance: await WebAssembly.instantiate(module, imports) };
	};
	importScripts(files.worker);
})();
