// The gamma and chi-square distributions, for exact Poisson limits (funnel plots): the regularised
// lower incomplete gamma function P(a, x) and its inverse in x. Plain TypeScript: no statistics
// package is needed for two functions, and the app adds no dependency for them.
//
// The Poisson and gamma distributions are tied by P(X ≥ k | mean m) = P(k, m) for X ~ Poisson(m):
// so the chi-square quantile χ²(p; 2a) = 2 × gammaQuantile(p, a) gives exact Poisson limits.

/** ln Γ(a), a > 0: Lanczos' approximation (g = 7, 9 terms; relative error below 1e-15), with reflection below ½. */
export function lnGamma(a: number): number {
	if (a < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - lnGamma(1 - a);
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
		12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
	];
	const x = a - 1;
	let sum = c[0]!;
	for (let i = 1; i < c.length; i++) sum += c[i]! / (x + i);
	const t = x + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPS = 1e-16;
const TINY = 1e-300;

/**
 * The regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), a > 0, x ≥ 0: its power
 * series below x = a + 1, Lentz's continued fraction for Q = 1 − P above (each converges fast there).
 */
export function gammaP(a: number, x: number): number {
	if (!(a > 0) || !(x >= 0)) throw new RangeError(`gammaP(${a}, ${x})`);
	if (x === 0) return 0;
	if (x === Infinity) return 1;
	const front = Math.exp(-x + a * Math.log(x) - lnGamma(a));
	if (x < a + 1) {
		let term = 1 / a;
		let sum = term;
		for (let n = 1; n < 10_000; n++) {
			term *= x / (a + n);
			sum += term;
			if (Math.abs(term) < Math.abs(sum) * EPS) break;
		}
		return Math.min(1, sum * front);
	}
	let b = x + 1 - a;
	let c = 1 / TINY;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < 10_000; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < TINY) d = TINY;
		c = b + an / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		const step = d * c;
		h *= step;
		if (Math.abs(step - 1) < EPS) break;
	}
	return Math.max(0, 1 - front * h);
}

/**
 * The x with P(a, x) = p (0 < p < 1): the p-quantile of a gamma distribution of shape a and scale 1.
 * Bisection on a bracket grown from a + 1 (P is increasing in x), to 1e-14 of x: slow beside
 * Newton's method but certain, and a funnel needs only a few hundred quantiles.
 */
export function gammaQuantile(p: number, a: number): number {
	if (!(p > 0 && p < 1)) throw new RangeError(`gammaQuantile(${p}, ${a}): p must be between 0 and 1`);
	if (!(a > 0)) throw new RangeError(`gammaQuantile(${p}, ${a}): the shape must be positive`);
	let lo = 0;
	let hi = a + 1;
	while (gammaP(a, hi) < p) {
		lo = hi;
		hi *= 2;
	}
	for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
		const mid = (lo + hi) / 2;
		if (gammaP(a, mid) < p) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

/** The p-quantile of the chi-square distribution with df degrees of freedom: 2 × gammaQuantile(p, df / 2). */
export function chiSquareQuantile(p: number, df: number): number {
	return 2 * gammaQuantile(p, df / 2);
}
