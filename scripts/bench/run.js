#!/usr/bin/env node
// `npm run bench`: is the app fast at a million rows? Side by side with the usual alternatives,
// in headless Chromium against the production build.
//
//   npm run bench [-- --rows N] [--runs K] [--changes C] [--quick] [--build | --no-build] [--only cold | --only small]
//
//   --rows N     rows of the generated long-form measures file (default 1,000,000)
//   --runs K     runs of every measurement; each figure is the median over runs (default 3)
//   --changes C  filter changes per run (default 60)
//   --quick      smoke test: 1 run, 20 filter changes
//   --build      rebuild even when build/ looks current
//   --no-build   use build/ as it is (the smoke test: npm test has just built it)
//   --only cold  the cold start alone (and its filter changes), with its marks one by one
//   --only small the small file's preview alone (small_preview_ms)
//
// Builds the app when build/ is missing or stale (scripts/bench/build.js), generates the file
// (scripts/bench/generate.js) beside a snapshot of build/, serves both with scripts/serve.js and,
// in every run, each measurement in a fresh browser context (scripts/bench/measure.js):
//   cold start      navigation → mark oba:view-drawn on /, sample data only
//   app import      /import/, once the page has rehearsed the import path (as while a person picks
//                   a file): file chosen → "Import…" shown, plus its click → status "Imported…"
//                   (each time taken in the page; the harness's wait to click is not counted); with
//                   the longest long task in that span and the peak JS heap (CDP, every 50 ms).
//                   Without /import/: null, and the same figures come from the app's import code
//                   run on /bench/ (importFile into the pages' workspace), said so in the table.
//   small preview   /import/, warm (after the areas and the rehearsal): a 2,000-row long-form file
//                   chosen 5 times, each from its change event to "Import…" shown (the median).
//   after import    DuckDB's own memory (duckdb_memory()) of the app's database, then /measures/
//                   drawn, then C priority-filter changes: change event → oba:view-drawn.
//   alternatives    on /bench/ (src/lib/bench): bytes in hand → per-measure-per-quarter
//                   count and mean. DuckDB read_csv into a fresh engine (the floor); papaparse to
//                   objects + JS aggregation, and Arquero fromCSV + groupby/rollup, each in a worker.
// Prints a table, then, as the last line, one JSON object (null: could not be measured).
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from './build.js';
import { launch } from './chrome.js';
import { alternative, appImport, appIngest, coldStart, smallPreview } from './measure.js';
import { summarise, summariseCold, summariseSmall } from './summary.js';
import { startSite } from './site.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function options(argv) {
	const o = { rows: 1_000_000, runs: 3, changes: 60, build: /** @type {boolean | null} */ (false), only: /** @type {'cold' | 'small' | null} */ (null) };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--rows') o.rows = Number(argv[++i]);
		else if (a === '--runs') o.runs = Number(argv[++i]);
		else if (a === '--changes') o.changes = Number(argv[++i]);
		else if (a === '--quick') Object.assign(o, { runs: 1, changes: 20 });
		else if (a === '--build') o.build = true;
		else if (a === '--no-build') o.build = null;
		else if (a === '--only') {
			const what = argv[++i];
			if (what !== 'cold' && what !== 'small') throw new Error('--only takes: cold or small');
			o.only = what;
		}
		else throw new Error(`unknown option ${a}`);
	}
	for (const k of ['rows', 'runs', 'changes']) {
		if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`--${k} takes a whole number of 1 or more`);
	}
	return o;
}

async function oneRun(site, o, log) {
	const browser = await launch();
	const run = { errors: [] };
	const step = async (key, what, work) => {
		log(what);
		try {
			run[key] = await work();
		} catch (error) {
			run[key] = null;
			run.errors.push(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
			log(`  failed: ${run.errors.at(-1)}`);
		}
	};
	try {
		if (o.only === 'small') {
			await step('small', 'small file previewed on /import/', () => smallPreview(browser, site));
			return run;
		}
		await step('cold', 'cold start', () => coldStart(browser, site.url, o.changes));
		if (o.only === 'cold') return run;
		await step('duckdb', 'DuckDB read_csv', () => alternative(browser, site.url, 'duckdbReadCsv', site.dataUrl));
		await step('papaparse', 'papaparse + JS', () => alternative(browser, site.url, 'papaparseJs', site.dataUrl));
		await step('arquero', 'Arquero', () => alternative(browser, site.url, 'arquero', site.dataUrl));
		await step('small', 'small file previewed on /import/', () => smallPreview(browser, site));
		await step('page', 'app import through /import/', () => appImport(browser, site, o.changes));
		if (!run.page) await step('direct', 'app import code on /bench/', () => appIngest(browser, site, o.changes));
	} finally {
		await browser.close();
	}
	return run;
}

async function main() {
	const o = options(process.argv.slice(2));
	const log = (/** @type {string} */ m) => console.error(`bench: ${m}`);
	const build = o.build === null ? path.join(repo, 'build') : ensureBuild(repo, { force: o.build });
	// The cold start reads no generated file: a small one keeps --only cold quick.
	const rows = o.only ? 1000 : o.rows;
	log(`generating ${rows.toLocaleString('en-GB')} rows…`);
	const site = await startSite({ repo, build, rows });
	const stop = () => site.close().finally(() => process.exit(130));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	const loadAtStart = loadavg()[0];
	const runs = [];
	try {
		for (let r = 1; r <= o.runs; r++) {
			log(`run ${r} of ${o.runs}`);
			runs.push(await oneRun(site, o, (m) => log(`  ${m}`)));
		}
	} finally {
		await site.close();
	}
	const load = `${loadAtStart.toFixed(1)} / ${loadavg()[0].toFixed(1)}`;
	const { text, json, failed } = o.only === 'cold' ? summariseCold(runs, { ...o, load })
		: o.only === 'small' ? summariseSmall(runs, { ...o, load })
		: summarise(runs, { ...o, bytes: site.bytes, load });
	console.log(text);
	console.log(JSON.stringify(json));
	return failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);
