// How a value is written for people: the same on screen, in tables and in exports.
import type { Unit } from './units';

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export function formatValue(value: number | null, unit: Unit | string): string {
	if (value === null || !Number.isFinite(value)) return '';
	switch (unit) {
		case 'percent':
			return `${oneDecimal.format(value)}%`;
		case 'gbp':
			return `£${whole.format(value)}`;
		case 'days':
			return `${oneDecimal.format(value)} days`;
		case 'rate10k':
			return oneDecimal.format(value);
		default:
			return Number.isInteger(value) ? whole.format(value) : oneDecimal.format(value);
	}
}

/** A value as a table cell shows it: the number, or the missing-value marker as written. */
export function formatCell(value: number | null, marker: string | null, unit: Unit | string): string {
	if (value === null) return marker ?? '';
	return formatValue(value, unit);
}

/** A change in a measure's unit, signed: percentage points for a %, so that 80% → 90% reads "+10 pts". */
export function formatChange(change: number | null, unit: Unit | string): string {
	if (change === null || !Number.isFinite(change)) return '';
	const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
	const size = Math.abs(change);
	return unit === 'percent' ? `${sign}${oneDecimal.format(size)} pts` : `${sign}${formatValue(size, unit)}`;
}

/** A % change, signed, one decimal place. */
export function formatPercentChange(pct: number | null): string {
	if (pct === null || !Number.isFinite(pct)) return '';
	return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${oneDecimal.format(Math.abs(pct))}%`;
}
