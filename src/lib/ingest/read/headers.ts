/** Header matching, as DOMAIN.md §4 says: by name, any case, ignoring spaces, '_' and '-'. */
export function headerKey(header: string): string {
	return header.toLowerCase().replace(/[\s_\-]+/g, '');
}

/**
 * Splits one CSV record (the header line) into cells, honouring quotes. It copies slices, not
 * characters one by one: a record may be a whole file whose line breaks were lost (50 MB).
 */
export function splitRecord(line: string, delimiter: string): string[] {
	const cells: string[] = [];
	let parts: string[] = [];
	let from = 0;
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch !== '"') continue;
			if (line[i + 1] === '"') {
				parts.push(line.slice(from, i + 1)); // "" is one quote
				i++;
			} else {
				parts.push(line.slice(from, i));
				quoted = false;
			}
			from = i + 1;
		} else if (ch === '"') {
			parts.push(line.slice(from, i));
			quoted = true;
			from = i + 1;
		} else if (ch === delimiter) {
			parts.push(line.slice(from, i));
			cells.push(parts.join(''));
			parts = [];
			from = i + 1;
		}
	}
	parts.push(line.slice(from));
	cells.push(parts.join(''));
	return cells.map((c) => c.trim());
}
