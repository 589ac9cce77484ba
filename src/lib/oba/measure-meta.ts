// The metadata cells of a measure row (quadrant, polarity, unit), in one import.
export type { Quadrant, QuadrantParse } from './quadrants';
export { QUADRANTS, parseQuadrant, quadrantLabel } from './quadrants';
export type { Polarity, PolarityParse } from './polarity';
export { POLARITIES, parsePolarity, polarityLabel } from './polarity';
export type { Unit, UnitParse } from './units';
export { UNITS, parseUnit, unitLabel } from './units';
