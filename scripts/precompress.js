// Writes file.gz beside each large compressible file of the build, so that a server (ours, or
// any static host configured for it) sends the 35 MB DuckDB wasm as ~8 MB without compressing it
// on every first request. Brotli would save a little more but took a minute per file here.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback, constants } from 'node:zlib';

const gzip = promisify(gzipCallback);
const root = process.argv[2] ?? 'build';
const WORTH = /\.(wasm|js|css|html|svg|csv|json|txt)$/;
const MIN_BYTES = 1024;

async function* files(dir) {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(path);
		else if (WORTH.test(entry.name)) yield path;
	}
}

let before = 0;
let after = 0;
for await (const path of files(root)) {
	if ((await stat(path)).size < MIN_BYTES) continue;
	const body = await readFile(path);
	const packed = await gzip(body, { level: constants.Z_BEST_COMPRESSION });
	await writeFile(`${path}.gz`, packed);
	before += body.length;
	after += packed.length;
}
console.log(`Precompressed ${root}: ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB gzip`);
