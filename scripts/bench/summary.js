// From the runs to the table and the JSON line. Every figure is a median over runs; a figure no
// run could measure is null, with the reason in the table.
import { cpus } from 'node:os';
import { medianOf, quantile, round, table } from './report.js';

/** Do the three alternatives agree on what they computed? @param {any[]} runs @param {number} rows */
function agreement(runs, rows) {
	const results = runs.flatMap((r) => ['duckdb', 'papaparse', 'arquero'].filter((k) => r[k]).map((k) => [k, r[k].result]));
	if (!results.length) return 'nothing to compare';
	const [, first] = results[0];
	const bad = results.filter(
		([, x]) => x.rows !== rows || x.groups !== first.groups || Math.abs(x.meanSum - first.meanSum) > 1e-6 * Math.max(1, Math.abs(first.meanSum))
	);
	return bad.length
		? `DISAGREE: ${bad.map(([k, x]) => `${k} ${JSON.stringify(x)}`).join('; ')} (expected ${rows} rows, ${JSON.stringify(first)})`
		: `all agree: ${first.groups.toLocaleString('en-GB')} groups, ${rows.toLocaleString('en-GB')} rows`;
}

/**
 * @param {any[]} runs
 * @param {{ rows: number, bytes: number, runs: number, changes: number, load: string }} o
 */
export function summarise(runs, o) {
	const m = (/** @type {(r: any) => any} */ pick) => medianOf(runs, pick);
	const pageRan = runs.some((r) => r.page);
	const pageMissing = runs.every((r) => r.page === null && !r.errors.some((/** @type {string} */ e) => e.startsWith('app import through')));
	const importSource = pageRan ? 'page' : runs.some((r) => r.direct) ? 'direct' : null;
	const from = importSource ? (/** @type {any} */ r) => r[importSource] : () => null;
	const sourceNote = importSource === 'page' ? 'through /import/' : importSource === 'direct' ? 'importFile on /bench/, no UI' : 'no import measured';

	const filterOn = importSource ?? 'cold';
	const filters = (/** @type {number} */ q) => m((r) => quantile((filterOn === 'cold' ? r.cold : r[filterOn])?.filters ?? [], q));
	const sampleFilters = (/** @type {number} */ q) => m((r) => quantile(r.cold?.filters ?? [], q));

	const app = m((r) => r.page?.ms);
	const duck = m((r) => r.duckdb?.ms);
	const papa = m((r) => r.papaparse?.ms);
	const arq = m((r) => r.arquero?.ms);
	const direct = m((r) => r.direct?.ms);
	const appOrCode = app ?? direct;
	const ratio = (/** @type {number|null} */ a, /** @type {number|null} */ b) => (a === null || b === null ? null : `${(a / b).toFixed(2)}×`);
	const bareMemory = m((r) => r.duckdb?.detail.duckdb_memory_bytes / (1024 * 1024));

	const json = {
		rows: o.rows,
		bytes: o.bytes,
		app_import_ms: round(app),
		duckdb_read_csv_ms: round(duck),
		papaparse_js_ms: round(papa),
		arquero_ms: round(arq),
		filter_p50_ms: round(filters(0.5)),
		filter_p95_ms: round(filters(0.95)),
		longest_task_ms: round(m((r) => from(r)?.longest_task_ms)),
		peak_js_heap_mb: round(m((r) => from(r)?.peak_js_heap_mb), 1),
		duckdb_memory_mb: round(m((r) => from(r)?.duckdb_memory_mb) ?? bareMemory, 1),
		cold_start_ms: round(m((r) => r.cold?.marks['oba:view-drawn'])),
		reload_ms: round(m((r) => r.page?.reload?.['oba:view-drawn'])),
		small_preview_ms: round(smallMedian(runs))
	};

	const errors = [...new Set(runs.flatMap((r) => r.errors))];
	/** @type {([string] | [string, number | string | null, string?])[]} */
	const rows = [
		[`OBA dashboard benchmark: ${o.rows.toLocaleString('en-GB')} rows, ${(o.bytes / 1e6).toFixed(1)} MB, median of ${o.runs} run${o.runs === 1 ? '' : 's'} (ms unless said)`],
		['Import: bytes in hand → result'],
		['app, through /import/ (file chosen → "Imported", less the click)', round(app), pageMissing ? 'null: /import/ does not exist yet' : pageRan ? '' : 'failed, see below'],
		['  file chosen → "Import…" button (read, checked, previewed)', round(m((r) => r.page?.preview_ms)), ''],
		['  button clicked → "Imported"', round(m((r) => r.page?.commit_ms)), ''],
		['    of which the tables changed, written (Arrow IPC)', round(m((r) => r.page?.keep?.write_ms)), 'to be kept in this browser'],
		['    of which the tables changed, stored (IndexedDB, strict)', round(m((r) => r.page?.keep?.store_ms)), 'on disk before "Imported" is said'],
		['  (button shown → clicked: the harness, not counted)', round(m((r) => r.page?.click_wait_ms)), "Playwright's checks and round trips"],
		['  after the page rehearsed the import path', `${runs.filter((r) => r.page?.rehearsed).length} of ${runs.filter((r) => r.page).length} runs`, 'as it does while a person picks a file (mark oba:import-rehearsed)'],
		['  then /measures/ drawn', round(m((r) => r.page?.measures_drawn_ms)), ''],
		['app import code, no UI (importFile on /bench/)', round(direct), importSource === 'direct' ? 'run because /import/ was not measured' : 'not run'],
		['  both after an untimed import of the 153 areas', '', 'population file: the app refuses unknown areas'],
		['  then /measures/ drawn', round(m((r) => r.direct?.measures_drawn_ms)), ''],
		['rows the app imported', m((r) => from(r)?.rows), m((r) => from(r)?.rows) === o.rows ? 'all of them' : 'NOT all of them'],
		['DuckDB read_csv + aggregation (floor)', round(duck), 'all_varchar, GROUP BY ALL; a 2nd engine, warmed on 10,000 lines, its heap not yet grown'],
		['  register file', round(m((r) => r.duckdb?.detail.register_ms)), ''],
		['  read_csv → table', round(m((r) => r.duckdb?.detail.read_csv_ms)), ''],
		['  aggregation', round(m((r) => r.duckdb?.detail.aggregate_ms)), ''],
		['  (the same again in that engine, its heap grown)', round(m((r) => r.duckdb?.detail.grown_heap_ms)), 'read_csv → table ' + round(m((r) => r.duckdb?.detail.grown_heap_read_csv_ms)) + '; the floor of earlier versions of this benchmark'],
		['  (the same in a 1st engine, wasm not yet optimised)', round(m((r) => r.duckdb?.detail.first_run_ms)), 'untimed warm-up'],
		['papaparse → JS objects → JS aggregation', round(papa), 'in a worker; 2nd run'],
		['  (first time in the worker)', round(m((r) => r.papaparse?.detail.first_run_ms)), 'untimed warm-up'],
		['Arquero fromCSV → groupby/rollup', round(arq), 'in a worker (the page CSP bars its Function()); 2nd run'],
		['  (first time in the worker)', round(m((r) => r.arquero?.detail.first_run_ms)), 'untimed warm-up'],
		['results', '', agreement(runs, o.rows)],
		['download of the file (not in the figures above)', round(m((r) => r.duckdb?.download_ms)), 'gzip, localhost'],
		['Ratios (target: app ≤ 2× floor, ≥ 3× faster than each alternative)'],
		[`app${app === null ? ' code' : ''} / DuckDB floor`, ratio(appOrCode, duck), app === null && direct !== null ? 'app import code, no UI' : ''],
		[`papaparse / app${app === null ? ' code' : ''}`, ratio(papa, appOrCode), ''],
		[`Arquero / app${app === null ? ' code' : ''}`, ratio(arq, appOrCode), ''],
		[`During the import (${sourceNote})`],
		['longest main-thread task', json.longest_task_ms, 'Long Tasks API; 0 = none of 50 ms or more (target ≤ 200)'],
		['peak JS heap (MiB)', json.peak_js_heap_mb, 'CDP Runtime.getHeapUsage every 50 ms, page only (target ≤ 300)'],
		['  with ArrayBuffers (MiB)', round(m((r) => from(r)?.peak_with_buffers_mb), 1), "the file's bytes, outside the JS heap"],
		['DuckDB memory after it (MiB)', round(m((r) => from(r)?.duckdb_memory_mb), 1), "duckdb_memory(), the app's database"],
		['DuckDB memory, bare read_csv engine (MiB)', round(bareMemory, 1), 'duckdb_memory() after CREATE TABLE'],
		[`Filter change → report card drawn (${o.changes} changes a run)`],
		[`p50, ${filterOn === 'cold' ? 'sample data' : 'after the import'}`, json.filter_p50_ms, ''],
		[`p95, ${filterOn === 'cold' ? 'sample data' : 'after the import'}`, json.filter_p95_ms, 'target ≤ 100'],
		['p50, sample data only', round(sampleFilters(0.5)), ''],
		['p95, sample data only', round(sampleFilters(0.95)), ''],
		['Cold start: navigation → (sample data)'],
		['oba:database-started', round(m((r) => r.cold?.marks['oba:database-started'])), ''],
		['oba:sample-loaded', round(m((r) => r.cold?.marks['oba:sample-loaded'])), ''],
		['oba:view-drawn (home page charts)', json.cold_start_ms, 'target ≤ 2,500'],
		['Reload after the import: navigation → (its tables kept in this browser)'],
		['oba:database-started', round(m((r) => r.page?.reload?.['oba:database-started'])), ''],
		['oba:sample-loaded (the kept tables loaded)', round(m((r) => r.page?.reload?.['oba:sample-loaded'])), ''],
		['oba:view-drawn (report card)', json.reload_ms, `target ≤ 1.5 × cold start${json.reload_ms !== null && json.cold_start_ms ? ` (${(json.reload_ms / json.cold_start_ms).toFixed(2)}×)` : ''}`],
		...smallRows(runs, json.small_preview_ms)
	];
	rows.push(['Machine'], ['load average (1 min) at start / end', o.load, `${cpus().length} cores, shared: figures are noisy`]);
	let text = table(rows);
	const notes = [...new Set(runs.flatMap((r) => r.page?.notes ?? []))];
	if (notes.length) text += `\n\nNotes:\n${notes.map((n) => `  - ${n}`).join('\n')}`;
	if (errors.length) text += `\n\nCould not measure:\n${errors.map((e) => `  - ${e}`).join('\n')}`;
	return { text, json, failed: errors.length > 0 };
}

/** The small file's previews of every run, each a page time in ms. @param {any[]} runs @returns {number[]} */
const smallTimes = (runs) => runs.flatMap((r) => r.small?.ms ?? []);

/** The median of every small preview of every run (5 a run), or null. @param {any[]} runs */
function smallMedian(runs) {
	const all = smallTimes(runs);
	return all.length ? quantile(all, 0.5) : null;
}

/**
 * @param {any[]} runs
 * @param {number | null} median
 * @returns {([string] | [string, number | string | null, string?])[]}
 */
function smallRows(runs, median) {
	return [
		['Small file: 2,000 rows of long form, chosen → "Import…" shown, on a warm Import page'],
		['median of the previews', median, 'target ≤ 300 (small_preview_ms)'],
		['each preview', smallTimes(runs).map((t) => Math.round(t)).join(', '), `after the rehearsal in ${runs.filter((r) => r.small?.rehearsed).length} of ${runs.filter((r) => r.small).length} runs`]
	];
}

/**
 * `--only small`: the small file's previews alone.
 * @param {any[]} runs
 * @param {{ runs: number, load: string }} o
 */
export function summariseSmall(runs, o) {
	const json = { small_preview_ms: round(smallMedian(runs)), small_preview_runs_ms: smallTimes(runs).map((t) => Math.round(t)) };
	/** @type {([string] | [string, number | string | null, string?])[]} */
	const rows = [...smallRows(runs, json.small_preview_ms), ['Machine'], ['load average (1 min) at start / end', o.load, `${cpus().length} cores, shared: figures are noisy`]];
	const errors = [...new Set(runs.flatMap((r) => r.errors))];
	let text = table(rows);
	if (errors.length) text += `\n\nCould not measure:\n${errors.map((e) => `  - ${e}`).join('\n')}`;
	return { text, json, failed: errors.length > 0 };
}

/** The marks of a cold start, in the order they happen. */
const COLD_MARKS = [
	['oba:duckdb-worker-started', 'DuckDB worker started'],
	['oba:duckdb-instantiated', 'DuckDB instantiated (wasm compiled)'],
	['oba:database-started', 'oba:database-started (schema in place)'],
	['oba:sample-loaded', 'oba:sample-loaded'],
	['oba:view-drawn', 'oba:view-drawn (home page charts)']
];

/**
 * `--only cold`: the cold start's marks, each a median over runs, and the filter changes on
 * /measures/ with the sample data.
 * @param {any[]} runs
 * @param {{ runs: number, changes: number, load: string }} o
 */
export function summariseCold(runs, o) {
	const m = (/** @type {(r: any) => any} */ pick) => medianOf(runs, pick);
	const filters = (/** @type {number} */ q) => round(m((r) => quantile(r.cold?.filters ?? [], q)));
	const json = {
		...Object.fromEntries(COLD_MARKS.map(([mark]) => [mark.replace('oba:', '').replaceAll('-', '_') + '_ms', round(m((r) => r.cold?.marks[mark]))])),
		cold_start_ms: round(m((r) => r.cold?.marks['oba:view-drawn'])),
		cold_start_runs_ms: runs.map((r) => round(r.cold?.marks['oba:view-drawn'] ?? null)),
		filter_p50_ms: filters(0.5),
		filter_p95_ms: filters(0.95)
	};
	/** @type {([string] | [string, number | string | null, string?])[]} */
	const rows = [
		[`Cold start: navigation → (sample data), median of ${o.runs} run${o.runs === 1 ? '' : 's'} (ms)`],
		...COLD_MARKS.map(([mark, label]) => /** @type {[string, number | null, string]} */ ([label, round(m((r) => r.cold?.marks[mark])), mark === 'oba:view-drawn' ? 'target ≤ 2,500' : ''])),
		['runs', json.cold_start_runs_ms.join(', '), 'oba:view-drawn of each run'],
		[`Filter change → report card drawn (${o.changes} changes a run, sample data)`],
		['p50', json.filter_p50_ms, ''],
		['p95', json.filter_p95_ms, 'target ≤ 100'],
		['Machine'],
		['load average (1 min) at start / end', o.load, `${cpus().length} cores, shared: figures are noisy`]
	];
	const errors = [...new Set(runs.flatMap((r) => r.errors))];
	let text = table(rows);
	if (errors.length) text += `\n\nCould not measure:\n${errors.map((e) => `  - ${e}`).join('\n')}`;
	return { text, json, failed: errors.length > 0 };
}
