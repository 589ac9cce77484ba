// Which years a measure reports in: financial (April–March, local government's) or academic
// (September–August, schools'). A bare "2017/18" means either, so the measure must say.
import { foldSpelling, listOfSpellings, spellingTable } from './spellings';
import type { YearType } from './quarters';

export type YearTypeParse = { ok: true; yearType: YearType } | { ok: false; message: string };

const TABLE = spellingTable<YearType>({
	financial: ['financial', 'financial year', 'financial years', 'fy', 'fiscal', 'fiscal year', 'april to march', 'apr-mar', 'apr to mar'],
	academic: ['academic', 'academic year', 'academic years', 'ay', 'school year', 'school years', 'september to august', 'sep-aug', 'sep to aug']
});

/** Never throws; unknown spellings get a message listing accepted ones. */
export function parseYearType(text: string): YearTypeParse {
	const yearType = TABLE.get(foldSpelling(text));
	if (yearType) return { ok: true, yearType };
	return { ok: false, message: `"${String(text ?? '').trim()}" is not a kind of year; expected ${listOfSpellings(['financial', 'academic'])}` };
}
