import type { Session } from '../database';

export interface ImportRow {
	import_id: number;
	file_name: string;
	format: string;
	source: 'seed' | 'real' | 'sample' | 'imported';
	imported_at: Date;
	row_count: number;
	/** Rows left out because the user chose to import only the valid rows. */
	rows_skipped: number;
	/** How the file was read: encoding, delimiter, format, how its periods were read. */
	reading: string | null;
	checksum: string;
}

export function importLog(db: Session): Promise<ImportRow[]> {
	return db.rows<ImportRow>(`SELECT * FROM imports ORDER BY import_id`);
}
