// A measure's series through the XmR chart: which periods fix the limits, the target the
// assurance is judged against, and the icons in words. One function, so that the measure page
// and the report card say the same thing.
import { financialYearLabel, samePeriod, type Period } from './quarters';
import { latestReportedIndex, type MeasurePolarity, type SeriesPoint } from './series-point';
import { MIN_BASELINE, spc, type Spc } from './spc';
import { ASSURANCE_LABELS, VARIATION_LABELS, assuranceOf, assuranceText, variationOf, type Assurance, type Variation } from './spc-icons';

export interface SeriesSpc {
	result: Spc;
	variation: Variation | null;
	assurance: Assurance;
	/** The latest reported period's target, which the assurance is judged against. */
	target: number | null;
	variationText: string;
	assuranceText: string;
	/** Which points fix the limits, in words. */
	baselineText: string;
}

export interface SeriesSpcOptions {
	/** The plan's first review (an ISO date): by default the limits are fixed up to the period it falls in. */
	firstReview?: string | null;
	/** A chosen last period of the baseline, which wins. */
	through?: Period | null;
}

function baselineText(result: Spc, points: readonly SeriesPoint[], hadReview: boolean): string {
	if (!result.ok) return result.reason;
	const { rule, points: n, through } = result.baseline;
	const end = points[through] ? financialYearLabel(points[through].period) : '';
	const why = hadReview ? `fewer than ${MIN_BASELINE} points up to the plan’s first review` : 'no plan review to fix them at';
	const text = {
		chosen: `Limits from the ${n} points up to ${end}`,
		'first-review': `Limits from the ${n} points up to the plan’s first review (${end})`,
		'first-20': `Limits from the first ${n} points (${why})`,
		all: `Limits from all ${n} points (${why})`
	}[rule];
	return n < MIN_BASELINE ? `${text}; fewer than ${MIN_BASELINE} points: trial limits` : text;
}

export function seriesSpc(points: readonly SeriesPoint[], polarity: MeasurePolarity, options: SeriesSpcOptions = {}): SeriesSpc {
	const review = options.firstReview ?? null;
	// A period that had begun by the review is "up to" it: the quarter (or year) it falls in counts.
	const firstReview = review ? points.findLastIndex((p) => p.period.start <= review) : -1;
	const chosen = options.through ? points.findIndex((p) => samePeriod(p.period, options.through!)) : -1;
	const result = spc(
		points.map((p) => p.value),
		{ polarity, firstReview: firstReview >= 0 ? firstReview : null, through: chosen >= 0 ? chosen : null }
	);
	const latest = points[latestReportedIndex(points)];
	const t = latest?.target;
	const target = typeof t === 'number' && Number.isFinite(t) ? t : null;
	const variation = variationOf(result);
	const assurance = assuranceOf(result, target);
	return {
		result,
		variation,
		assurance,
		target,
		variationText: variation ? VARIATION_LABELS[variation] : 'No variation: too few values',
		assuranceText: result.ok ? assuranceText(assurance, result.direction, target) : ASSURANCE_LABELS.none,
		baselineText: baselineText(result, points, firstReview >= 0)
	};
}
