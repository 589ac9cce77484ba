// A measure's RAG from its series, read as the report card reads it: the latest reported period
// (the last with a value or a marker), that period's target, and the period before for the
// direction of travel. One reading, so the card, the measure page and the exception report agree.
import { rateMeasure, type MeasureRating, type Tolerance } from './measure-rag';
import { latestReportedIndex, pointAt, stepsAfter, valueOf, type MeasurePolarity, type SeriesPoint, type TargetRange } from './series-point';

export type SeriesRating = MeasureRating & {
	/** The period rated, as its label would be written ('2016/17 Q3'); null when the series has none. */
	period: SeriesPoint['period'] | null;
};

export function rateSeries(
	points: readonly SeriesPoint[],
	polarity: MeasurePolarity,
	tolerance: Tolerance,
	range: TargetRange | null = null
): SeriesRating {
	const latest = points[latestReportedIndex(points)];
	if (!latest) {
		return { ...rateMeasure({ value: null, target: null, polarity, range, tolerance }), period: null };
	}
	const t = latest.target;
	const target = typeof t === 'number' && Number.isFinite(t) ? t : null;
	const previous = valueOf(pointAt(points, stepsAfter(latest.period, -1)));
	return { ...rateMeasure({ value: valueOf(latest), target, polarity, range, tolerance, previous }), period: latest.period };
}
