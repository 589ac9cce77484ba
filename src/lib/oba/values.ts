// Reads one value cell as analysts type it in Excel: "1,234", " 7 ", "45%",
// "£1,200", "12 [u]", or a missing-value marker. A marker is a typed gap,
// never a zero; anything else that is not a clean number is reported, not guessed.
import { parseMarker, type MissingMarker, type MissingMeaning } from './missing';
import { splitValueFlag, type ValueFlag } from './value-flags';

export type ValueParse =
	| { kind: 'number'; value: number; percent: boolean; pounds?: true; flag?: ValueFlag }
	| { kind: 'missing'; marker: string; meaning: MissingMeaning; canonical: MissingMarker }
	| { kind: 'empty' }
	| { kind: 'invalid'; message: string };

export const VALUE_EXPECTED =
	'expected a number such as 1,234, 45% or 7, a missing-value marker such as [c] (suppressed) or [x] (not available), or a blank';

const invalid = (message: string): ValueParse => ({ kind: 'invalid', message });

// Sign and £ in either order, digits with optional thousands commas, decimals, exponent.
const NUMBER = /^([+-]?)(£?)([+-]?)(\d[\d,]*(?:\.\d+)?|\.\d+)(?:e([+-]?\d+))?$/i;
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;

function readNumber(text: string, written: string): ValueParse {
	let t = text.replace(/\u2212/g, '-');
	const percent = /\s*%$/.test(t);
	if (percent) t = t.replace(/\s*%$/, '');
	t = t.replace(/^([+-]?)\s*(£?)\s*([+-]?)\s*/, '$1$2$3');

	if (/^\(\s*£?[\d,.]+\s*\)$/.test(t)) {
		return invalid(`"${written}": write a negative number with a minus sign, such as -1,200, not in brackets`);
	}
	const m = NUMBER.exec(t);
	if (!m || (m[1] && m[3])) {
		if (/^[+-]?£?[+-]?[\d,]*\.\d*\.[\d.]*$/.test(t)) {
			return invalid(`"${written}" has more than one decimal point; ${VALUE_EXPECTED}`);
		}
		return invalid(`"${written}" is not a number; ${VALUE_EXPECTED}`);
	}
	const [, signBefore = '', pound = '', signAfter = '', digits = '', exponent] = m;
	const whole = digits.split('.')[0] ?? '';
	if (whole.includes(',') && !GROUPED.test(whole)) {
		return invalid(
			`"${written}": commas may only separate thousands, as in 1,234; write decimals with a point, as in 1.23`
		);
	}
	if (pound && percent) return invalid(`"${written}" has both £ and %; a value is either money or a percentage`);
	const value = Number(`${signBefore}${signAfter}${digits.replace(/,/g, '')}${exponent ? `e${exponent}` : ''}`);
	if (!Number.isFinite(value)) return invalid(`"${written}" is too large to be a number`);
	// A number is kept as a double: say so rather than store a different number.
	if (value === 0 && /[1-9]/.test(digits)) {
		return invalid(`"${written}" is too close to zero to be kept (the smallest is about 5e-324): it would be stored as 0; write 0 if it is zero`);
	}
	const integer = digits.replace(/,/g, '').split('.')[0] ?? '';
	if (!exponent && integer.length > 15 && BigInt(integer) !== BigInt(Math.trunc(Math.abs(value)))) {
		return invalid(`"${written}" has more digits than can be kept exactly (whole numbers up to 9,007,199,254,740,991 are): it would be stored as ${Math.abs(value).toLocaleString('en-GB', { maximumFractionDigits: 0 })}`);
	}
	const result: ValueParse = { kind: 'number', value: value === 0 ? 0 : value, percent };
	if (pound) result.pounds = true;
	return result;
}

/** Never throws. "45%" gives value 45 with percent true: the % is kept as a flag, not divided out. */
export function parseValue(text: string): ValueParse {
	const written = String(text ?? '').trim();
	if (written === '') return { kind: 'empty' };
	const marker = parseMarker(written);
	if (marker) return { kind: 'missing', ...marker };
	const { rest, flag } = splitValueFlag(written);
	const parsed = readNumber(rest.trim(), written);
	if (parsed.kind === 'number' && flag) parsed.flag = flag;
	return parsed;
}

/**
 * A count (a numerator, a denominator, people trained): like parseValue, but
 * only whole numbers of zero or more, with no % or £.
 */
export function parseCount(text: string): ValueParse {
	const parsed = parseValue(text);
	if (parsed.kind !== 'number') return parsed;
	if (parsed.percent || parsed.pounds || !Number.isInteger(parsed.value) || parsed.value < 0) {
		return invalid(`"${String(text).trim()}": a count must be a whole number of 0 or more, such as 0, 7 or 1,234`);
	}
	return parsed;
}
