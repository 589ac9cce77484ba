// Everything about reporting periods, in one import for the rest of the app.
export type { Period } from './quarters';
export {
	addQuarters,
	financialQuarter,
	financialYear,
	financialYearLabel,
	financialYearStart,
	formatPeriod,
	periodKey,
	previousQuarter,
	quarterContaining,
	quarterMonths,
	quartersBetween,
	samePeriod,
	sameQuarterLastYear
} from './quarters';
export type { PeriodParse, PeriodReading } from './period-text';
export { PERIOD_EXPECTED, describeReading, parsePeriod } from './period-text';
export { parseDfePeriod } from './dfe-periods';
export type { ReviewDateParse } from './review-dates';
export { formatReviewDate, parseReviewDate } from './review-dates';
