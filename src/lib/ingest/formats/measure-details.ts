/**
 * A measure's optional details, given once per measure in a measures file (long or wide form) and
 * kept in the measures table under the same name. Declared here once, they make the formats'
 * columns and help, the reading of each row, the check that a measure's rows agree, the merge with
 * what is loaded, the preview's diff and the measures table's columns (db/schema.ts). Adding one
 * is an entry here and a migration (db/migrations.ts) adding its column to measures and history_measures.
 */
import { parseThreshold, parseTravelRule, thresholdText } from '../../oba/measure-rag';
import { parseRollupRule, ROLLUP_RULES } from '../../oba/rollup-rules';
import { parseYearType } from '../../oba/year-type';
import type { ColumnSpec } from './specs';

export type DetailReading = { ok: true; value: string | null } | { ok: false; message: string };

export interface MeasureDetail {
	/** The file's column; its name is also the measures table's column (VARCHAR, NULL when not given). */
	column: ColumnSpec;
	/** In messages: "gives this measure the amber threshold …". */
	what: string;
	/** A non-blank cell as it is kept, or why it cannot be read. */
	read(text: string): DetailReading;
	/** How to mend a cell that cannot be read. */
	fix: string;
}

const threshold = (text: string): DetailReading => {
	const p = parseThreshold(text);
	return p.ok ? { ok: true, value: thresholdText(p.threshold) } : p;
};
const THRESHOLD_FIX = 'Write a shortfall from the target: a number in the measure’s unit (2) or a % of the target (10%), or leave it blank.';

export const MEASURE_DETAILS: readonly MeasureDetail[] = [
	// The RAG tolerance (oba/measure-rag.ts): shortfalls from the target; a tolerance set in the app wins over these.
	{
		column: { name: 'amber_threshold', aliases: ['amber tolerance', 'green tolerance', 'tolerance'], description: 'Short of target by up to this is still Green: 2 (in the measure’s unit) or 10% (of the target); blank, none.', example: '5%' },
		what: 'amber threshold', read: threshold, fix: THRESHOLD_FIX
	},
	{
		column: { name: 'red_threshold', aliases: ['red tolerance'], description: 'Short of target by more than this is Red, by less Amber: 5 or 20%; blank, any shortfall past amber is Red.', example: '15%' },
		what: 'red threshold', read: threshold, fix: THRESHOLD_FIX
	},
	{
		column: { name: 'travel_rule', aliases: ['direction of travel', 'travel'], description: 'none / improving is amber (a Red improving since the period before shows Amber) / travel decides (outside the amber threshold, Amber if improving, else Red).', example: 'none' },
		what: 'direction-of-travel rule',
		read: (text) => { const p = parseTravelRule(text); return p.ok ? { ok: true, value: p.travel } : p; },
		fix: 'Write none, improving is amber or travel decides, or leave it blank.'
	},
	// How months add up to quarters and years (oba/rollup-rules.ts); blank: the default for the unit.
	{
		column: { name: 'rollup', aliases: ['roll up', 'roll-up', 'rollup rule', 'roll-up rule', 'monthly roll-up', 'how months add up', 'aggregation'], description: `For monthly data, how months make a quarter and a year: ${ROLLUP_RULES.map((r) => `${r.id} (${r.description})`).join('; ')}. Blank: sum for counts and £, ratio for % and rates, mean for days.`, example: 'ratio' },
		what: 'roll-up rule',
		read: (text) => { const p = parseRollupRule(text); return p.ok ? { ok: true, value: p.rule } : p; },
		fix: 'Write sum, mean, latest (month end) or ratio (re-derived from numerator and denominator), or leave it blank.'
	},
	// Which years a bare "2017/18" means for the measure (oba/year-type.ts); blank: financial.
	{
		column: { name: 'year_type', aliases: ['year type', 'years', 'academic or financial'], description: 'financial (April to March) or academic (September to August, for school-based measures): how a year such as 2017/18 is read, and how months make years. Blank: financial.', example: 'financial' },
		what: 'kind of year',
		read: (text) => { const p = parseYearType(text); return p.ok ? { ok: true, value: p.yearType } : p; },
		fix: 'Write financial or academic, or leave it blank.'
	}
];

/** The measures table's columns for the details, for CREATE TABLE. */
export const MEASURE_DETAIL_COLUMNS_SQL = MEASURE_DETAILS.map((d) => `${d.column.name} VARCHAR`).join(',\n\t');

/** No detail given: the columns as typed NULLs, for a measures row that has none (a DfE indicator's). */
export const NO_MEASURE_DETAILS_SQL = MEASURE_DETAILS.map((d) => `CAST(NULL AS VARCHAR) AS ${d.column.name}`).join(', ');
