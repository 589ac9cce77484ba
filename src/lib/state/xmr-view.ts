// What the measure page's XmR chart draws and tabulates, from the series and its SPC: the
// points with their class, the table (exactly the numbers drawn, the class and rule in words)
// and the text alternative. Pure.
import type { XmrPoint } from '../charts/xmr';
import { formatCell, formatValue } from '../oba/format';
import { financialYearLabel, type Period } from '../oba/quarters';
import type { SeriesPoint } from '../oba/series-point';
import type { PointClass, SpcPoint } from '../oba/spc';
import type { SeriesSpc } from '../oba/spc-series';

export const CLASS_LABELS: Record<PointClass, string> = {
	common: 'Common cause',
	improvement: 'Special cause improvement',
	concern: 'Special cause concern',
	neither: 'Special cause – neither'
};

/** The rule a special-cause point is part of, in words. */
export function causeText(p: SpcPoint): string | null {
	const high = p.side === 1;
	switch (p.cause) {
		case 'beyond-limit':
			return high ? 'Above the upper process limit' : 'Below the lower process limit';
		case 'trend':
			return `Trend: 7 points ${high ? 'rising' : 'falling'}`;
		case 'two-of-three':
			return `2 of 3 points beyond 2 sigma, ${high ? 'above' : 'below'} the mean`;
		case 'shift':
			return `Shift: 7 points ${high ? 'above' : 'below'} the mean`;
		default:
			return null;
	}
}

export const XMR_COLUMNS = [
	{ key: 'period', label: 'Period' },
	{ key: 'value', label: 'Value', numeric: true },
	{ key: 'mean', label: 'Mean', numeric: true },
	{ key: 'lower', label: 'Lower process limit', numeric: true },
	{ key: 'upper', label: 'Upper process limit', numeric: true },
	{ key: 'class', label: 'Variation' },
	{ key: 'rule', label: 'Special-cause rule' },
	{ key: 'baseline', label: 'In the baseline' }
];

export interface XmrView {
	points: XmrPoint[];
	baselineEnd: Date | null;
	columns: { key: string; label: string; numeric?: boolean }[];
	table: Record<string, string>[];
	summary: string;
	/** Periods a baseline may end at: each with at least two values up to it. */
	ends: { label: string; points: number }[];
}

const at = (p: Period) => new Date(p.start);

export function xmrView(series: readonly SeriesPoint[], spc: SeriesSpc, unit: string): XmrView | null {
	const result = spc.result;
	if (!result.ok) return null;
	const byIndex = new Map(result.points.map((p) => [p.index, p]));
	const { mean, lower, upper } = result.limits;
	const withTarget = spc.target !== null;
	const points = series.map((s, i): XmrPoint => {
		const p = byIndex.get(i);
		return { x: at(s.period), y: p ? p.value : null, label: financialYearLabel(s.period), marker: s.marker ?? null, class: p?.class ?? null, why: p ? causeText(p) : null };
	});
	const table = series.map((s, i) => {
		const p = byIndex.get(i);
		return {
			period: financialYearLabel(s.period),
			value: formatCell(p ? p.value : null, s.marker ?? null, unit),
			mean: formatValue(mean, unit),
			lower: formatValue(lower, unit),
			upper: formatValue(upper, unit),
			class: p ? CLASS_LABELS[p.class] : 'No value',
			rule: p ? (causeText(p) ?? '') : '',
			baseline: i <= result.baseline.through ? 'Yes' : 'No',
			...(withTarget ? { target: formatValue(spc.target, unit) } : {})
		};
	});
	const special = result.points.filter((p) => p.class !== 'common').length;
	let counted = 0;
	const ends = series.flatMap((s) => {
		if (s.value !== null) counted++;
		return counted >= 2 ? [{ label: financialYearLabel(s.period), points: counted }] : [];
	});
	return {
		points,
		baselineEnd: result.baseline.through < series.length - 1 ? at(series[result.baseline.through]!.period) : null,
		columns: withTarget ? [...XMR_COLUMNS, { key: 'target', label: 'Latest target', numeric: true }] : XMR_COLUMNS,
		table,
		summary:
			`${spc.variationText}. ${spc.assuranceText}. ${spc.baselineText}: mean ${formatValue(mean, unit)}, ` +
			`process limits ${formatValue(lower, unit)} to ${formatValue(upper, unit)}. ` +
			`${special} of ${result.points.length} points ${special === 1 ? 'is' : 'are'} special cause.`,
		ends
	};
}
