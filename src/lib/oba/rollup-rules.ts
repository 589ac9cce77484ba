// How a measure's months add up to a quarter or a year, declared per measure:
// counts of events are summed, caseloads are taken at month end, % and rates
// are re-derived from their numerators and denominators (never averaged).
import { foldSpelling, listOfSpellings, spellingTable } from './spellings';
import type { Unit } from './units';

export type RollupRule = 'sum' | 'mean' | 'latest' | 'ratio';

export type RollupRuleParse = { ok: true; rule: RollupRule } | { ok: false; message: string };

export const ROLLUP_RULES: readonly { id: RollupRule; label: string; description: string }[] = [
	{ id: 'sum', label: 'Sum', description: 'the months added up: for counts of events (referrals, missing episodes)' },
	{ id: 'mean', label: 'Mean', description: 'the average of the monthly values: for figures that are already averages' },
	{ id: 'latest', label: 'Month end', description: 'the value of the last month: for caseloads counted at month end' },
	{
		id: 'ratio',
		label: 'Re-derived',
		description: 'the numerators and denominators added up and divided again: for % and rates'
	}
];

const TABLE = spellingTable<RollupRule>({
	sum: ['sum', 'total', 'totals', 'add', 'add up', 'added', 'sum of months', 'summed'],
	mean: ['mean', 'average', 'avg', 'averaged', 'monthly average', 'mean average', 'average of months'],
	latest: [
		'latest', 'last', 'month end', 'end of month', 'last month', 'quarter end', 'end of quarter',
		'period end', 'end of period', 'year end', 'snapshot', 'as at', 'closing', 'point in time', 'most recent'
	],
	ratio: [
		'ratio', 'recalculate', 'recalculated', 're-calculate', 're-calculated', 'recompute', 're-derive',
		're-derived', 'rederive', 'rederived', 'numerator/denominator', 'numerator / denominator',
		'numerator and denominator', 'from numerator and denominator', 'weighted average', 'weighted'
	]
});

/**
 * The rule when a measure declares none. By unit:
 * - count → sum: monthly counts in police, missing-episode and MASH returns are mostly events,
 *   which add up; a caseload (children open at month end) must be declared 'latest'.
 * - percent → ratio: a quarter's % is its months' numerators over their denominators; an
 *   average of monthly %s would weigh a month of 3 cases like a month of 300.
 * - rate10k → ratio: for the same reason; the count is re-divided by the population.
 * - days → mean: monthly figures in days are already averages (mean days to a review), and
 *   without each month's cases the mean of months is all that can be said; declare 'ratio'
 *   with total days and cases as numerator and denominator to weigh months properly.
 * - gbp → sum: money spent in months adds up.
 */
export const DEFAULT_ROLLUP: Readonly<Record<Unit, RollupRule>> = {
	count: 'sum',
	percent: 'ratio',
	rate10k: 'ratio',
	days: 'mean',
	gbp: 'sum'
};

export function defaultRollupRule(unit: Unit): RollupRule {
	return DEFAULT_ROLLUP[unit];
}

export function rollupRuleLabel(rule: RollupRule): string {
	return ROLLUP_RULES.find((r) => r.id === rule)?.label ?? rule;
}

/**
 * Why a rule cannot be used with a unit, or null when it can: a % or a rate is
 * never summed or averaged across months, only re-derived (or taken at month end).
 */
export function ruleUnitProblem(rule: RollupRule, unit: Unit): string | null {
	if ((unit === 'percent' || unit === 'rate10k') && (rule === 'sum' || rule === 'mean')) {
		const what = unit === 'percent' ? 'percentages' : 'rates';
		return `${what} are never ${rule === 'sum' ? 'added up' : 'averaged'} across months; they are re-derived from their numerators and denominators ("ratio"), or taken at month end ("latest")`;
	}
	return null;
}

/** Never throws; unknown spellings get a message listing accepted ones. */
export function parseRollupRule(text: string): RollupRuleParse {
	const rule = TABLE.get(foldSpelling(text));
	if (rule) return { ok: true, rule };
	const written = String(text ?? '').trim();
	const expected = `expected how months add up: ${listOfSpellings(['sum', 'mean', 'latest', 'ratio'])} (or "total", "average", "month end", "recalculate")`;
	return {
		ok: false,
		message: written === '' ? `the roll-up rule is blank; ${expected}` : `"${written}" is not a roll-up rule; ${expected}`
	};
}
