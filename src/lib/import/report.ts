/** What an import tells the user, per file and for the dataset (French field names = CLI JSON). */
import type { TableName } from '../model/schema';
import type { CommuneColumnReport } from './communes';

export interface ColumnWarning {
	colonne: string;
	probleme: string;
	lignes: number;
	exemples: string[];
}

export interface RejectedRow {
	ligne: number;
	motif: string;
	valeurs: string[];
}

export interface TableReport {
	table: TableName;
	fichier: string;
	encodage?: string;
	separateur?: string;
	lignes_lues: number;
	lignes_chargees: number;
	lignes_rejetees: number;
	lignes_vides_ignorees: number;
	communes_non_reconnues: number;
	/** How each commune column was read (INSEE codes, postal codes, names). */
	lecture_communes: CommuneColumnReport[];
	/** In update mode: accepted rows compared with the loaded ones. */
	mise_a_jour?: { ajoutees: number; modifiees: number; inchangees: number };
	/** Rejection reasons grouped: reason pattern → count. */
	motifs_rejet: Record<string, number>;
	avertissements: ColumnWarning[];
	/** Columns dropped because they identify a person directly (nom, téléphone…). */
	colonnes_ecartees: string[];
	/** A full date of birth was read: only its year was kept. */
	date_naissance_reduite?: boolean;
	/** Columns that match no canonical column, not loaded. */
	colonnes_ignorees: string[];
	colonnes_absentes: string[];
	/** Rejected rows as read (source header order), for download. */
	rejets: { entete: string[]; lignes: RejectedRow[] };
}

export interface DatasetReport {
	tables: TableReport[];
	/** Files that could not be imported at all, with the French reason. */
	erreurs: { fichier: string; message: string }[];
}

/** The rejected rows of a table as a CSV (`;`, UTF-8 with BOM so Excel opens it). */
export function rejectedRowsCsv(report: TableReport): string {
	const esc = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
	const header = ['ligne', 'motif', ...report.rejets.entete].map(esc).join(';');
	const rows = report.rejets.lignes.map((r) => [String(r.ligne), r.motif, ...r.valeurs].map(esc).join(';'));
	return '\uFEFF' + [header, ...rows].join('\r\n') + '\r\n';
}
