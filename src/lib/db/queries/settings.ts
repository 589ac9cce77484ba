import type { Session } from '../database';
import { str } from '../sql';

/** The partnership's settings as kept (schema.ts, settings). */
export interface SettingsRow {
	area_code: string;
	area_name: string;
	partnership: string | null;
	plan_title: string | null;
	example: boolean;
}

/** The settings, or null before an area is chosen. */
export async function readSettings(db: Session): Promise<SettingsRow | null> {
	const [row] = await db.rows<SettingsRow>('SELECT area_code, area_name, partnership, plan_title, example FROM settings');
	return row ?? null;
}

/** Replaces the settings (the one row). */
export function writeSettings(db: Session, s: SettingsRow): Promise<void> {
	const text = (v: string | null) => (v?.trim() ? str(v.trim()) : 'NULL');
	return db.exec(`DELETE FROM settings;
		INSERT INTO settings VALUES (1, ${str(s.area_code)}, ${str(s.area_name)}, ${text(s.partnership)}, ${text(s.plan_title)}, ${s.example})`);
}
