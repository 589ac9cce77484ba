import { describe, expect, test } from 'vitest';
import { closestFormat, detectFormat, matchColumns, missingColumns, PERIOD_COLUMNS } from '../../src/lib/ingest/match/columns';
import { FORMATS, formatSpec } from '../../src/lib/ingest/formats';

const detect = (headers: string[]) => detectFormat(headers, FORMATS)?.id ?? null;

describe('which format a file is, from its headers', () => {
	test('a period column makes the long form; period headers the wide form', () => {
		expect(detect(['measure', 'period', 'value'])).toBe('measures-long');
		expect(detect(['Measure', 'Quadrant', '2016/17 Q1', 'Q2 2016/17', 'Oct-Dec 2016'])).toBe('measures-wide');
		expect(detect(['measure', 'period', 'value', '2016/17 Q1'])).toBe('measures-long');
	});

	test('the other formats are not taken for the wide form', () => {
		expect(detect(['priority', 'action', 'RAG Dec 2016', 'Progress Dec 2016'])).toBe('action-plan');
		expect(detect(['item_id', 'review', 'rag'])).toBe('reviews');
		expect(detect(['time_period', 'time_identifier', 'geographic_level', 'age_group', 'population_estimate'])).toBe('population');
	});

	test('wide headers: periods, typing slips in periods, and other columns told apart', () => {
		const match = matchColumns(['measure', '2016/17 Q1', '2016/17 Q5', 'Notes', ''], formatSpec('measures-wide'));
		expect(match.periods).toEqual([1]);
		expect(match.badPeriods.map(([index]) => index)).toEqual([2]);
		expect(match.unmatched).toEqual([3]);
	});

	test('a wide file whose period headers all fail is told it lacks periods, not that it matches nothing', () => {
		const headers = ['measure', 'quadrant', 'Q1', 'Q2'];
		expect(detect(headers)).toBeNull();
		const near = closestFormat(headers, FORMATS)!;
		expect(near.id).toBe('measures-wide');
		expect(missingColumns(matchColumns(headers, near), near)).toEqual([PERIOD_COLUMNS]);
	});

	test('headers are matched in any case, ignoring spaces, _ and -', () => {
		expect(matchColumns([' VALUE ', 'Measure Name', 'time-period', 'MEASURE_ID'], formatSpec('measures-long')).found).toEqual(
			new Map([['value', 0], ['measure', 1], ['period', 2], ['measure_id', 3]])
		);
	});
});
