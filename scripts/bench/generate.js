// A deterministic generator of quarterly measure files at any size, for the benchmark and for
// trying the app at a region's or England's scale: 153 local authorities (the real list, from
// data/reference), several agencies, UK financial-year quarters, some missing-value markers.
//
//   node scripts/bench/generate.js --rows 1000000 [--form long|wide|population] [--invalid] [--out FILE]
//
// The same arguments always give the same bytes. `--form population` writes the ONS estimates of
// children for those authorities (DfE layout, one row each; --rows is ignored): the app refuses
// measures of an area it does not know, so that file goes in first. `--invalid` plants a few errors (a bad period,
// text in a value, an unknown agency) at known rows, for validation tests.
import { createWriteStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function parseArgs(argv) {
	const args = { rows: 1_000_000, form: 'long', invalid: false, out: null };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--rows') args.rows = Number(argv[++i]);
		else if (a === '--form') args.form = argv[++i];
		else if (a === '--invalid') args.invalid = true;
		else if (a === '--out') args.out = argv[++i];
	}
	if (!Number.isInteger(args.rows) || args.rows < 1) throw new Error('--rows takes a whole number of 1 or more');
	if (!['long', 'wide', 'population'].includes(args.form)) throw new Error('--form is long, wide or population');
	return args;
}

/** mulberry32: small, fast, and the same everywhere. */
function random(seed) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const AGENCIES = ['Humberside Police', "Children's Social Care", 'CCG', 'School Nursing', 'Young and Safe vulnerability team', 'LSCB', 'Integrated Family Services', 'CAMHS'];
const BASE_MEASURES = [
	['Professionals trained in CSE awareness', 'How much did we do?', 1, 'count', 'higher is better'],
	['Schools receiving online safety sessions', 'How much did we do?', 2, 'count', 'higher is better'],
	['Young people whose views were recorded', 'How much did we do?', 3, 'count', 'higher is better'],
	['Parents attending CSE awareness sessions', 'How much did we do?', 4, 'count', 'higher is better'],
	['Return interviews within 72 hours (%)', 'How well did we do it?', 5, '%', 'higher is better'],
	['Strategy meetings within 5 working days (%)', 'How well did we do it?', 5, '%', 'higher is better'],
	['Quarterly returns on time (%)', 'How well did we do it?', 6, '%', 'higher is better'],
	['Young people whose CSE risk reduced (%)', 'Is anyone better off?', 5, '%', 'higher is better'],
	['Young people missing again within 3 months (%)', 'Is anyone better off?', 5, '%', 'lower is better'],
	['Parents more confident to protect their child (%)', 'Is anyone better off?', 4, '%', 'higher is better']
];
const MARKERS = ['c', 'x', '[c]', '..'];

export function quarterLabel(index) {
	const year = 2010 + Math.floor(index / 4);
	return `${year}/${String((year + 1) % 100).padStart(2, '0')} Q${(index % 4) + 1}`;
}

/** [code, name, region] of each authority; names may be quoted ("Bristol, City of"). */
function authorities() {
	return readFileSync(join(root, 'data/reference/local-authorities.csv'), 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((line) => [...line.matchAll(/(?:"((?:[^"]|"")*)"|([^,]*))(?:,|$)/g)].map((m) => m[1]?.replaceAll('""', '"') ?? m[2]).slice(0, 3));
}

function localAuthorities() {
	return authorities().map(([code]) => code);
}

/** One 2024 estimate of children aged 0 to 17 per authority. */
function* population() {
	const next = random(20240630);
	yield 'time_period,time_identifier,geographic_level,country_code,country_name,region_name,new_la_code,la_name,age_group,population_estimate';
	for (const [code, name, region] of authorities()) {
		yield ['2024', 'Reporting year', 'Local authority', 'E92000001', 'England', region, code, name, 'Children aged 0 to 17 years', 15000 + Math.floor(next() * 85000)]
			.map(csvCell)
			.join(',');
	}
}

function measures() {
	return AGENCIES.flatMap((agency, a) =>
		BASE_MEASURES.map(([name, quadrant, priority, unit, polarity], m) => ({
			id: `G${String(a + 1).padStart(2, '0')}${String(m + 1).padStart(2, '0')}`,
			name,
			quadrant,
			priority,
			unit,
			polarity,
			agency
		}))
	);
}

const csvCell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));

/** Yields the file's lines: header first. */
export function* generate({ rows, form, invalid }) {
	if (form === 'population') return yield* population();
	const areas = localAuthorities();
	const all = measures();
	const series = all.length * areas.length;
	const quarters = Math.max(1, Math.ceil(rows / series));
	const next = random(20161231);
	const value = (m, q) => {
		const r = next();
		if (r < 0.004) return { marker: MARKERS[Math.floor(next() * MARKERS.length)] };
		if (m.unit === '%') {
			const denominator = 20 + Math.floor(next() * 80);
			const share = Math.min(1, Math.max(0, 0.6 + 0.01 * q + (next() - 0.5) * 0.2));
			const numerator = Math.round(share * denominator);
			return { value: Math.round((1000 * numerator) / denominator) / 10, numerator, denominator };
		}
		return { value: Math.max(0, Math.round(20 + q * 0.8 + (next() - 0.5) * 12)) };
	};
	if (form === 'long') {
		yield 'measure_id,measure,quadrant,priority,agency,area_code,period,value,numerator,denominator,target,polarity,unit';
		let written = 0;
		for (let q = 0; q < quarters && written < rows; q++) {
			for (const area of areas) {
				for (const m of all) {
					if (written >= rows) return;
					const v = value(m, q);
					written++;
					let period = quarterLabel(q);
					let cell = v.marker ?? v.value;
					let agency = m.agency;
					if (invalid && written === 10) period = '2016/17 Q5';
					if (invalid && written === 20) cell = 'twelve';
					if (invalid && written === 30) agency = 'Ministry of Magic';
					// A measure's metadata (but its name) is written on its first row only, as the format allows.
					const first = q === 0 && area === areas[0];
					const target = m.unit === '%' ? 90 : '';
					yield [m.id, m.name, first ? m.quadrant : '', first ? m.priority : '', first || agency !== m.agency ? agency : '', area, period, cell,
						v.numerator ?? '', v.denominator ?? '', target, first ? m.polarity : '', first ? m.unit : '']
						.map(csvCell)
						.join(',');
				}
			}
		}
		return;
	}
	// Wide: one row per measure and area, one column per quarter.
	const periods = Array.from({ length: Math.max(1, Math.ceil(rows / series)) }, (_, q) => quarterLabel(q));
	yield ['measure_id', 'measure', 'quadrant', 'priority', 'agency', 'area_code', 'polarity', 'unit', ...periods].map(csvCell).join(',');
	for (const area of areas) {
		for (const m of all) {
			const cells = periods.map((_, q) => {
				const v = value(m, q);
				return v.marker ?? v.value;
			});
			yield [m.id, m.name, m.quadrant, m.priority, m.agency, area, m.polarity, m.unit, ...cells].map(csvCell).join(',');
		}
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const args = parseArgs(process.argv.slice(2));
	const out = args.out ? createWriteStream(args.out) : process.stdout;
	let buffer = '';
	for (const line of generate(args)) {
		buffer += line + '\n';
		if (buffer.length > 1 << 20) {
			if (!out.write(buffer)) await new Promise((r) => out.once('drain', r));
			buffer = '';
		}
	}
	out.end(buffer);
}
