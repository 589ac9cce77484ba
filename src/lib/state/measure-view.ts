// Everything a measure page draws, from its data and the choice in the URL: the figure (as
// published or per 10,000 children), the baseline, the locked forecast if any, the comparators,
// the verdict and the notes. Pure, so the page only lays it out.
import type { LockKey } from '../db/queries/locks';
import type { LockedForecast } from '../oba/baseline';
import { financialYearLabel, formatReviewDate } from '../oba/periods';
import { canShowRate, type Figure } from '../oba/rates';
import type { SeriesPoint } from '../oba/series-point';
import { turnTheCurve, type Verdict } from '../oba/verdict';
import { areaSeries } from './comparators';
import { shownAreas } from './home-area';
import type { MeasureData } from './measure';
import type { MeasureChoice } from './measure-url';
import { baselineFor } from './report-card';
import { storyNotes, type StoryNote } from './story';
import { turnTheCurveView, type TurnTheCurveView } from './turn-the-curve';
import { seriesSpc, type SeriesSpc } from '../oba/spc-series';
import { xmrView, type XmrView } from './xmr-view';

export interface MeasureView {
	/** Whether the count / rate per 10,000 switch is offered, and which figure is shown. */
	rateOffered: boolean;
	figure: Figure;
	unit: string;
	points: SeriesPoint[];
	homeName: string;
	from: SeriesPoint['period'] | null;
	to: SeriesPoint['period'] | null;
	lockKey: LockKey;
	locked: LockedForecast | null;
	view: TurnTheCurveView;
	verdict: Verdict;
	reviews: { date: Date; label: string; mix: { rag: MeasureData['reviewMix'][number]['rag']; items: number }[] }[];
	notes: StoryNote[];
	periods: string[];
	/** The XmR chart: its variation and assurance, and what it draws (null: too few values). */
	spc: SeriesSpc;
	xmr: XmrView | null;
}

const iso = (d: Date) => new Date(d).toISOString().slice(0, 10);

export function measureView(data: MeasureData, choice: MeasureChoice): MeasureView {
	const measure = data.measure;
	const rateOffered = measure !== null && canShowRate(measure, data.areas.map((r) => r.population));
	const figure: Figure = rateOffered && choice.figure === 'rate' ? 'rate' : 'count';
	const homeCode = data.home?.code ?? '';
	// Lines for the home area, its region and England (and an area of the user's own); every other
	// authority, once all are loaded, is compared through the neighbours and the funnel plot instead.
	const shown = shownAreas(homeCode || null);
	const series = areaSeries(data.areas.filter((a) => shown(a.area_code)), homeCode, figure);
	const home = series.find((s) => s.code === homeCode);
	// As published, the home series is the one the report card reads (targets and all).
	const points = figure === 'rate' ? (home?.points ?? []) : data.points;
	const unit = figure === 'rate' ? 'rate10k' : (measure?.unit ?? 'count');

	const reviewDates = [...new Set(data.reviewMix.map((r) => iso(r.review)))].sort();
	const defaults = baselineFor(points, reviewDates[0] ? new Date(reviewDates[0]) : null);
	const from = choice.from ?? defaults.from ?? null;
	const to = choice.to ?? defaults.to ?? null;

	const lockKey = { measureId: measure?.measure_id ?? '', areaCode: homeCode, per10000: figure === 'rate' };
	const locked = data.locks.find((l) => l.areaCode === lockKey.areaCode && l.per10000 === lockKey.per10000)?.locked ?? null;
	const comparators = series.filter((s) => s.code !== homeCode);
	const view = turnTheCurveView(points, unit, { method: choice.method, from, to }, { locked, comparators });
	// A locked forecast judges the later actuals; without one, the forecast of the chosen baseline does.
	const verdict = turnTheCurve(points, locked ?? view.forecast, measure?.polarity ?? null);
	const spc = seriesSpc(points, measure?.polarity ?? null, { firstReview: reviewDates[0] ?? null, through: choice.spcTo });

	return {
		rateOffered,
		figure,
		unit,
		points,
		homeName: home?.name ?? data.home?.name ?? 'The partnership’s area',
		from,
		to,
		lockKey,
		locked,
		view,
		verdict,
		reviews: reviewDates.map((date) => ({
			date: new Date(date),
			label: formatReviewDate(date),
			mix: data.reviewMix.filter((r) => iso(r.review) === date).map((r) => ({ rag: r.rag, items: r.items }))
		})),
		// The data's notes and the user's, numbered the same on the chart and in the story below it.
		notes: storyNotes(data.values, data.notes),
		periods: points.map((p) => financialYearLabel(p.period)),
		spc,
		xmr: xmrView(points, spc, unit)
	};
}
