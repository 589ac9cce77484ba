#!/usr/bin/env node
// Generates data/sample-measures.csv: INVENTED sample quarterly performance
// measures for the North East Lincolnshire LSCB CSE action plan (Dec 2016 –
// Dec 2018). None of these figures are real. Only the few facts quoted in the
// notes (650 taxi drivers trained by Dec 2016, VIEWPOINT from April 2017,
// Operation PRIAM, the health audit of September 2016, ...) come from the
// action plan itself; the numbers around them are made up.
//
// Usage:  node scripts/sample-data/make-sample-measures.js [output path]
//
// Format: long form (docs: DOMAIN.md §4a), one row per measure per quarter,
// UTF-8, LF line endings, RFC 4180 quoting, header first. Rows are ordered by
// measure_id, then period. Output is byte-for-byte deterministic: every
// measure draws from its own mulberry32 stream seeded from SEED and its id,
// so editing one measure never changes the numbers of another.
//
// Conventions used in the file:
// - period: UK financial-year quarter, e.g. "2016/17 Q3" (= Oct–Dec 2016).
// - % measures: numerator and denominator are integers and
//   value = round(100 * numerator / denominator, 1).
// - rate per 10,000 measures: numerator = children, denominator = children
//   aged 0–17 (ONS mid-year estimate for the calendar year in which the
//   financial year starts) and value = round(10000 * numerator / denominator, 1).
// - count, days and £ measures: value only.
// - Missing values are GSS markers in the value column (numerator and
//   denominator then empty), never 0: c and [c] suppressed small numbers,
//   x and .. not available, z not applicable.
// - A few large counts are written with a thousands separator ("1,234") to
//   exercise parsing (MAX_SEPARATED cells in all).
// - target is on the measure's own scale; it may change by financial year
//   and is empty where the board set none.
// - Referral and police-flag counts are treated as identification measures:
//   more children identified and recorded is "higher is better".

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 20161231; // date of the Dec 2016 review; any constant will do
const PLAN_START = 10; // index of 2016/17 Q3, the quarter the plan began
const FIRST_FY = 2014; // 2014/15
const LAST_FY = 2018; // 2018/19
const MAX_SEPARATED = 3;

const HOW_MUCH = 'How much did we do?';
const HOW_WELL = 'How well did we do it?';
const BETTER_OFF = 'Is anyone better off?';

const P1 = 'Raising awareness';
const P2 = 'Online safety';
const P3 = "Young people's voice";
const P4 = 'Parents and carers';
const P5 = 'Risk management';
const P6 = 'Governance and performance';

const YS = 'Young and Safe vulnerability team';
const POLICE = 'Humberside Police';
const LD = 'Learning and Development';
const LSCB = 'LSCB';
const CSC = "Children's Social Care";
const CCG = 'CCG';
const SN = 'School Nursing';
const IFS = 'Integrated Family Services';
const KCS = 'Keeping Children Safe group';
const CAMHS = 'CAMHS';
const FFAP = 'Families First Access Point';

const HIGHER = 'higher is better';
const LOWER = 'lower is better';

// Children aged 0–17 in North East Lincolnshire, ONS mid-year estimates
// (DfE, Open Government Licence v3.0), keyed by the calendar year in which
// the financial year starts.
const CHILDREN_0_17 = { 2014: 33996, 2015: 33772, 2016: 33714, 2017: 33681, 2018: 33725 };

// ---------------------------------------------------------------- periods --

/** @type {{ t: number, fy: number, q: number, label: string }[]} */
const PERIODS = [];
for (let fy = FIRST_FY; fy <= LAST_FY; fy++) {
	for (let q = 1; q <= 4; q++) {
		const label = `${fy}/${String((fy + 1) % 100).padStart(2, '0')} Q${q}`;
		PERIODS.push({ t: PERIODS.length, fy, q, label });
	}
}
const N = PERIODS.length; // 20
const T = Object.fromEntries(PERIODS.map((p) => [p.label, p.t]));

// ------------------------------------------------------------------ random --

function mulberry32(a) {
	return function () {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let r = Math.imul(a ^ (a >>> 15), 1 | a);
		r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
		return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
	};
}

function fnv1a(text) {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

function makeRng(id) {
	const uniform = mulberry32(fnv1a(`${SEED}:${id}`));
	// Standard normal by Box–Muller (one value per call; simple and stable).
	const gauss = () => {
		const u = 1 - uniform();
		const v = uniform();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	};
	return { uniform, gauss };
}

// ----------------------------------------------------------------- helpers --

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
/** quarters since the plan began, counting 2016/17 Q3 as 1; 0 before it */
const since = (t) => Math.max(0, t - PLAN_START + 1);

/** Seasonal factors by quarter (Q1..Q4): training and school work dip in Q2. */
const TRAINING_SEASON = [1.0, 0.6, 1.2, 1.1];
const SCHOOL_SEASON = [1.05, 0.35, 1.2, 1.0];

/**
 * Whole-number counts around level(t) * season, with relative noise.
 * @returns {{ value: number }[]}
 */
function counts(rng, level, { season = [1, 1, 1, 1], sd = 0.1, min = 0 } = {}) {
	return PERIODS.map(({ t, q }) => {
		const mean = level(t) * season[q - 1];
		return { value: Math.max(min, Math.round(mean * (1 + sd * rng.gauss()))) };
	});
}

/**
 * Numerator / denominator pairs: den around denLevel(t), the proportion
 * around pct(t) (in %) with sd percentage points of noise.
 * @returns {{ num: number, den: number }[]}
 */
function ratio(rng, denLevel, pct, { denSd = 0.12, sd = 3, denMin = 1, lo = 0, hi = 100 } = {}) {
	return PERIODS.map(({ t }) => {
		const den = Math.max(denMin, Math.round(denLevel(t) * (1 + denSd * rng.gauss())));
		const p = clamp(pct(t) + sd * rng.gauss(), lo, hi) / 100;
		return { num: clamp(Math.round(p * den), 0, den), den };
	});
}

/** Target by financial year start: byFy({ 2014: 40, 2017: 50 }) → 40 until 2016/17, 50 after. */
function byFy(map) {
	const years = Object.keys(map).map(Number).sort((a, b) => a - b);
	return (fy) => {
		let v = null;
		for (const y of years) if (fy >= y) v = map[y];
		return v;
	};
}
const constant = (v) => () => v;
const none = () => null;

// ---------------------------------------------------------------- measures --
// Each measure: id, name, quadrant, priority, agency, unit, polarity,
// target(fy) → number | null, series(rng, done) → 20 points, where a point is
// { value } or { num, den }, optionally with { marker }, and done holds the
// series already generated (so related measures can share a denominator).
// markers: { period: marker }, notes: { period: text }.

const MEASURES = [
	// ---- 1. Raising awareness of CSE ----------------------------------------
	{
		id: 'M01',
		name: 'Professionals trained (level 2 CSE)',
		quadrant: HOW_MUCH,
		priority: P1,
		agency: LD,
		unit: 'count',
		polarity: HIGHER,
		target: byFy({ 2014: 40, 2017: 50 }),
		series: (rng) => counts(rng, (t) => 34 + 0.4 * t + 1.6 * since(t), { season: TRAINING_SEASON, sd: 0.1 }),
		notes: {
			'2016/17 Q3': 'Course dates for 2017 advertised through the LSCB; level 2 is now a core LSCB training offer.',
			'2017/18 Q2': 'Fewer courses over the summer holidays, as every year.'
		}
	},
	{
		id: 'M02',
		name: 'Licensed taxi drivers trained in CSE awareness (cumulative)',
		quadrant: HOW_MUCH,
		priority: P1,
		agency: YS,
		unit: 'count',
		polarity: HIGHER,
		target: byFy({ 2016: 650, 2017: 700, 2018: 750 }),
		// Campaign launched 2015/16 Q3; running total, 650 by Dec 2016 (seed).
		series: (rng) => {
			const base = [0, 0, 0, 0, 0, 0, 85, 190, 315, 430, 650];
			let total = 650;
			return PERIODS.map(({ t }) => {
				if (t <= PLAN_START) return { value: base[t] };
				total += 12 + Math.round(8 * rng.uniform()); // new licence holders
				return { value: total };
			});
		},
		notes: {
			'2015/16 Q3':
				'Crime Stoppers and NWG "Say Something if you See Something" campaign launched with taxi licensing.',
			'2016/17 Q3': '650 licensed taxi drivers trained through the Say Something campaign.'
		}
	},
	{
		id: 'M03',
		name: 'Health practitioners receiving CSE briefings',
		quadrant: HOW_MUCH,
		priority: P1,
		agency: CCG,
		unit: 'count',
		polarity: HIGHER,
		target: constant(40),
		series: (rng) => counts(rng, (t) => 24 + 0.8 * t + 1.5 * since(t), { sd: 0.15 }),
		markers: { '2015/16 Q3': '..' },
		notes: {
			'2015/16 Q3': 'Returns not received from two providers.',
			'2016/17 Q2': 'Health audit completed September 2016; briefings for GPs, nurses and consultants.'
		}
	},
	{
		id: 'M04',
		name: 'Professionals rating level 2 CSE training good or excellent (%)',
		quadrant: HOW_WELL,
		priority: P1,
		agency: LD,
		unit: '%',
		polarity: HIGHER,
		target: constant(90),
		// Evaluation forms returned by about 85% of those trained (M01).
		series: (rng, done) =>
			ratio(rng, (t) => 0.85 * done.M01[t].value, (t) => 89 + 0.2 * t, { denSd: 0.05, sd: 2.5 })
	},
	{
		id: 'M05',
		name: 'Professionals more confident to recognise CSE at 3-month follow-up (%)',
		quadrant: BETTER_OFF,
		priority: P1,
		agency: LD,
		unit: '%',
		polarity: HIGHER,
		target: byFy({ 2014: 70, 2017: 75 }),
		series: (rng) => ratio(rng, () => 28, (t) => 64 + 0.3 * t + 1.6 * since(t), { denSd: 0.2, sd: 3.5 })
	},

	// ---- 2. Online safety ----------------------------------------------------
	{
		id: 'M06',
		name: 'Schools receiving CEOP / online safety sessions',
		quadrant: HOW_MUCH,
		priority: P2,
		agency: YS,
		unit: 'count',
		polarity: HIGHER,
		target: byFy({ 2014: 10, 2017: 14 }),
		series: (rng) => counts(rng, (t) => 8 + 0.15 * t + 0.6 * since(t), { season: SCHOOL_SEASON, sd: 0.12, min: 1 }),
		notes: {
			'2016/17 Q3': 'CEOP now delivered through Safe Relationships 4 Young People in primary and secondary schools.'
		}
	},
	{
		id: 'M07',
		name: 'Young people attending CEOP / online safety sessions',
		quadrant: HOW_MUCH,
		priority: P2,
		agency: YS,
		unit: 'count',
		polarity: HIGHER,
		target: byFy({ 2014: 600, 2017: 800 }),
		series: (rng) => counts(rng, (t) => 580 + 8 * t + 45 * since(t), { season: SCHOOL_SEASON, sd: 0.08, min: 20 })
	},
	{
		id: 'M08',
		name: 'Pupils who know how to report online concerns after a session (%)',
		quadrant: BETTER_OFF,
		priority: P2,
		agency: SN,
		unit: '%',
		polarity: HIGHER,
		target: constant(80),
		series: (rng) => ratio(rng, (t) => 150 + 3 * t, (t) => 61 + 0.5 * t + 1.6 * since(t), { denSd: 0.15, sd: 2.5 })
	},

	// ---- 3. Young people's voice --------------------------------------------
	{
		id: 'M09',
		name: "Young people's views recorded through VIEWPOINT",
		quadrant: HOW_MUCH,
		priority: P3,
		agency: YS,
		unit: 'count',
		polarity: HIGHER,
		target: byFy({ 2017: 55, 2018: 70 }),
		// Until March 2017: ME assessments recorded on IYSS; VIEWPOINT from April 2017.
		series: (rng) =>
			counts(rng, (t) => (t < T['2017/18 Q1'] ? 22 + 0.5 * t : 48 + 4 * (t - T['2017/18 Q1'])), { sd: 0.1 }),
		markers: { '2017/18 Q1': 'x' },
		notes: {
			'2016/17 Q4': 'Views recorded through the ME assessment on IYSS until March 2017.',
			'2017/18 Q1': 'VIEWPOINT contract live from April 2017; no figures for the changeover quarter.'
		}
	},
	{
		id: 'M10',
		name: 'Young people with a CSE plan whose views are recorded in the plan (%)',
		quadrant: HOW_WELL,
		priority: P3,
		agency: CSC,
		unit: '%',
		polarity: HIGHER,
		target: byFy({ 2014: 90, 2017: 95 }),
		series: (rng) => ratio(rng, (t) => 32 + 0.4 * t, (t) => 69 + 0.6 * t + 2 * since(t), { sd: 3 })
	},
	{
		id: 'M11',
		name: 'Young people who say they feel safer after Young and Safe support (%)',
		quadrant: BETTER_OFF,
		priority: P3,
		agency: YS,
		unit: '%',
		polarity: HIGHER,
		target: constant(70),
		series: (rng) => ratio(rng, (t) => 16 + 0.3 * t, (t) => 60 + 0.4 * t + 1.5 * since(t), { denSd: 0.15, sd: 4, denMin: 8 }),
		markers: { '2014/15 Q1': 'x', '2014/15 Q2': 'x', '2014/15 Q3': 'x' },
		notes: { '2014/15 Q4': 'First quarter with the feeling-safer question in closure reviews.' }
	},

	// ---- 4. Parents and carers ----------------------------------------------
	{
		id: 'M12',
		name: 'Parents attending CSE awareness sessions',
		quadrant: HOW_MUCH,
		priority: P4,
		agency: IFS,
		unit: 'count',
		polarity: HIGHER,
		target: byFy({ 2014: 25, 2017: 35 }),
		series: (rng) => counts(rng, (t) => 17 + 0.4 * t + 1.7 * since(t), { season: TRAINING_SEASON, sd: 0.12, min: 1 }),
		notes: { '2016/17 Q3': 'Triple P programme delivered with Young and Safe now covers CSE and CEOP.' }
	},
	{
		id: 'M13',
		name: 'Parents and carers signposted to PACE',
		quadrant: HOW_MUCH,
		priority: P4,
		agency: IFS,
		unit: 'count',
		polarity: HIGHER,
		target: none,
		series: (rng) => counts(rng, (t) => 6 + 0.25 * t + 0.5 * since(t), { sd: 0.2, min: 1 })
	},
	{
		id: 'M14',
		name: 'Families of young people at risk of CSE offered a whole-family early help assessment (%)',
		quadrant: HOW_WELL,
		priority: P4,
		agency: IFS,
		unit: '%',
		polarity: HIGHER,
		target: constant(85),
		series: (rng) => ratio(rng, (t) => 20 + 0.3 * t, (t) => 58 + 0.8 * t + 2.2 * since(t), { sd: 3.5, denMin: 8 }),
		notes: { '2016/17 Q3': 'New early help single assessment takes a whole-family approach, using SOS and danger statements.' }
	},
	{
		id: 'M15',
		name: 'Parents more confident to protect their child after support (%)',
		quadrant: BETTER_OFF,
		priority: P4,
		agency: IFS,
		unit: '%',
		polarity: HIGHER,
		target: constant(75),
		series: (rng) => ratio(rng, (t) => 9 + 0.25 * t, (t) => 63 + 0.3 * t + 1.4 * since(t), { denSd: 0.2, sd: 4, denMin: 6 }),
		markers: { '2015/16 Q2': 'c' },
		notes: { '2015/16 Q2': 'Fewer than 5 parents responded; figure suppressed.' }
	},

	// ---- 5. Risk management across agencies ---------------------------------
	{
		id: 'M16',
		name: 'CSE referrals to MACE',
		quadrant: HOW_MUCH,
		priority: P5,
		agency: CSC,
		unit: 'count',
		polarity: HIGHER,
		target: none,
		series: (rng) => counts(rng, (t) => 9 + 0.35 * t + 0.6 * since(t), { sd: 0.15, min: 1 }),
		notes: { '2016/17 Q3': 'New MACE terms of reference; sexual health services now attend.' }
	},
	{
		id: 'M17',
		name: 'Police CSE-flagged crimes',
		quadrant: HOW_MUCH,
		priority: P5,
		agency: POLICE,
		unit: 'count',
		polarity: HIGHER,
		target: none,
		series: (rng) => counts(rng, (t) => 7 + 0.3 * t + 0.4 * since(t), { sd: 0.2, min: 1 }),
		notes: { '2016/17 Q4': 'Operation PRIAM continued as normal business.' }
	},
	{
		id: 'M18',
		name: 'Strategy meetings held within 5 working days (%)',
		quadrant: HOW_WELL,
		priority: P5,
		agency: CSC,
		unit: '%',
		polarity: HIGHER,
		target: byFy({ 2014: 90, 2017: 95 }),
		series: (rng) => ratio(rng, (t) => 14 + 0.4 * t, (t) => 77 + 0.5 * t + 1.3 * since(t), { sd: 3, denMin: 6 })
	},
	{
		id: 'M19',
		name: 'Return interviews offered within 72 hours (%)',
		quadrant: HOW_WELL,
		priority: P5,
		agency: YS,
		unit: '%',
		polarity: HIGHER,
		target: byFy({ 2014: 85, 2017: 90 }),
		// Improves to early 2018, then slips when the team is short-staffed.
		series: (rng) =>
			ratio(
				rng,
				(t) => 105 + 1.5 * t,
				(t) => (t < T['2018/19 Q1'] ? 70 + 0.6 * t + 2 * since(t) : [87, 82, 79, 80][t - T['2018/19 Q1']]),
				{ denSd: 0.1, sd: 1.5 }
			),
		notes: {
			'2018/19 Q2': 'Two return workers on long-term sick leave, so interviews were delayed.'
		}
	},
	{
		id: 'M20',
		name: 'Missing episodes with a CSE risk screening completed (%)',
		quadrant: HOW_WELL,
		priority: P5,
		agency: KCS,
		unit: '%',
		polarity: HIGHER,
		target: constant(95),
		// Same denominator as M19: missing episodes in the quarter.
		series: (rng, done) =>
			ratio(rng, (t) => done.M19[t].den, (t) => 79 + 0.5 * t + 1.5 * since(t), { denSd: 0, sd: 1.8 }),
		notes: { '2016/17 Q3': 'Keeping Children Safe group now monitors both CSE and missing from home and care.' }
	},
	{
		id: 'M21',
		name: 'Days from referral to risk assessment (median)',
		quadrant: HOW_WELL,
		priority: P5,
		agency: FFAP,
		unit: 'days',
		polarity: LOWER,
		target: byFy({ 2014: 10, 2017: 7 }),
		series: (rng) =>
			PERIODS.map(({ t }) => {
				const mean = Math.max(4, 14.5 - 0.15 * t - 0.9 * since(t));
				return { value: Math.max(1, Math.round(2 * mean * (1 + 0.08 * rng.gauss())) / 2) };
			})
	},
	{
		id: 'M22',
		name: 'Health providers assured as using a CSE risk assessment tool (%)',
		quadrant: HOW_WELL,
		priority: P5,
		agency: CCG,
		unit: '%',
		polarity: HIGHER,
		target: byFy({ 2014: 75, 2017: 100 }),
		// Eight commissioned providers; assurance steps up once or twice a year.
		series: () => {
			const assured = [2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 8];
			return assured.map((num) => ({ num, den: 8 }));
		},
		notes: { '2016/17 Q3': 'Brook "Spotting the Signs" proforma adopted by Virgin Care.' }
	},
	{
		id: 'M23',
		name: 'Young people whose CSE risk reduced after 6 months (%)',
		quadrant: BETTER_OFF,
		priority: P5,
		agency: YS,
		unit: '%',
		polarity: HIGHER,
		target: byFy({ 2014: 60, 2017: 65 }),
		series: (rng) => ratio(rng, (t) => 18 + 0.25 * t, (t) => 47 + 0.3 * t + 2 * since(t), { denSd: 0.15, sd: 4, denMin: 8 })
	},
	{
		id: 'M24',
		name: 'Young people missing again within 3 months of a return interview (%)',
		quadrant: BETTER_OFF,
		priority: P5,
		agency: CSC,
		unit: '%',
		polarity: LOWER,
		target: constant(30),
		// Flat, drifting slightly the wrong way.
		series: (rng) => ratio(rng, (t) => 60 + 0.8 * t, (t) => 31 + 0.25 * t, { denSd: 0.1, sd: 2.5 }),
		notes: { '2018/19 Q3': 'A small group of young people with repeat episodes; each reviewed at MACE.' }
	},
	{
		id: 'M25',
		name: 'Sexually exploited young people with improved wellbeing after CAMHS therapy (%)',
		quadrant: BETTER_OFF,
		priority: P5,
		agency: CAMHS,
		unit: '%',
		polarity: HIGHER,
		target: constant(60),
		series: (rng) => ratio(rng, () => 8, () => 58, { denSd: 0.2, sd: 6, denMin: 5 }),
		markers: { '2014/15 Q2': 'z', '2015/16 Q1': '[c]' },
		notes: {
			'2014/15 Q2': 'No young people completed therapy this quarter.',
			'2017/18 Q1': 'Futures in Mind programme developing the care and referral pathway with CAMHS.'
		}
	},
	{
		id: 'M26',
		name: 'Children assessed at high risk of CSE (rate per 10,000 children)',
		quadrant: BETTER_OFF,
		priority: P5,
		agency: CSC,
		unit: 'rate per 10,000',
		polarity: LOWER,
		target: byFy({ 2014: 4.5, 2017: 4 }),
		series: (rng) =>
			PERIODS.map(({ t, fy }) => {
				const mean = 13 + 0.3 * t - 0.8 * since(t);
				return { num: Math.max(1, Math.round(mean * (1 + 0.1 * rng.gauss()))), den: CHILDREN_0_17[fy], per: 10000 };
			})
	},

	// ---- 6. Governance and performance --------------------------------------
	{
		id: 'M27',
		name: 'Agencies submitting quarterly CSE performance on time (%)',
		quadrant: HOW_WELL,
		priority: P6,
		agency: LSCB,
		unit: '%',
		polarity: HIGHER,
		target: constant(100),
		// 9 agencies asked to report until the Keeping Children Safe group began
		// in July 2016, 11 after.
		series: (rng) =>
			ratio(rng, (t) => (t < T['2016/17 Q2'] ? 9 : 11), (t) => 50 + 2.2 * t + 3 * since(t), { denSd: 0, sd: 8 }),
		notes: {
			'2016/17 Q2': 'Keeping Children Safe group started in July 2016, with performance reported quarterly.'
		}
	},
	{
		id: 'M28',
		name: 'CSE case files audited by the LSCB',
		quadrant: HOW_MUCH,
		priority: P6,
		agency: LSCB,
		unit: 'count',
		polarity: HIGHER,
		target: constant(6),
		series: (rng) => counts(rng, (t) => 4 + 0.05 * t + 0.15 * since(t), { sd: 0.2, min: 1 })
	},
	{
		id: 'M29',
		name: 'Spend on out-of-area therapeutic placements (£)',
		quadrant: HOW_WELL,
		priority: P6,
		agency: KCS,
		unit: '£',
		polarity: LOWER,
		target: byFy({ 2017: 90000, 2018: 60000 }),
		series: (rng) =>
			PERIODS.map(({ t }) => {
				const mean = t <= T['2016/17 Q4'] ? 76000 + 4200 * t : 118000 - 8500 * (t - T['2016/17 Q4']);
				return { value: Math.round((mean * (1 + 0.07 * rng.gauss())) / 100) * 100 };
			}),
		notes: {
			'2017/18 Q1': 'Turn-the-curve report discussed at Keeping Children Safe, April 2017; local therapeutic offer in development.',
			'2018/19 Q1': 'First young people supported locally instead of out of area.'
		}
	}
];

// --------------------------------------------------------------------- csv --

const HEADER = [
	'measure_id',
	'measure',
	'quadrant',
	'priority',
	'agency',
	'period',
	'value',
	'numerator',
	'denominator',
	'target',
	'polarity',
	'unit',
	'notes'
];

function csvField(v) {
	if (v === null || v === undefined) return '';
	const s = String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function num(x) {
	if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
	return String(x);
}

function withSeparator(n) {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function build() {
	const ids = new Set();
	const done = {};
	const lines = [HEADER.join(',')];
	let separated = 0;

	for (const m of MEASURES) {
		if (ids.has(m.id)) throw new Error(`duplicate id ${m.id}`);
		ids.add(m.id);
		for (const key of [...Object.keys(m.markers ?? {}), ...Object.keys(m.notes ?? {})]) {
			if (!(key in T)) throw new Error(`${m.id}: unknown period ${key}`);
		}
		const series = m.series(makeRng(m.id), done);
		if (series.length !== N) throw new Error(`${m.id}: ${series.length} points, expected ${N}`);
		done[m.id] = series;

		for (const { t, fy, label } of PERIODS) {
			const point = series[t];
			const marker = m.markers?.[label];
			let value = '';
			let numerator = '';
			let denominator = '';
			if (marker) {
				value = marker;
			} else if ('num' in point) {
				if (!(point.den > 0)) throw new Error(`${m.id} ${label}: denominator ${point.den}`);
				const per = point.per ?? 100;
				// Integer over integer, then round half up to one decimal place.
				value = num(Math.round((per * 10 * point.num) / point.den) / 10);
				numerator = num(point.num);
				denominator = num(point.den);
			} else if (m.unit === 'count' && point.value >= 1000 && separated < MAX_SEPARATED) {
				value = withSeparator(point.value);
				separated++;
			} else {
				value = num(point.value);
			}
			const target = m.target(fy);
			lines.push(
				[
					m.id,
					m.name,
					m.quadrant,
					m.priority,
					m.agency,
					label,
					value,
					numerator,
					denominator,
					target === null ? '' : num(target),
					m.polarity,
					m.unit,
					m.notes?.[label] ?? ''
				]
					.map(csvField)
					.join(',')
			);
		}
	}
	return lines.join('\n') + '\n';
}

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? resolve(here, '../../data/sample-measures.csv'));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, build(), 'utf8');
console.log(`wrote ${out}`);
