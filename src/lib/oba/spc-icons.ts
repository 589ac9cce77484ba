// The two "Making Data Count" icons of an XmR chart, in words: variation (what the latest point
// says) and assurance (whether the process, as it runs, will meet its target). As
// NHSRplotthedots's ptd_get_icons and ptd_calculate_assurance_type decide them.
import type { Direction, Spc } from './spc';

export type Variation = 'common' | 'improvement-high' | 'improvement-low' | 'concern-high' | 'concern-low' | 'neither-high' | 'neither-low';
export type Assurance = 'pass' | 'fail' | 'inconsistent' | 'none';

export const VARIATION_LABELS: Record<Variation, string> = {
	common: 'Common cause variation',
	'improvement-high': 'Special cause improvement (high)',
	'improvement-low': 'Special cause improvement (low)',
	'concern-high': 'Special cause concern (high)',
	'concern-low': 'Special cause concern (low)',
	'neither-high': 'Special cause – neither (high)',
	'neither-low': 'Special cause – neither (low)'
};

export const ASSURANCE_LABELS: Record<Assurance, string> = {
	pass: 'Consistently passes the target',
	fail: 'Consistently fails the target',
	inconsistent: 'Hit and miss: the target lies within the process limits',
	none: 'No assurance'
};

/** The variation icon: the class of the latest point, with the side it is on. */
export function variationOf(result: Spc): Variation | null {
	if (!result.ok) return null;
	const latest = result.points.at(-1);
	if (!latest || latest.class === 'common') return 'common';
	return `${latest.class}-${latest.side === 1 ? 'high' : 'low'}`;
}

/**
 * The assurance icon: a target beyond a process limit is passed (or failed) every time while
 * the process runs as it does; within them it is hit or missed by chance. Without a target, or
 * a direction to pass it in, there is none.
 */
export function assuranceOf(result: Spc, target: number | null): Assurance {
	if (!result.ok || target === null || !Number.isFinite(target) || result.direction === 'neutral') return 'none';
	const up = result.direction === 'increase';
	if (target > result.limits.upper) return up ? 'fail' : 'pass';
	if (target < result.limits.lower) return up ? 'pass' : 'fail';
	return 'inconsistent';
}

/** Why there is no assurance, in words: no target, or no direction in which to meet one. */
export function assuranceText(assurance: Assurance, direction: Direction | null, target: number | null): string {
	if (assurance !== 'none') return ASSURANCE_LABELS[assurance];
	if (direction === 'neutral') return 'No assurance: no direction in which to meet a target';
	return target === null ? 'No assurance: no target' : ASSURANCE_LABELS.none;
}
