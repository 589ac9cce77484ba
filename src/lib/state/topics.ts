// What a view reads, in four topics: the data (everything files bring, and the import log), the
// locked forecasts, the notes, and the corrective actions on the exception report. A change says which tables it changed; a view asks again only
// when a topic it reads moved on, so a note does not redraw the report card.
export type Topic = 'data' | 'locks' | 'notes' | 'corrective';

export const ALL_TOPICS: readonly Topic[] = ['data', 'locks', 'notes', 'corrective'];

const TOPIC_OF_TABLE: Record<string, Topic> = { locked_forecasts: 'locks', notes: 'notes', corrective_actions: 'corrective' };

export function topicsOf(tables: readonly string[] | 'all'): Set<Topic> {
	return new Set(tables === 'all' ? ALL_TOPICS : tables.map((t) => TOPIC_OF_TABLE[t] ?? 'data'));
}
