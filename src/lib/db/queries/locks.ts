// Locked forecasts: read, written and removed one at a time from the measure page, and replaced
// all at once when the app starts (from what this browser kept) or a workspace file is opened.
import type { Database, Session } from '../database';
import { num, str } from '../sql';
import { readLockedForecast, type LockedForecast } from '../../oba/baseline';
import { financialYearLabel, periodOfLabel } from '../../oba/periods';

/** Which forecast: one per measure, area and figure (as published, or per 10,000 children). */
export interface LockKey {
	measureId: string;
	areaCode: string;
	per10000: boolean;
}

export interface KeptLock extends LockKey {
	locked: LockedForecast;
}

interface LockRow {
	measure_id: string;
	area_code: string;
	per_10000: boolean;
	method: string;
	window_from: string;
	window_to: string;
	locked_on: string;
	used: number;
	intercept: number;
	slope: number;
	band: string;
	band_t: number | null;
	band_df: number | null;
	band_residual_se: number | null;
	band_n: number | null;
	band_mean_x: number | null;
	band_sxx: number | null;
	band_below: number | null;
	band_above: number | null;
}

const COLUMNS = `measure_id, area_code, per_10000, method, window_from, window_to, CAST(locked_on AS VARCHAR) AS locked_on, used,
	intercept, slope, band, band_t, band_df, band_residual_se, band_n, band_mean_x, band_sxx, band_below, band_above`;

/** A row back to the forecast it locked; null (left out) if it is not one, e.g. hand-edited. */
function fromRow(row: LockRow): KeptLock | null {
	const band =
		row.band === 'prediction interval'
			? { kind: row.band, level: 0.8, t: row.band_t, df: row.band_df, residualSE: row.band_residual_se, n: row.band_n, meanX: row.band_mean_x, sxx: row.band_sxx }
			: { kind: row.band, level: 0.8, below: row.band_below, above: row.band_above };
	const locked = readLockedForecast({
		method: row.method,
		window: { from: periodOfLabel(row.window_from), to: periodOfLabel(row.window_to) },
		used: Number(row.used),
		coefficients: { intercept: row.intercept, slope: row.slope },
		band: Object.fromEntries(Object.entries(band).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
		lockedOn: row.locked_on
	});
	return locked ? { measureId: row.measure_id, areaCode: row.area_code, per10000: Boolean(row.per_10000), locked } : null;
}

function insertSql({ measureId, areaCode, per10000, locked }: KeptLock): string {
	const b = locked.band;
	const interval = b.kind === 'prediction interval' ? b : null;
	const quantiles = b.kind === 'residual quantiles' ? b : null;
	return `INSERT INTO locked_forecasts VALUES (${str(measureId)}, ${str(areaCode)}, ${per10000}, ${str(locked.method)},
		${str(financialYearLabel(locked.window.from))}, ${str(financialYearLabel(locked.window.to))}, CAST(${str(locked.lockedOn)} AS DATE),
		${num(locked.used)}, ${num(locked.coefficients.intercept)}, ${num(locked.coefficients.slope)}, ${str(b.kind)},
		${num(interval?.t)}, ${num(interval?.df)}, ${num(interval?.residualSE)}, ${num(interval?.n)}, ${num(interval?.meanX)}, ${num(interval?.sxx)},
		${num(quantiles?.below)}, ${num(quantiles?.above)})`;
}

const keyWhere = (k: LockKey) => `measure_id = ${str(k.measureId)} AND area_code = ${str(k.areaCode)} AND per_10000 = ${k.per10000}`;

async function read(db: Session, where: string): Promise<KeptLock[]> {
	const rows = await db.rows<LockRow>(`SELECT ${COLUMNS} FROM locked_forecasts WHERE ${where} ORDER BY measure_id, area_code, per_10000`);
	return rows.flatMap((r) => fromRow(r) ?? []);
}

/** A measure's locked forecasts, every area and figure. */
export function measureLocks(db: Session, measureId: string): Promise<KeptLock[]> {
	return read(db, `measure_id = ${str(measureId)}`);
}

/** Every locked forecast of one area's figures as published: what the report card judges by. */
export function areaLocks(db: Session, areaCode: string): Promise<KeptLock[]> {
	return read(db, `area_code = ${str(areaCode)} AND NOT per_10000`);
}

export function allLocks(db: Session): Promise<KeptLock[]> {
	return read(db, 'true');
}

/** Locks a forecast, replacing any lock of the same measure, area and figure. */
export async function saveLock(db: Session, lock: KeptLock): Promise<void> {
	await db.exec(`DELETE FROM locked_forecasts WHERE ${keyWhere(lock)}`);
	await db.exec(insertSql(lock));
}

export function removeLock(db: Session, key: LockKey): Promise<void> {
	return db.exec(`DELETE FROM locked_forecasts WHERE ${keyWhere(key)}`);
}

/** Every lock replaced by these, in one transaction. */
export function replaceLocks(db: Database, locks: readonly KeptLock[]): Promise<void> {
	return db.transaction(async (s) => {
		await s.exec('DELETE FROM locked_forecasts');
		for (const lock of locks) await s.exec(insertSql(lock));
	});
}
