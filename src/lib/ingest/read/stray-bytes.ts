/**
 * A UTF-8 file with a few bytes that are not UTF-8: typically one cell pasted from a
 * Windows-1252 file (é as the byte 0xE9, an en dash as 0x96). Read wholly as Windows-1252,
 * every UTF-8 character of the other rows would turn to mojibake ("CafÃ©", "â€“"); so the file
 * is read as UTF-8 when the evidence says so, and only the stray bytes as Windows-1252.
 */

/** A byte that is not part of any UTF-8 character, and what it was read as. */
export interface StrayByte {
	/** Position in the file's bytes, counting from 0 (a hex editor's offset). */
	offset: number;
	byte: number;
	/** The Windows-1252 character it was read as. */
	char: string;
	/** Position of that character in the decoded text. */
	at: number;
}

/** The evidence for each reading: whole UTF-8 characters of two bytes or more, and bytes that are none. */
export interface Utf8Evidence {
	multiByte: number;
	invalid: number;
}

/** Length of the valid UTF-8 sequence at `i` (1 for ASCII), or 0 when the byte there starts none. */
function sequenceAt(bytes: Uint8Array, i: number): number {
	const b = bytes[i]!;
	if (b < 0x80) return 1;
	const cont = (k: number) => i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
	if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
	if (b >= 0xe0 && b <= 0xef) {
		const b1 = bytes[i + 1] ?? 0;
		// No overlong forms (E0 80–9F) and no surrogates (ED A0–BF), as TextDecoder refuses them.
		if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f)) return 0;
		return cont(1) && cont(2) ? 3 : 0;
	}
	if (b >= 0xf0 && b <= 0xf4) {
		const b1 = bytes[i + 1] ?? 0;
		if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return 0;
		return cont(1) && cont(2) && cont(3) ? 4 : 0;
	}
	return 0;
}

/** Counts the evidence in one pass over the bytes. */
export function utf8Evidence(bytes: Uint8Array): Utf8Evidence {
	let multiByte = 0;
	let invalid = 0;
	for (let i = 0; i < bytes.length; ) {
		if (bytes[i]! < 0x80) {
			i++;
			continue;
		}
		const n = sequenceAt(bytes, i);
		if (n === 0) {
			invalid++;
			i++;
		} else {
			multiByte++;
			i += n;
		}
	}
	return { multiByte, invalid };
}

/**
 * UTF-8, not Windows-1252, when at least as many whole UTF-8 characters of two bytes or more as
 * stray bytes are found. A real Windows-1252 file has none: its accented letters and £ signs are
 * single bytes, and two of them rarely make a valid UTF-8 pair ("Ã©" would have to be written).
 */
export function mostlyUtf8(e: Utf8Evidence): boolean {
	return e.multiByte > 0 && e.multiByte >= e.invalid;
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F, as the WHATWG Encoding standard maps them
 * (the five bytes it leaves undefined map to themselves). Browsers' TextDecoder does this; Node's
 * (the command-line validator, the tests) reads the bytes as Latin-1 control characters.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Windows-1252 text of the bytes, the same under Node as in a browser. */
export function decodeWindows1252(bytes: Uint8Array): string {
	return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}

const utf8 = new TextDecoder('utf-8');

/** Decodes UTF-8 text, reading each byte that is not UTF-8 as its Windows-1252 character. */
export function decodeMixed(bytes: Uint8Array, base = 0): { text: string; strays: StrayByte[] } {
	const parts: string[] = [];
	const strays: StrayByte[] = [];
	let length = 0;
	let runStart = 0;
	const flush = (end: number) => {
		if (end > runStart) {
			const part = utf8.decode(bytes.subarray(runStart, end));
			parts.push(part);
			length += part.length;
		}
	};
	for (let i = 0; i < bytes.length; ) {
		const n = bytes[i]! < 0x80 ? 1 : sequenceAt(bytes, i);
		if (n > 0) {
			i += n;
			continue;
		}
		flush(i);
		const char = decodeWindows1252(bytes.subarray(i, i + 1));
		strays.push({ offset: base + i, byte: bytes[i]!, char, at: length });
		parts.push(char);
		length += char.length;
		i++;
		runStart = i;
	}
	flush(bytes.length);
	return { text: parts.join(''), strays };
}

/** "0xE9" */
export const hexByte = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
