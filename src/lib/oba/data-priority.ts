// The data development agenda (OBA): measures wanted but not yet available, each with an owner
// and a priority. The priority here is how much the partnership needs the data, not one of the
// plan's priorities: High, Medium or Low, as agendas in board papers rank them.
import { foldSpelling, listOfSpellings, spellingTable } from './spellings';

export type DataPriority = 'high' | 'medium' | 'low';

export type DataPriorityParse = { ok: true; dataPriority: DataPriority } | { ok: false; message: string };

/** In the order an agenda lists them: the most needed first. */
export const DATA_PRIORITIES: readonly { id: DataPriority; label: string }[] = [
	{ id: 'high', label: 'High' },
	{ id: 'medium', label: 'Medium' },
	{ id: 'low', label: 'Low' }
];

const TABLE = spellingTable<DataPriority>({
	high: ['high', 'h', 'high priority', '1'],
	medium: ['medium', 'med', 'm', 'medium priority', 'normal', '2'],
	low: ['low', 'l', 'low priority', '3']
});

export function dataPriorityLabel(p: DataPriority): string {
	return DATA_PRIORITIES.find((x) => x.id === p)?.label ?? p;
}

/** Never throws; anything else gets a message listing what is accepted. */
export function parseDataPriority(text: string): DataPriorityParse {
	const dataPriority = TABLE.get(foldSpelling(text));
	if (dataPriority) return { ok: true, dataPriority };
	const written = String(text ?? '').trim();
	const expected = `expected ${listOfSpellings(['High', 'Medium', 'Low'])} (or H, M, L; 1 is high, 3 low)`;
	return { ok: false, message: written === '' ? `the data priority is blank; ${expected}` : `"${written}" is not a data priority; ${expected}` };
}
