// The readings a period's text can be given, each told to the analyst in words,
// so that no reading is ever chosen silently.
import { financialYearLabel, quarterMonths, type Period } from './quarters';

export type PeriodReading =
	| 'financial-year quarter'
	| 'calendar quarter'
	| 'month range'
	| 'date'
	| 'month'
	| 'financial year'
	| 'academic year'
	| 'reporting year';

const READINGS: Record<PeriodReading, string> = {
	'financial-year quarter': 'financial-year quarters (April to March): 2016/17 Q3 = Oct–Dec 2016',
	'calendar quarter': 'calendar quarters (January to December): 2016 Q4 = Oct–Dec 2016 = 2016/17 Q3',
	'month range': 'month ranges: Oct–Dec 2016 = 2016/17 Q3',
	date: 'dates, read day first, each as the quarter containing it: 31/12/2016 → Oct–Dec 2016 = 2016/17 Q3',
	month:
		'months, written without a day: Apr 2017 = April 2017 = 2017-04 = 04/2017 = Apr-17 (30/04/2017, with a day, is a date)',
	'financial year':
		'financial years (April to March): 2016/17 = Apr 2016 – Mar 2017 (a measure declared academic reads 2016/17 as Sep 2016 – Aug 2017)',
	'academic year': 'academic years (September to August): 2017/18 = Sep 2017 – Aug 2018, shown as AY 2017/18',
	'reporting year': 'reporting years, as DfE publishes them (the year to 31 March): 2016 = 2015/16'
};

/** A sentence telling the analyst which reading was used, to show beside an import. */
export function describeReading(reading: PeriodReading): string {
	return `Periods read as ${READINGS[reading]}`;
}

function whatWasRead(period: Period, reading: PeriodReading): string {
	const label = financialYearLabel(period);
	const months = quarterMonths(period);
	switch (reading) {
		case 'financial-year quarter':
			return `the financial-year quarter ${label} (${months})`;
		case 'calendar quarter':
		case 'month range':
			return `the quarter ${months} (${label})`;
		case 'date':
			return `a date, in the quarter ${months} (${label})`;
		case 'month':
			return `the month ${months}`;
		case 'financial year':
			return `the financial year ${months} (${label})`;
		case 'academic year':
			return `the academic year ${months} (${label})`;
		case 'reporting year':
			return `the DfE reporting year to 31 March: ${months} (${label})`;
	}
}

/** One cell's reading in words: '"2017/18" read as the academic year Sep 2017 – Aug 2018 (AY 2017/18)'. */
export function readingSentence(written: string, period: Period, reading: PeriodReading): string {
	return `"${String(written ?? '').trim()}" read as ${whatWasRead(period, reading)}`;
}
