import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// The data never leaves the browser: pages may load and connect to their own origin only.
// 'wasm-unsafe-eval' lets DuckDB compile its WebAssembly; nothing else is relaxed.
const csp = {
	mode: 'hash',
	directives: {
		'default-src': ['self'],
		'script-src': ['self', 'wasm-unsafe-eval'],
		'worker-src': ['self'],
		'connect-src': ['self'],
		'img-src': ['self', 'data:', 'blob:'],
		'style-src': ['self', 'unsafe-inline'],
		'font-src': ['self'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	}
};

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		csp,
		alias: { $data: 'data' },
		// One JavaScript file and one stylesheet for the whole app instead of ~45 chunks: over
		// HTTP/1.1 (six connections) the chunks queued for ~0.5 s before the page could start.
		output: { bundleStrategy: 'single' }
	}
};
