// What a measure page says of a measure with monthly data: the rule that made its quarters and
// years, the kind of year, and the latest year to date, worked out by the pure rules of oba/.
import type { ExplorerMeasure } from '../db/queries/explorer';
import type { ValueRow } from '../db/queries/measures';
import { periodOfLabel, type YearType } from '../oba/periods';
import { defaultRollupRule, parseRollupRule, ROLLUP_RULES, type RollupRule } from '../oba/rollup-rules';
import { parseUnit } from '../oba/units';
import { yearToDate, type YearToDate } from '../oba/year-to-date';

export interface MonthlyView {
	rule: RollupRule;
	/** The rule in words: "Sum: the months added up: for counts of events …". */
	ruleText: string;
	/** The measure's file gave no rule: the default for its unit was used. */
	defaulted: boolean;
	yearType: YearType;
	yearToDate: YearToDate | null;
}

/** null when the measure has no months in the home area. */
export function monthlyView(measure: ExplorerMeasure, months: readonly ValueRow[]): MonthlyView | null {
	if (months.length === 0) return null;
	const unit = parseUnit(measure.unit);
	const given = measure.rollup ? parseRollupRule(measure.rollup) : null;
	const rule = given?.ok ? given.rule : defaultRollupRule(unit.ok ? unit.unit : 'count');
	const yearType: YearType = measure.year_type === 'academic' ? 'academic' : 'financial';
	const figures = months.flatMap((m) => {
		const period = periodOfLabel(m.period_label);
		return period ? [{ period, value: m.value, numerator: m.numerator, denominator: m.denominator }] : [];
	});
	const described = ROLLUP_RULES.find((r) => r.id === rule)!;
	return {
		rule,
		ruleText: `${described.label}: ${described.description}`,
		defaulted: !given?.ok,
		yearType,
		yearToDate: yearToDate(figures, rule, unit.ok ? unit.unit : 'count', yearType)
	};
}
