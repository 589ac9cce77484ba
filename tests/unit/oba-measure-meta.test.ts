import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	POLARITIES,
	QUADRANTS,
	UNITS,
	parsePolarity,
	parseQuadrant,
	parseUnit,
	polarityLabel,
	quadrantLabel,
	unitLabel
} from '../../src/lib/oba/measure-meta';

describe('parseQuadrant', () => {
	it.each([
		['How much did we do?', 'how_much'], ['How much', 'how_much'], ['quantity', 'how_much'], ['HM', 'how_much'],
		['how_much', 'how_much'], ['HOW MUCH DID WE DO', 'how_much'],
		['How well did we do it?', 'how_well'], ['how well', 'how_well'], ['Quality', 'how_well'], ['how-well', 'how_well'],
		['Is anyone better off?', 'better_off'], ['Better off', 'better_off'], ['BO', 'better_off'],
		['impact', 'better_off'], ['Effect', 'better_off'],
		['Population indicator', 'population'], ['population', 'population'], ['Indicator', 'population']
	])('%s is %s', (text, quadrant) => {
		expect(parseQuadrant(text)).toEqual({ ok: true, quadrant });
	});

	it('refuses the unknown and lists accepted spellings', () => {
		const r = parseQuadrant('Outputs');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/"Outputs" is not a quadrant.*How much did we do\?/);
		expect(parseQuadrant('').ok).toBe(false);
	});

	it('has four quadrants in report-card order whose labels read back', () => {
		expect(QUADRANTS.map((q) => q.order)).toEqual([1, 2, 3, 4]);
		expect(quadrantLabel('how_much')).toBe('How much did we do?');
		for (const q of QUADRANTS) {
			expect(parseQuadrant(q.label)).toEqual({ ok: true, quadrant: q.id });
			expect(parseQuadrant(q.short)).toEqual({ ok: true, quadrant: q.id });
		}
	});
});

describe('parsePolarity', () => {
	it.each([
		['Higher is better', 'higher'], ['up', 'higher'], ['High', 'higher'], ['+', 'higher'],
		['lower is better', 'lower'], ['Down', 'lower'], ['low', 'lower'], ['-', 'lower'], ['−', 'lower'],
		['target range', 'range'], ['Range', 'range']
	])('%s is %s', (text, polarity) => {
		expect(parsePolarity(text)).toEqual({ ok: true, polarity });
	});

	it('refuses the unknown with the accepted spellings', () => {
		const r = parsePolarity('sideways');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/higher is better/);
	});

	it('labels read back', () => {
		for (const p of POLARITIES) expect(parsePolarity(polarityLabel(p.id)).ok).toBe(true);
	});
});

describe('parseUnit', () => {
	it.each([
		['count', 'count'], ['Number', 'count'], ['#', 'count'],
		['%', 'percent'], ['percent', 'percent'], ['Percentage', 'percent'],
		['rate per 10,000', 'rate10k'], ['per 10,000', 'rate10k'], ['Rate', 'rate10k'], ['per 10000', 'rate10k'],
		['days', 'days'], ['Days', 'days'],
		['£', 'gbp'], ['GBP', 'gbp'], ['pounds', 'gbp']
	])('%s is %s', (text, unit) => {
		expect(parseUnit(text)).toEqual({ ok: true, unit });
	});

	it('refuses the unknown with the accepted spellings', () => {
		const r = parseUnit('hours');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/rate per 10,000/);
	});

	it('labels and short labels read back', () => {
		expect(unitLabel('rate10k')).toBe('Rate per 10,000 children aged 0–17');
		for (const u of UNITS) {
			expect(parseUnit(u.label)).toEqual({ ok: true, unit: u.id });
			expect(parseUnit(u.short)).toEqual({ ok: true, unit: u.id });
		}
	});
});

describe('properties', () => {
	it('no metadata parser throws', () => {
		fc.assert(
			fc.property(fc.string(), (t) => {
				for (const parse of [parseQuadrant, parsePolarity, parseUnit]) expect(typeof parse(t).ok).toBe('boolean');
			}),
			{ numRuns: 2000 }
		);
	});

	it('case and surrounding spaces never change the answer', () => {
		const spellings = fc.constantFrom('How much did we do?', 'Better off', 'lower is better', 'per 10,000', 'Quality');
		fc.assert(
			fc.property(spellings, fc.boolean(), fc.nat(3), (s, upper, pad) => {
				const text = `${' '.repeat(pad)}${upper ? s.toUpperCase() : s.toLowerCase()}${' '.repeat(pad)}`;
				for (const parse of [parseQuadrant, parsePolarity, parseUnit]) {
					const [a, b] = [parse(text), parse(s)];
					expect(a.ok ? a : a.ok).toEqual(b.ok ? b : b.ok);
				}
			})
		);
	});
});
