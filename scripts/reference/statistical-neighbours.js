// Compacts the DfE's children's services statistical neighbour model for the app to ship:
//   node scripts/reference/statistical-neighbours.js MODEL.csv C3.csv ONS.csv > data/reference/statistical-neighbours-2025.csv
// The DfE's file names authorities by their old 3-digit codes (old_la_code, SN_1 … SN_10) and pads
// its closeness words with spaces ("Close "); it starts with a byte-order mark. The app names areas
// by their ONS codes (E06…, E08…, E09…, E10…), so each old code is mapped to the new code the C3
// and ONS files give it in their latest year: three old codes carry two new codes over the years
// (815 North Yorkshire E10000023 → E06000065 from 2023/24; 825 Buckinghamshire E10000002 →
// E06000060; 933 Somerset E10000027 → E06000066), and the 2025 model describes today's authorities.
// The two files must agree on every code, or the script stops and says which.
import { readFileSync } from 'node:fs';

const CLOSENESS = ['Extremely close', 'Very close', 'Close', 'Somewhat close', 'Not close'];

/** RFC 4180 rows: quoted fields may hold commas ("Bristol, City of"). */
function parseCsv(text) {
	const rows = [];
	let row = [], field = '', quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') { row.push(field); field = ''; }
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field); rows.push(row); row = []; field = '';
		} else field += c;
	}
	if (field !== '' || row.length) { row.push(field); rows.push(row); }
	return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function records(path) {
	const [header, ...rows] = parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}

/** old code → { code, name } from a DfE-layout file's local-authority rows, in its latest year. */
function codesOf(path) {
	const latest = new Map();
	for (const r of records(path)) {
		if (r.geographic_level !== 'Local authority') continue;
		const year = Number(r.time_period);
		const seen = latest.get(r.old_la_code);
		if (!seen || year > seen.year) latest.set(r.old_la_code, { year, code: r.new_la_code, name: r.la_name });
	}
	return latest;
}

const quote = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function main([modelPath, c3Path, onsPath, model = '2025']) {
	if (!modelPath || !c3Path || !onsPath) throw new Error('Usage: statistical-neighbours.js MODEL.csv C3.csv ONS.csv [model year]');
	const c3 = codesOf(c3Path);
	const ons = codesOf(onsPath);
	const newCode = (old) => {
		const a = c3.get(old), b = ons.get(old);
		if (!a || !b) throw new Error(`Old code ${old} is not in ${!a ? 'the C3 file' : 'the ONS file'}.`);
		if (a.code !== b.code) throw new Error(`Old code ${old}: the C3 file says ${a.code}, the ONS file ${b.code}.`);
		if (!/^E(06|08|09|10)\d{6}$/.test(a.code)) throw new Error(`Old code ${old} maps to ${a.code}, not a local authority code.`);
		return a.code;
	};
	const out = [['area_code', 'old_la_code', 'la_name', 'model', ...Array.from({ length: 10 }, (_, i) => [`SN_${i + 1}`, `SN_${i + 1}P`]).flat()].join(',')];
	for (const r of records(modelPath)) {
		const cells = [newCode(r.old_la_code), r.old_la_code, quote(r.la_name), model];
		for (let k = 1; k <= 10; k++) {
			const closeness = r[`SN_${k}P`].replace(/\s+/g, ' ').trim();
			if (!CLOSENESS.includes(closeness)) throw new Error(`${r.la_name}: SN_${k}P is "${r[`SN_${k}P`]}", not one of ${CLOSENESS.join(', ')}.`);
			cells.push(newCode(r[`SN_${k}`]), closeness);
		}
		out.push(cells.join(','));
	}
	process.stdout.write(out.join('\n') + '\n');
}

main(process.argv.slice(2));
