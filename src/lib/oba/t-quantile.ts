// The Student t quantile for an 80% two-sided interval (the 90th percentile),
// which the least-squares baseline needs for its prediction band. A short
// baseline has few degrees of freedom, where t is far wider than the normal
// 1.2816: with 4 quarters (2 degrees of freedom) it is 1.8856.

/**
 * t(0.90, df) for df = 1..30, to 6 decimals, as printed in statistical tables
 * (checked against scipy.stats.t.ppf(0.9, df)).
 */
const T90: readonly number[] = [
	3.077684, 1.885618, 1.637744, 1.533206, 1.475884, 1.439756, 1.414924, 1.396815, 1.383029, 1.372184,
	1.36343, 1.356217, 1.350171, 1.34503, 1.340606, 1.336757, 1.333379, 1.330391, 1.327728, 1.325341,
	1.323188, 1.321237, 1.31946, 1.317836, 1.316345, 1.314972, 1.313703, 1.312527, 1.311434, 1.310415
];

/** The normal 90th percentile: t's limit as the degrees of freedom grow. */
export const Z90 = 1.2815515655446004;

/**
 * t(0.90, df). Above 30 degrees of freedom (7½ years of quarters) the
 * Cornish–Fisher expansion of t about the normal quantile, to the 1/df³
 * term, is within 1e-7 of the exact value. Fractional df are rounded down
 * (a wider band, never a narrower one); below 1 there is no interval (null).
 */
export function tQuantile90(df: number): number | null {
	if (!Number.isFinite(df) && df !== Infinity) return null;
	const d = Math.floor(df);
	if (d < 1) return null;
	if (d <= T90.length) return T90[d - 1] ?? null;
	if (d === Infinity) return Z90;
	const z = Z90;
	const z3 = z ** 3;
	const z5 = z ** 5;
	const z7 = z ** 7;
	return (
		z +
		(z3 + z) / (4 * d) +
		(5 * z5 + 16 * z3 + 3 * z) / (96 * d ** 2) +
		(3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * d ** 3)
	);
}
