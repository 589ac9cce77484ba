// Exact Poisson funnel limits, checked against values worked out by hand (closed forms of the gamma
// distribution for shapes 1 and 2) and against an independent computation, SciPy 1.17's
// scipy.stats.chi2.ppf (shown in each comment).
import { describe, expect, test } from 'vitest';
import { chiSquareQuantile, gammaP, gammaQuantile, lnGamma } from '../../src/lib/oba/gamma';
import { centreRate, funnelLimits, funnelPopulations, funnelPosition, poissonCountLimits } from '../../src/lib/oba/funnel';

describe('the gamma distribution', () => {
	test('ln Γ matches factorials and math.lgamma', () => {
		expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12); // Γ(10) = 9!
		expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
		expect(lnGamma(0.3)).toBeCloseTo(1.0957979948180752, 12); // math.lgamma(0.3)
		expect(lnGamma(150.5)).toBeCloseTo(602.5139548705855, 9); // math.lgamma(150.5)
	});
	test('P(a, x) by its series and its continued fraction', () => {
		// Shape 1 is the exponential: P(1, x) = 1 − e^−x. Shape 2: 1 − e^−x (1 + x).
		expect(gammaP(1, 0.7)).toBeCloseTo(1 - Math.exp(-0.7), 14);
		expect(gammaP(2, 5)).toBeCloseTo(1 - Math.exp(-5) * 6, 15);
		expect(gammaP(2.5, 3.5)).toBeCloseTo(0.7793596920632894, 13); // scipy.stats.gamma.cdf(3.5, 2.5)
		expect(gammaP(10, 30)).toBeCloseTo(0.9999928782491372, 13); // gamma.cdf(30, 10)
		expect(gammaP(0.3, 0.5)).toBeCloseTo(0.8138118046743924, 13); // gamma.cdf(0.5, 0.3)
	});
	test('its quantile inverts it', () => {
		// Shape 1: the 2.5% point is −ln(0.975) = 0.025317807984289897.
		expect(gammaQuantile(0.025, 1)).toBeCloseTo(-Math.log(0.975), 13);
		// Shape 2: e^−x (1 + x) = 0.025 at x = 5.571643390938898 (chi2.ppf(0.975, 4) / 2); check: e^−5.5716 × 6.5716 = 0.02500.
		const x = gammaQuantile(0.975, 2);
		expect(x).toBeCloseTo(5.571643390938898, 11);
		expect(Math.exp(-x) * (1 + x)).toBeCloseTo(0.025, 14);
		expect(chiSquareQuantile(0.999, 10)).toBeCloseTo(29.58829844507442, 10); // chi2.ppf(0.999, 10); tables: 29.588
		expect(chiSquareQuantile(0.001, 10)).toBeCloseTo(1.4787434638356647, 11); // chi2.ppf(0.001, 10); tables: 1.479
		expect(() => gammaQuantile(1, 2)).toThrow(RangeError);
	});
});

describe('exact Poisson funnel limits', () => {
	test('on a count: χ²(α/2; 2m)/2 to χ²(1 − α/2; 2m + 2)/2', () => {
		// m = 10: chi2.ppf(0.025, 20)/2, chi2.ppf(0.975, 22)/2, chi2.ppf(0.001, 20)/2, chi2.ppf(0.999, 22)/2.
		const l95 = poissonCountLimits(10, 0.95);
		expect(l95.lower).toBeCloseTo(4.7953886961324335, 10);
		expect(l95.upper).toBeCloseTo(18.39035604201778, 10);
		const l998 = poissonCountLimits(10, 0.998);
		expect(l998.lower).toBeCloseTo(2.96052037274376, 10);
		expect(l998.upper).toBeCloseTo(24.13397114541759, 10);
		// m = 1, by hand: lower −ln(0.975), upper 5.571643… (shape 2 above).
		expect(poissonCountLimits(1, 0.95).lower).toBeCloseTo(0.025317807984289897, 13);
		expect(poissonCountLimits(1, 0.95).upper).toBeCloseTo(5.571643390938898, 11);
		expect(poissonCountLimits(0, 0.95)).toEqual({ lower: 0, upper: gammaQuantile(0.975, 1) });
	});
	test('as rates per 10,000: the count limits over the children', () => {
		// England at 10 per 10,000 and an area of 10,000 children: m = 10, so the limits are the
		// count limits above, per 10,000 children as they stand.
		const l = funnelLimits(10, 10_000, 0.95);
		expect(l.lower).toBeCloseTo(4.7953886961324335, 10);
		expect(l.upper).toBeCloseTo(18.39035604201778, 10);
		// 20,000 children at 5 per 10,000: m = 10 again, the rates halve.
		const half = funnelLimits(5, 20_000, 0.998);
		expect(half.lower).toBeCloseTo(2.96052037274376 / 2, 10);
		expect(half.upper).toBeCloseTo(24.13397114541759 / 2, 10);
	});
	test('a point strictly beyond a limit is an outlier', () => {
		expect(funnelPosition(18.39, 10, 10_000)).toBe('within');
		expect(funnelPosition(18.4, 10, 10_000)).toBe('above-95');
		expect(funnelPosition(24.2, 10, 10_000)).toBe('above-99.8');
		expect(funnelPosition(4.7, 10, 10_000)).toBe('below-95');
		expect(funnelPosition(2.9, 10, 10_000)).toBe('below-99.8');
	});
	test('the centre is England’s count over its children; the curve is spaced in √population', () => {
		expect(centreRate(12_400, 12_183_016)).toBeCloseTo((12_400 / 12_183_016) * 10_000, 12);
		expect(centreRate(null, 100)).toBeNull();
		expect(funnelPopulations(100, 400, 2)).toEqual([100, 225, 400]);
		expect(funnelPopulations(0, 400, 2)).toEqual([]);
	});
});
