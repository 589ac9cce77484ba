import type { Rag } from '../oba/rag';

/** Government Analysis Function palette, in its order for categorical series. */
export const SERIES_COLOURS = ['#12436D', '#28A197', '#801650', '#F46A25', '#3D3D3D', '#A285D1'] as const;

/**
 * Comparator areas (the region, England) beside the measure's own line (SERIES_COLOURS[0]); the
 * forecast and a locked forecast take SERIES_COLOURS[3] and [2]. Each is named on the chart too.
 */
export const COMPARATOR_COLOURS = [SERIES_COLOURS[1], SERIES_COLOURS[4], SERIES_COLOURS[5]] as const;

/** RAG fills and the text colour that reads on each at WCAG AA. */
export const RAG_COLOURS: Record<Rag | 'none', { fill: string; text: string }> = {
	R: { fill: '#d4351c', text: '#ffffff' },
	A: { fill: '#f0a30a', text: '#0b0c0c' },
	G: { fill: '#00703c', text: '#ffffff' },
	B: { fill: '#1d70b8', text: '#ffffff' },
	none: { fill: '#dddddd', text: '#0b0c0c' }
};

export const INK = '#0b0c0c';
export const MUTED = '#505a5f';
export const GRID = '#d8d8d8';

/**
 * SPC point classes as NHS England's "Making Data Count" colours them (improvement blue, concern
 * orange, neither purple, common cause grey), each with the text colour that reads on it. Never
 * alone: the chart adds a shape and a letter, the table and the badges the words.
 */
export const SPC_COLOURS = {
	common: { fill: '#a6a6a6', text: '#0b0c0c' },
	improvement: { fill: '#41B6E6', text: '#0b0c0c' },
	concern: { fill: '#ED8B00', text: '#0b0c0c' },
	neither: { fill: '#490092', text: '#ffffff' }
} as const;
