import { describe, expect, test } from 'vitest';
import { dueDate, pastTimescale } from '../../src/lib/oba/timescale';

describe('timescales written in the plan', () => {
	test('the due date is the last month and year named', () => {
		expect(dueDate('April 2017')).toBe('2017-04-01');
		expect(dueDate('Completed and to be reviewed in July 2017')).toBe('2017-07-01');
		expect(dueDate('March 2017 in North East Lincolnshire March 2017 in North Lincolnshire')).toBe('2017-03-01');
		expect(dueDate('Health Audit completed September 2016 … Repeat health practise review in 2017')).toBe('2016-09-01');
		expect(dueDate('Dec 2016, then Sept 2018')).toBe('2018-09-01');
	});

	test('no month and year, no due date', () => {
		expect(dueDate('Completed')).toBeNull();
		expect(dueDate('On Going in development')).toBeNull();
		expect(dueDate('Young and Safe service manager')).toBeNull();
		expect(dueDate(null)).toBeNull();
		expect(dueDate('Within 2017')).toBeNull();
	});

	test('past its timescale means due before the review and not Blue', () => {
		expect(pastTimescale('April 2017', '2017-07-01', 'A')).toBe(true);
		expect(pastTimescale('April 2017', '2017-07-01', 'B')).toBe(false);
		expect(pastTimescale('April 2017', '2017-04-01', 'A')).toBe(false);
		expect(pastTimescale('Completed', '2018-12-01', 'R')).toBe(false);
	});
});
