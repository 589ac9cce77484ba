#!/usr/bin/env node
// Static server for the built dashboard (build/). No dependencies: plain Node.
//
//   node scripts/serve.js [--port N] [--host 127.0.0.1] [--root build]
//
// Also imported by the e2e tests: startServer({ port, host, root }) → { url, close }.
//
// What it does beyond serving files:
// - route/ → route/index.html; route → 301 route/ when that directory exists; 404 page otherwise.
// - gzip when the client accepts it: a precompressed `file.gz` beside the file if present,
//   else compressed once with zlib and kept in memory (the DuckDB .wasm files are ~35 MB).
// - Cache-Control: no-cache (revalidate with the ETag) except /_app/immutable/ (one year).
// - Security headers on every response. An HTML page gets, as a header, the
//   Content-Security-Policy SvelteKit wrote into its <meta http-equiv> (which carries the
//   hashes of its inline scripts) plus frame-ancestors 'none' (ignored in a <meta>).
//   JavaScript gets no CSP header: a worker's policy comes from its own script's response,
//   and DuckDB's worker must be free to fetch and compile its .wasm. Other files (images,
//   data, wasm, 404s) get default-src 'none'.

import { createServer } from 'node:http';
import { createReadStream, realpathSync } from 'node:fs';
import { readFile, stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzip as gzipCallback, constants as zlibConstants } from 'node:zlib';
import { promisify } from 'node:util';
import { invokedDirectly } from './invoked-directly.js';

const gzip = promisify(gzipCallback);

const DEFAULT_PORT = 4173;
const DEFAULT_HOST = '127.0.0.1';
const PORT_ATTEMPTS = 21; // the port asked for, then up to +20
const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');

/** @type {Record<string, string>} */
const MIME = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.cjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.tsv': 'text/tab-separated-values; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.ttf': 'font/ttf',
	'.otf': 'font/otf',
	'.parquet': 'application/vnd.apache.parquet',
	'.gz': 'application/gzip',
	'.pdf': 'application/pdf'
};

/** Types worth gzipping (images and fonts are compressed already). */
const COMPRESSIBLE = new Set([
	'.html', '.js', '.mjs', '.cjs', '.css', '.svg', '.json', '.map', '.webmanifest',
	'.csv', '.tsv', '.txt', '.xml', '.wasm', '.ico', '.ttf', '.otf'
]);
const MIN_GZIP_BYTES = 1024;
const MAX_GZIP_CACHE_BYTES = 256 * 1024 * 1024;

/** Used for an HTML page that carries no CSP <meta> of its own (it then has no inline script either). */
const FALLBACK_PAGE_CSP =
	"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; " +
	"img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'self'";
const ASSET_CSP = "default-src 'none'; frame-ancestors 'none'";

/** @type {Record<string, string>} */
const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin',
	'X-Frame-Options': 'DENY'
};

/**
 * @typedef {{ port?: number, host?: string, root?: string, strictPort?: boolean }} ServerOptions
 * @typedef {{ url: string, port: number, host: string, root: string, close: () => Promise<void> }} RunningServer
 * @typedef {{ mtimeMs: number, size: number, body: Buffer }} CachedBody
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {import('node:fs').Stats} Stats
 */

/**
 * Starts the server. `port: 0` picks any free port; otherwise, when the port is busy, the next
 * ones are tried (up to +20) unless `strictPort` is set.
 * @param {ServerOptions} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
	const host = options.host ?? DEFAULT_HOST;
	const firstPort = options.port ?? DEFAULT_PORT;
	const root = realpathSync(path.resolve(options.root ?? DEFAULT_ROOT));
	const handler = createHandler(root);
	const attempts = firstPort === 0 || options.strictPort ? 1 : PORT_ATTEMPTS;

	/** @type {unknown} */
	let lastError;
	for (let i = 0; i < attempts; i++) {
		const port = firstPort === 0 ? 0 : firstPort + i;
		if (port > 65535) break;
		const server = createServer((req, res) => {
			handler(req, res).catch((error) => {
				console.error(`serve: ${req.method} ${req.url}:`, error);
				if (!res.headersSent) sendError(res, 500, 'Internal server error');
				else res.destroy();
			});
		});
		server.keepAliveTimeout = 5_000;
		try {
			await listen(server, port, host);
		} catch (error) {
			lastError = error;
			if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE') continue;
			throw error;
		}
		const address = server.address();
		const actualPort = typeof address === 'object' && address ? address.port : port;
		const shownHost = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
		const urlHost = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
		return {
			url: `http://${urlHost}:${actualPort}/`,
			port: actualPort,
			host,
			root,
			close: () =>
				new Promise((resolve, reject) => {
					server.close((error) => (error ? reject(error) : resolve()));
					server.closeAllConnections();
				})
		};
	}
	const tried = firstPort === 0 ? 'a free port' : `ports ${firstPort}–${firstPort + attempts - 1}`;
	throw new Error(`Could not listen on ${host} (${tried}): ${String(lastError)}`);
}

/**
 * @param {import('node:http').Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<void>}
 */
function listen(server, port, host) {
	return new Promise((resolve, reject) => {
		/** @param {Error} error */
		const onError = (error) => {
			server.off('listening', onListening);
			reject(error);
		};
		const onListening = () => {
			server.off('error', onError);
			resolve();
		};
		server.once('error', onError);
		server.once('listening', onListening);
		server.listen(port, host);
	});
}

/**
 * @param {string} root real path of the directory to serve
 * @returns {(req: Req, res: Res) => Promise<void>}
 */
function createHandler(root) {
	/** gzip bodies by absolute path; dropped when the file's mtime or size changes. @type {Map<string, CachedBody | Promise<CachedBody>>} */
	const gzipCache = new Map();
	let gzipCacheBytes = 0;
	/** CSP of each HTML page, from its <meta>. @type {Map<string, { mtimeMs: number, size: number, csp: string }>} */
	const cspCache = new Map();

	/**
	 * @param {string} file
	 * @param {Stats} stats
	 * @returns {Promise<Buffer>}
	 */
	async function gzipped(file, stats) {
		const cached = gzipCache.get(file);
		if (cached) {
			const entry = await cached;
			if (entry.mtimeMs === stats.mtimeMs && entry.size === stats.size) return entry.body;
			if (gzipCache.get(file) === cached) {
				gzipCache.delete(file);
				gzipCacheBytes -= entry.body.length;
			}
		}
		const pending = (async () => {
			const raw = await readFile(file);
			const body = await gzip(raw, { level: raw.length > 4 * 1024 * 1024 ? 6 : 9 });
			return { mtimeMs: stats.mtimeMs, size: stats.size, body };
		})();
		gzipCache.set(file, pending);
		try {
			const entry = await pending;
			if (gzipCacheBytes + entry.body.length <= MAX_GZIP_CACHE_BYTES) {
				gzipCache.set(file, entry);
				gzipCacheBytes += entry.body.length;
			} else {
				gzipCache.delete(file);
			}
			return entry.body;
		} catch (error) {
			gzipCache.delete(file);
			throw error;
		}
	}

	/**
	 * @param {string} file
	 * @param {Stats} stats
	 * @returns {Promise<string>}
	 */
	async function pageCsp(file, stats) {
		const cached = cspCache.get(file);
		if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.csp;
		const html = await readFile(file, 'utf8');
		const csp = withFrameAncestors(cspFromMeta(html) ?? FALLBACK_PAGE_CSP);
		cspCache.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, csp });
		return csp;
	}

	return async function handle(req, res) {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);

		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.setHeader('Allow', 'GET, HEAD');
			return sendError(res, 405, 'Method not allowed');
		}

		const requestUrl = parseRequestTarget(req.url);
		if (!requestUrl) return sendError(res, 400, 'Bad request');
		let pathname;
		try {
			pathname = decodeURIComponent(requestUrl.pathname);
		} catch {
			return sendError(res, 400, 'Bad request');
		}
		if (pathname.includes('\0') || pathname.includes('\\')) return sendError(res, 400, 'Bad request');
		// No dotfiles or dot-directories (build/.stamp), and no `..` segments at all.
		const segments = pathname.split('/');
		if (segments.some((s) => s === '..' || (s.startsWith('.') && s !== '.well-known'))) {
			return notFound(req, res);
		}

		const file = await resolveInside(root, pathname);
		if (!file) return notFound(req, res);
		let stats = await statOrNull(file);
		if (!stats) return notFound(req, res);

		let target = file;
		if (stats.isDirectory()) {
			if (!pathname.endsWith('/')) {
				// A single leading slash, so the Location can never be protocol-relative (//host).
				const location = '/' + requestUrl.pathname.replace(/^\/+/, '') + '/' + requestUrl.search;
				res.statusCode = 301;
				res.setHeader('Location', location);
				res.setHeader('Cache-Control', 'no-cache');
				res.setHeader('Content-Security-Policy', ASSET_CSP);
				res.end();
				return;
			}
			target = path.join(file, 'index.html');
			stats = await statOrNull(target);
			if (!stats || !stats.isFile()) return notFound(req, res);
		} else if (!stats.isFile()) {
			return notFound(req, res);
		}

		const immutable = requestUrl.pathname.startsWith('/_app/immutable/');
		return sendFile(req, res, target, stats, 200, immutable);
	};

	/**
	 * @param {Req} req
	 * @param {Res} res
	 */
	async function notFound(req, res) {
		const page = path.join(root, '404.html');
		const stats = await statOrNull(page);
		if (stats && stats.isFile()) return sendFile(req, res, page, stats, 404, false);
		return sendError(res, 404, 'Not found');
	}

	/**
	 * @param {Req} req
	 * @param {Res} res
	 * @param {string} file
	 * @param {Stats} stats
	 * @param {number} status
	 * @param {boolean} immutable
	 */
	async function sendFile(req, res, file, stats, status, immutable) {
		const ext = path.extname(file).toLowerCase();
		const type = MIME[ext] ?? 'application/octet-stream';
		const isHtml = ext === '.html';
		const isScript = ext === '.js' || ext === '.mjs' || ext === '.cjs';

		res.setHeader('Content-Type', type);
		res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
		if (isHtml) res.setHeader('Content-Security-Policy', await pageCsp(file, stats));
		else if (!isScript) res.setHeader('Content-Security-Policy', ASSET_CSP);

		const compressible = COMPRESSIBLE.has(ext) && stats.size >= MIN_GZIP_BYTES;
		if (compressible) res.setHeader('Vary', 'Accept-Encoding');

		const useGzip = compressible && acceptsGzip(req.headers['accept-encoding']);
		const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${useGzip ? '-gz' : ''}"`;
		if (status === 200) {
			res.setHeader('ETag', etag);
			res.setHeader('Last-Modified', stats.mtime.toUTCString());
			if (req.headers['if-none-match'] === etag) {
				res.statusCode = 304;
				res.end();
				return;
			}
		}
		res.statusCode = status;

		if (useGzip) {
			res.setHeader('Content-Encoding', 'gzip');
			const pre = file + '.gz';
			const preStats = await statOrNull(pre);
			if (preStats && preStats.isFile() && preStats.mtimeMs >= stats.mtimeMs) {
				res.setHeader('Content-Length', preStats.size);
				return stream(req, res, pre);
			}
			const body = await gzipped(file, stats);
			res.setHeader('Content-Length', body.length);
			return void res.end(req.method === 'HEAD' ? undefined : body);
		}

		res.setHeader('Content-Length', stats.size);
		return stream(req, res, file);
	}
}

/**
 * @param {Req} req
 * @param {Res} res
 * @param {string} file
 * @returns {Promise<void>}
 */
function stream(req, res, file) {
	if (req.method === 'HEAD') return Promise.resolve(void res.end());
	return new Promise((resolve) => {
		const input = createReadStream(file);
		input.on('error', (error) => {
			console.error(`serve: reading ${file}:`, error);
			res.destroy();
			resolve();
		});
		res.on('close', () => {
			input.destroy();
			resolve();
		});
		input.pipe(res);
	});
}

/**
 * Path and query of a request target. Not `new URL(target, base)`: that would read `//host/x`
 * as another host.
 * @param {string | undefined} target
 * @returns {{ pathname: string, search: string } | null}
 */
function parseRequestTarget(target = '/') {
	if (!target.startsWith('/')) {
		// absolute-form (http://host/path), as sent to proxies
		try {
			const url = new URL(target);
			return { pathname: url.pathname, search: url.search };
		} catch {
			return null;
		}
	}
	const hash = target.indexOf('#');
	const noHash = hash < 0 ? target : target.slice(0, hash);
	const query = noHash.indexOf('?');
	return query < 0
		? { pathname: noHash, search: '' }
		: { pathname: noHash.slice(0, query), search: noHash.slice(query) };
}

/**
 * The absolute path for a URL path, or null when it would leave `root` (also through a symlink).
 * @param {string} root
 * @param {string} pathname decoded URL path
 * @returns {Promise<string | null>}
 */
async function resolveInside(root, pathname) {
	const candidate = path.resolve(root, '.' + path.posix.normalize('/' + pathname));
	if (!isInside(root, candidate)) return null;
	try {
		const real = await realpath(candidate);
		return isInside(root, real) ? candidate : null;
	} catch {
		return null;
	}
}

/**
 * @param {string} root
 * @param {string} candidate
 */
function isInside(root, candidate) {
	return candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * @param {string} file
 * @returns {Promise<Stats | null>}
 */
async function statOrNull(file) {
	try {
		return await stat(file);
	} catch {
		return null;
	}
}

/**
 * @param {string | string[] | undefined} header
 */
export function acceptsGzip(header) {
	if (!header) return false;
	const value = Array.isArray(header) ? header.join(',') : header;
	return value.split(',').some((part) => {
		const [coding = '', ...params] = part.trim().toLowerCase().split(';');
		if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return q === undefined || Number(q.slice(2)) > 0;
	});
}

/**
 * The content of the page's <meta http-equiv="content-security-policy">, if any.
 * @param {string} html
 * @returns {string | null}
 */
export function cspFromMeta(html) {
	for (const match of html.matchAll(/<meta\b[^>]*>/gi)) {
		const tag = match[0];
		if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(tag)) continue;
		const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
		const value = content?.[1] ?? content?.[2];
		if (value) return decodeEntities(value).trim();
	}
	return null;
}

/** @param {string} text */
function decodeEntities(text) {
	return text
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&#x27;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** @param {string} csp */
function withFrameAncestors(csp) {
	if (/(^|;)\s*frame-ancestors\b/i.test(csp)) return csp;
	return `${csp.replace(/[;\s]+$/, '')}; frame-ancestors 'none'`;
}

/**
 * @param {Res} res
 * @param {number} status
 * @param {string} message
 */
function sendError(res, status, message) {
	const body = `<!doctype html><html lang="en-GB"><meta charset="utf-8"><title>${status} ${message}</title><h1>${status} ${message}</h1></html>\n`;
	res.statusCode = status;
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.setHeader('Cache-Control', 'no-cache');
	res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
	res.setHeader('Content-Length', Buffer.byteLength(body));
	res.end(body);
}

/**
 * @param {string[]} argv
 * @returns {ServerOptions & { help?: boolean }}
 */
function parseArgs(argv) {
	/** @type {ServerOptions & { help?: boolean }} */
	const options = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? '';
		const [flag = '', inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		if (flag === '--port' || flag === '-p') {
			const text = value();
			const port = Number(text);
			if (!/^\d+$/.test(text) || port > 65535) throw new Error(`invalid port: ${text}`);
			options.port = port;
		} else if (flag === '--host') options.host = value();
		else if (flag === '--root') options.root = value();
		else if (flag === '--help' || flag === '-h') options.help = true;
		else throw new Error(`unknown argument: ${arg}`);
	}
	return options;
}

async function main() {
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`serve: ${error instanceof Error ? error.message : String(error)}`);
		console.error('usage: node scripts/serve.js [--port N] [--host 127.0.0.1] [--root build]');
		process.exit(2);
	}
	if (options.help) {
		console.log('usage: node scripts/serve.js [--port N] [--host 127.0.0.1] [--root build]');
		return;
	}
	if (options.port === undefined && process.env.PORT) {
		const port = Number(process.env.PORT);
		if (Number.isInteger(port) && port >= 0 && port <= 65535) options.port = port;
	}
	const root = path.resolve(options.root ?? DEFAULT_ROOT);
	if ((await statOrNull(path.join(root, 'index.html'))) === null) {
		const shown = path.relative(process.cwd(), root);
		console.error(`No built app in ${shown && !shown.startsWith('..') ? shown : root}: run "npm run build" first (or "npm start").`);
		process.exit(1);
	}
	const server = await startServer({ ...options, root });
	console.log(`OBA dashboard: ${server.url}`);
	const stop = () => {
		server.close().finally(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}


if (invokedDirectly(import.meta.url)) {
	main().catch((error) => {
		console.error(`serve: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	});
}
