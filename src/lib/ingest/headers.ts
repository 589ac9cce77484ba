/** Header matching, as DOMAIN.md §4 says: by name, any case, ignoring spaces, '_' and '-'. */
export function headerKey(header: string): string {
	return header.toLowerCase().replace(/[\s_\-]+/g, '');
}

/** Splits one CSV record (the header line) into cells, honouring quotes. */
export function splitRecord(line: string, delimiter: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i]!;
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === delimiter) {
			cells.push(cell);
			cell = '';
		} else cell += ch;
	}
	cells.push(cell);
	return cells.map((c) => c.trim());
}
