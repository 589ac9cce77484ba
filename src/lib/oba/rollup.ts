// Months rolled up into a quarter or a year by the measure's declared rule.
// A period with a month missing has no value: a quarter of two months is not
// summed as if it were three, and a gap is never a zero.
import { monthsOf, quarterOfMonth, yearOfMonth } from './months';
import { formatPeriod, periodKey, quarterMonths, type Period, type YearType } from './quarters';
import { ruleUnitProblem, type RollupRule } from './rollup-rules';
import { RATIO_SCALE, type Unit } from './units';

export * from './rollup-rules';

/** One month's figure as stored: a value (null for a gap), and for % and rates its numerator and denominator. */
export type MonthFigure = {
	period: Period;
	value: number | null;
	numerator?: number | null;
	denominator?: number | null;
};

export type Rollup = {
	period: Period;
	rule: RollupRule;
	/** null unless every month is there (and, for 'ratio', has a numerator and a positive denominator). */
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** Months with the figure the rule needs: a value, or for 'ratio' a numerator and a denominator. */
	monthsPresent: number;
	monthsExpected: number;
	complete: boolean;
	/** The expected months without that figure, in order. */
	missing: Period[];
	/** Why there is no value; null when there is one. */
	reason: string | null;
};

type Combined = Omit<Rollup, 'period' | 'rule'>;

const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

function hasFigure(m: MonthFigure, rule: RollupRule): boolean {
	return rule === 'ratio' ? finite(m.numerator) && finite(m.denominator) : finite(m.value);
}

const names = (months: readonly Period[]) => months.map((m) => quarterMonths(m)).join(', ');

/** The core: the expected months (in order), the figures given, the rule. `name` is used in reasons. */
export function combineMonths(
	expected: readonly Period[], months: readonly MonthFigure[], rule: RollupRule, unit: Unit, name: string
): Combined {
	const byMonth = new Map<string, MonthFigure[]>();
	for (const m of months) {
		if (m.period.kind !== 'month') continue;
		byMonth.set(m.period.start, [...(byMonth.get(m.period.start) ?? []), m]);
	}
	const rows = expected.map((p) => byMonth.get(p.start) ?? []);
	const present = expected.filter((_, i) => rows[i]?.length === 1 && hasFigure(rows[i]![0]!, rule));
	const missing = expected.filter((_, i) => !(rows[i]?.length === 1 && hasFigure(rows[i]![0]!, rule)));
	const base = { numerator: null, denominator: null, monthsPresent: present.length, monthsExpected: expected.length, missing };
	const none = (reason: string): Combined => ({ ...base, value: null, complete: missing.length === 0, reason });

	const unitProblem = ruleUnitProblem(rule, unit);
	if (unitProblem) return none(`No value for ${name}: ${unitProblem}`);
	const twice = expected.filter((_, i) => (rows[i]?.length ?? 0) > 1);
	if (twice.length) return none(`No value for ${name}: ${names(twice)} ${twice.length === 1 ? 'is' : 'are'} given more than once`);
	if (missing.length) {
		const valuedOnly = missing.filter((p) => finite(byMonth.get(p.start)?.[0]?.value));
		const why =
			rule === 'ratio' && valuedOnly.length
				? `it is re-derived from numerators and denominators, never averaged, and ${names(valuedOnly)} ${valuedOnly.length === 1 ? 'has' : 'have'} a value but no numerator and denominator`
				: `${present.length} of ${expected.length} months have a value; missing ${names(missing)}`;
		return none(`No value for ${name}: ${why}`);
	}
	const figures = rows.map((r) => r[0]!);
	const values = figures.map((f) => f.value as number);
	const total = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
	switch (rule) {
		case 'sum':
			return { ...base, value: total(values), complete: true, reason: null };
		case 'mean':
			return { ...base, value: total(values) / values.length, complete: true, reason: null };
		case 'latest': {
			const last = figures[figures.length - 1]!;
			const numerator = finite(last.numerator) ? last.numerator : null;
			const denominator = finite(last.denominator) ? last.denominator : null;
			return { ...base, numerator, denominator, value: last.value, complete: true, reason: null };
		}
		case 'ratio': {
			const numerator = total(figures.map((f) => f.numerator as number));
			// A rate's denominator is a population (children aged 0–17), a stock: summed over
			// months it would count each child once a month, so the period's is the months' mean.
			const dens = figures.map((f) => f.denominator as number);
			const denominator = unit === 'rate10k' ? total(dens) / dens.length : total(dens);
			if (!(denominator > 0)) return { ...none(`No value for ${name}: the denominator is ${denominator}, so there is no ratio`), numerator, denominator };
			// Multiplied before dividing, so (3 + 4) × 100 ÷ 20 is exactly 35.
			return { ...base, numerator, denominator, value: (numerator * RATIO_SCALE[unit]) / denominator, complete: true, reason: null };
		}
	}
}

/**
 * A quarter's or a year's value from its months. Months outside `into` are left
 * out, so a whole monthly series may be passed; a month given twice gives no value.
 */
export function rollUp(months: readonly MonthFigure[], rule: RollupRule, unit: Unit, into: Period): Rollup {
	const name = `${formatPeriod(into)}${into.kind === 'month' ? '' : ` (${quarterMonths(into)})`}`;
	return { period: into, rule, ...combineMonths(monthsOf(into), months, rule, unit, name) };
}

/**
 * Every quarter, or every year of the given type, that at least one month falls in,
 * rolled up, in order. A quarter with a month missing is there, with no value.
 */
export function rollUpSeries(
	months: readonly MonthFigure[], rule: RollupRule, unit: Unit, into: 'quarter' | 'year', yearType: YearType = 'financial'
): Rollup[] {
	const periods = new Map<string, Period>();
	for (const m of months) {
		if (m.period.kind !== 'month') continue;
		const p = into === 'quarter' ? quarterOfMonth(m.period) : yearOfMonth(m.period, yearType);
		periods.set(periodKey(p), p);
	}
	return [...periods.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([, p]) => rollUp(months, rule, unit, p));
}
