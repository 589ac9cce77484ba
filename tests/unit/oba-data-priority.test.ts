import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DATA_PRIORITIES, dataPriorityLabel, parseDataPriority } from '../../src/lib/oba/data-priority';

describe('parseDataPriority', () => {
	it.each([
		['High', 'high'], ['HIGH', 'high'], [' h ', 'high'], ['High priority', 'high'], ['1', 'high'],
		['Medium', 'medium'], ['med', 'medium'], ['M', 'medium'], ['medium-priority', 'medium'], ['2', 'medium'],
		['Low', 'low'], ['l', 'low'], ['LOW PRIORITY', 'low'], ['3', 'low']
	])('%s is %s', (text, dataPriority) => {
		expect(parseDataPriority(text)).toEqual({ ok: true, dataPriority });
	});

	it('refuses anything else, quoting it and listing what is accepted', () => {
		const r = parseDataPriority('Urgent');
		expect(r).toEqual({ ok: false, message: '"Urgent" is not a data priority; expected "High", "Medium" or "Low" (or H, M, L; 1 is high, 3 low)' });
		expect(parseDataPriority('4').ok).toBe(false);
		expect(parseDataPriority('  ')).toMatchObject({ ok: false, message: expect.stringMatching(/^the data priority is blank; /) });
	});

	it('never throws, and answers one of the three or a message', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				const r = parseDataPriority(text);
				return r.ok ? DATA_PRIORITIES.some((p) => p.id === r.dataPriority) : r.message.length > 0;
			})
		);
	});

	it('labels each in the agenda’s order, the most needed first', () => {
		expect(DATA_PRIORITIES.map((p) => dataPriorityLabel(p.id))).toEqual(['High', 'Medium', 'Low']);
	});
});
