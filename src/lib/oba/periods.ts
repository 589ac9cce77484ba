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
export type { YearType } from './quarters';
export { academicYear, calendarMonth, yearStarting, yearTypeOf } from './quarters';
export {
	academicYearOfMonth,
	addMonths,
	financialYearOfMonth,
	monthsBetween,
	monthsOf,
	quarterOfMonth,
	yearOfMonth
} from './months';
export type { PeriodOptions, PeriodParse } from './period-text';
export { PERIOD_EXPECTED, parsePeriod, periodOfLabel } from './period-text';
export type { PeriodReading } from './period-readings';
export { describeReading, readingSentence } from './period-readings';
export { parseDfePeriod } from './dfe-periods';
export type { ReviewDateParse } from './review-dates';
export { formatReviewDate, parseReviewDate } from './review-dates';
