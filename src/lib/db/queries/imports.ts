import type { Session } from '../database';

export interface ImportRow {
	import_id: number;
	file_name: string;
	format: string;
	source: 'seed' | 'real' | 'sample' | 'imported';
	imported_at: Date;
	row_count: number;
	checksum: string;
}

export function importLog(db: Session): Promise<ImportRow[]> {
	return db.rows<ImportRow>(`SELECT * FROM imports ORDER BY import_id`);
}
