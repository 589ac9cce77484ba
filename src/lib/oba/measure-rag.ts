// RAG for a measure against its target, as councils rate indicators: Green when the target is met
// or missed by no more than the amber threshold, Amber when missed by no more than the red
// threshold, Red beyond it. Thresholds are shortfalls in the measure's own direction (polarity),
// as a value in the measure's unit or as a % of the target. A direction-of-travel rule may let the
// latest move decide between Amber and Red. Plain rules, no DOM, no DuckDB.
import { gapToTarget } from './judge';
import type { MeasurePolarity, TargetRange } from './series-point';

/** A shortfall allowed before the next colour: `value` in the measure's unit, or % of the target. */
export type Threshold = { value: number; percent: boolean };

/**
 * How the latest move counts:
 *  - 'none': the thresholds alone decide;
 *  - 'improving-is-amber': a Red that moved the right way since the period compared with is Amber;
 *  - 'travel-decides': outside the amber threshold, Amber if it moved the right way, else Red (the red
 *    threshold is not used).
 */
export type TravelRule = 'none' | 'improving-is-amber' | 'travel-decides';

export const TRAVEL_RULES: readonly { id: TravelRule; label: string }[] = [
	{ id: 'none', label: 'Thresholds only' },
	{ id: 'improving-is-amber', label: 'A Red that is improving shows Amber' },
	{ id: 'travel-decides', label: 'Outside tolerance: Amber if improving, Red if not' }
];

export type Tolerance = {
	/** Missed by up to this: still Green. Null: any shortfall leaves Green. */
	amber: Threshold | null;
	/** Missed by more than this: Red. Null: any shortfall beyond amber is Red. */
	red: Threshold | null;
	travel: TravelRule;
};

export const NO_TOLERANCE: Tolerance = { amber: null, red: null, travel: 'none' };

export type MeasureRag = 'R' | 'A' | 'G';

export type MeasureRating =
	| { rag: MeasureRag; shortfall: number; why: string }
	| { rag: null; shortfall: null; why: string };

export type RatingInput = {
	value: number | null;
	target: number | null;
	polarity: MeasurePolarity;
	range?: TargetRange | null;
	tolerance: Tolerance;
	/** The value compared with for the direction of travel (the period before, as the report card reads it). */
	previous?: number | null;
};

/** A threshold in the measure's unit: a percentage is of the target (for a range, of its nearer end). */
export function thresholdValue(t: Threshold | null, target: number | null, range?: TargetRange | null, value?: number): number {
	if (t === null) return 0;
	if (!t.percent) return Math.abs(t.value);
	const base = range ? (value !== undefined && value < range.low ? range.low : range.high) : target;
	return base === null || base === undefined ? 0 : (Math.abs(t.value) / 100) * Math.abs(base);
}

function describe(t: Threshold): string {
	return t.percent ? `${t.value}% of target` : `${t.value}`;
}

/** Rates the latest value; a measure without a target (or a value, or a polarity) says which. */
export function rateMeasure(input: RatingInput): MeasureRating {
	const { value, target, polarity, range, tolerance, previous } = input;
	if (polarity === null) return { rag: null, shortfall: null, why: 'No polarity set: a shortfall has no direction' };
	const hasTarget = polarity === 'range' ? !!range : target !== null && Number.isFinite(target);
	if (!hasTarget) return { rag: null, shortfall: null, why: 'No target set' };
	if (value === null || !Number.isFinite(value)) return { rag: null, shortfall: null, why: 'No value for the latest period' };
	const gap = gapToTarget(value, target, polarity, range);
	if (gap === null) return { rag: null, shortfall: null, why: 'No target set' };
	const shortfall = gap >= 0 ? 0 : -gap;
	if (shortfall === 0) return { rag: 'G', shortfall, why: 'Target met' };

	const amberAt = thresholdValue(tolerance.amber, target, range, value);
	if (shortfall <= amberAt) return { rag: 'G', shortfall, why: `Short of target by no more than the amber threshold (${describe(tolerance.amber!)})` };

	const improving = previous !== null && previous !== undefined && Number.isFinite(previous) && improved(previous, value, target, polarity, range);
	if (tolerance.travel === 'travel-decides') {
		return improving
			? { rag: 'A', shortfall, why: 'Outside tolerance, improving since the period before' }
			: { rag: 'R', shortfall, why: 'Outside tolerance, not improving since the period before' };
	}
	const redAt = tolerance.red === null ? amberAt : Math.max(amberAt, thresholdValue(tolerance.red, target, range, value));
	if (shortfall <= redAt) return { rag: 'A', shortfall, why: `Short of target within the red threshold (${describe(tolerance.red!)})` };
	const beyond = tolerance.red === null ? 'Short of target, with no tolerance for Amber' : `Short of target by more than the red threshold (${describe(tolerance.red)})`;
	if (tolerance.travel === 'improving-is-amber' && improving) return { rag: 'A', shortfall, why: `${beyond}, but improving since the period before` };
	return { rag: 'R', shortfall, why: beyond };
}

/** Moved the right way: the shortfall to target got smaller. */
function improved(from: number, to: number, target: number | null, polarity: MeasurePolarity, range?: TargetRange | null): boolean {
	const a = gapToTarget(from, target, polarity, range);
	const b = gapToTarget(to, target, polarity, range);
	return a !== null && b !== null && b > a;
}

export type ThresholdParse = { ok: true; threshold: Threshold | null } | { ok: false; message: string };

/** "10%", "10 %", "2.5" or blank (none). Never throws; a negative or non-number is refused. */
export function parseThreshold(text: string): ThresholdParse {
	const written = String(text ?? '').trim();
	if (written === '') return { ok: true, threshold: null };
	const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(written);
	if (!m) return { ok: false, message: `"${written}" is not a threshold; expected a shortfall such as 2 (in the measure's unit) or 10% (of the target), or a blank` };
	return { ok: true, threshold: { value: Number(m[1]), percent: m[2] === '%' } };
}

const TRAVEL_SPELLINGS = new Map<string, TravelRule>([
	['', 'none'], ['none', 'none'], ['thresholds only', 'none'],
	['improving is amber', 'improving-is-amber'], ['improving-is-amber', 'improving-is-amber'], ['improving amber', 'improving-is-amber'],
	['travel decides', 'travel-decides'], ['travel-decides', 'travel-decides'], ['trend decides', 'travel-decides'], ['direction of travel', 'travel-decides']
]);

export type TravelParse = { ok: true; travel: TravelRule } | { ok: false; message: string };

/** Never throws; blank is 'none'. */
export function parseTravelRule(text: string): TravelParse {
	const written = String(text ?? '').trim();
	const travel = TRAVEL_SPELLINGS.get(written.toLowerCase().replace(/\s+/g, ' '));
	if (travel) return { ok: true, travel };
	return { ok: false, message: `"${written}" is not a direction-of-travel rule; expected none, improving is amber, or travel decides (or a blank)` };
}

/** A threshold as stored and shown: "10%" or "2"; null for none. parseThreshold reads it back. */
export function thresholdText(t: Threshold | null): string | null {
	return t === null ? null : `${t.value}${t.percent ? '%' : ''}`;
}

/** A tolerance as stored (measures, measure_tolerances): thresholdText texts and a TravelRule id. */
export type StoredTolerance = { amber_threshold: string | null; red_threshold: string | null; travel_rule: string | null };

/** The tolerance stored texts give; a text that no longer reads (stored by hand) counts as none. */
export function storedTolerance(stored: StoredTolerance): Tolerance {
	const threshold = (text: string | null) => {
		const parsed = parseThreshold(text ?? '');
		return parsed.ok ? parsed.threshold : null;
	};
	const travel = parseTravelRule(stored.travel_rule ?? '');
	return { amber: threshold(stored.amber_threshold), red: threshold(stored.red_threshold), travel: travel.ok ? travel.travel : 'none' };
}

/** The tolerance in words, as the measure page says it. */
export function describeTolerance(t: Tolerance): string {
	if (t.amber === null && t.red === null && t.travel === 'none') return 'none: any shortfall is Red';
	const parts = [
		t.amber ? `Green if short of target by up to ${describe(t.amber)}` : 'Green only when the target is met',
		t.travel === 'travel-decides' ? null : t.red ? `Amber if short by up to ${describe(t.red)}, Red beyond` : 'Red beyond',
		t.travel === 'none' ? null : TRAVEL_RULES.find((r) => r.id === t.travel)!.label
	];
	return parts.filter((p) => p !== null).join('; ');
}
