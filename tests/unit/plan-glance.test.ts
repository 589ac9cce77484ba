import { describe, expect, test } from 'vitest';
import { HIDDEN, mergeHidden, stackRag } from '../../src/lib/charts/rag-bars';
import { describeRag } from '../../src/lib/charts/describe';
import { suppressRagCounts } from '../../src/lib/export/suppress-rag';
import { countSignals, spcSignalOf } from '../../src/lib/oba/plan-glance';
import { parsePublish, publishParams } from '../../src/lib/state/publish';

describe('measures by SPC signal', () => {
	test('the variation icon decides the signal; no icon is too few points', () => {
		expect(spcSignalOf('improvement-high')).toBe('improvement');
		expect(spcSignalOf('concern-low')).toBe('concern');
		expect(spcSignalOf('neither-high')).toBe('neither');
		expect(spcSignalOf('common')).toBe('common');
		expect(spcSignalOf(null)).toBe('too-few');
	});

	test('every signal is counted, zeros too, in the order a board reads them', () => {
		expect(countSignals(['common', 'improvement-low', null, 'improvement-high', 'concern-high']).map((s) => `${s.signal} ${s.measures}`)).toEqual([
			'improvement 2',
			'concern 1',
			'neither 0',
			'common 1',
			'too-few 1'
		]);
	});
});

describe('safe to publish in the URL', () => {
	test('on by default at 5; off and another threshold only when asked', () => {
		expect(parsePublish(new URLSearchParams(''))).toEqual({ on: true, threshold: 5 });
		expect(parsePublish(new URLSearchParams('publish=off&threshold=10'))).toEqual({ on: false, threshold: 10 });
		expect(parsePublish(new URLSearchParams('threshold=1'))).toEqual({ on: true, threshold: 5 });
		expect(parsePublish(new URLSearchParams('threshold=x'))).toEqual({ on: true, threshold: 5 });
		expect(publishParams({ on: true, threshold: 5 })).toEqual({ publish: null, threshold: null });
		expect(publishParams({ on: false, threshold: 3 })).toEqual({ publish: 'off', threshold: '3' });
	});
});

describe('the plan’s RAG counts suppressed as one cube', () => {
	// One review; priority 1: 6 green; priority 2: 2 green, 1 amber. The plan: 8 green, 1 amber, 9 items.
	const cells = [
		{ priority: 1, review: '2016-12-01', rag: 'G' as const, items: 6 },
		{ priority: 2, review: '2016-12-01', rag: 'G' as const, items: 2 },
		{ priority: 2, review: '2016-12-01', rag: 'A' as const, items: 1 }
	];
	test('a count hidden in the priorities’ table is hidden in the plan’s row too, when the totals would give it away', () => {
		const s = suppressRagCounts(cells, 5);
		const at = (p: number | 'plan', k: 'A' | 'G' | 'total') => s.hidden('2016-12-01', p, k);
		// Primary: priority 2's 1 amber, 2 green and 3 items; the plan's 1 amber. Then the plan's 8 green
		// (or 2 green = 8 − 6 shows), and priority 1's 6 green and 6 items (or 3 = 9 − 6 shows); 9 items stays.
		expect([at(2, 'A'), at(2, 'G'), at(2, 'total'), at('plan', 'A'), at('plan', 'G'), at(1, 'G'), at(1, 'total'), at('plan', 'total')]).toEqual([
			true, true, true, true, true, true, true, false
		]);
		expect(s.any).toBe(true);
	});

	test('hidden counts are one segment of the bar, and the text alternative names them without a number', () => {
		const merged = mergeHidden(
			[
				{ review: 'Dec 2016', rag: 'G', items: 30 },
				{ review: 'Dec 2016', rag: 'A', items: 7 },
				{ review: 'Dec 2016', rag: 'R', items: 1 }
			],
			(c) => c.rag !== 'G'
		);
		expect(merged).toEqual([
			{ review: 'Dec 2016', rag: 'G', items: 30 },
			{ review: 'Dec 2016', rag: HIDDEN, items: 8 }
		]);
		expect(describeRag(stackRag(merged, ['Dec 2016'], true))).toBe('Dec 2016: 30 green, others suppressed ([c]), of 38 rated items.');
		expect(describeRag(stackRag(merged, ['Dec 2016'], true), true)).toBe('Dec 2016: 30 green, others suppressed ([c]).');
	});
});
