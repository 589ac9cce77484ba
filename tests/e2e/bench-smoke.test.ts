// `npm run bench` works: the harness at 10,000 rows, one run, ends with its JSON line. No figure
// is judged here (tests never time anything); the benchmark's targets are for people to read.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const KEYS = [
	'rows', 'bytes', 'app_import_ms', 'duckdb_read_csv_ms', 'papaparse_js_ms', 'arquero_ms', 'filter_p50_ms',
	'filter_p95_ms', 'longest_task_ms', 'peak_js_heap_mb', 'duckdb_memory_mb', 'cold_start_ms', 'reload_ms', 'small_preview_ms'
];

function bench(args: string[]): Promise<{ stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['scripts/bench/run.js', ...args], { cwd: root });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', () => resolve({ stdout, stderr }));
	});
}

test('the benchmark runs at 10,000 rows and prints one JSON object last', async () => {
	const { stdout, stderr } = await bench(['--rows', '10000', '--quick', '--no-build']);
	const last = stdout.trim().split('\n').at(-1) ?? '';
	let json: Record<string, unknown>;
	try {
		json = JSON.parse(last);
	} catch {
		throw new Error(`the last line is not JSON: ${last}\n${stderr}`);
	}
	expect(Object.keys(json)).toEqual(KEYS);
	expect(json.rows).toBe(10_000);
	expect(json.bytes).toBeGreaterThan(0);
	for (const key of KEYS) expect(json[key] === null || typeof json[key] === 'number', key).toBe(true);
	// These need nothing but the bench page, the home page and the Import page: they are always measured.
	for (const key of ['duckdb_read_csv_ms', 'papaparse_js_ms', 'arquero_ms', 'cold_start_ms', 'reload_ms', 'small_preview_ms']) {
		expect(typeof json[key], `${key}\n${stdout}\n${stderr}`).toBe('number');
	}
}, 600_000);
