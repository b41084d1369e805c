/**
 * Commune columns of an import: decides, per column, whether it holds INSEE
 * codes, postal codes or names (see model/communes-sql), and reports it.
 */
import type { Engine } from '../db/engine';
import type { TableDef } from '../model/schema';
import { communeColumnProfileSql, communeExpr, decideReading, type CommuneReading } from '../model/communes-sql';
import type { CastOptions } from '../model/validation';

export interface CommuneColumnReport {
	colonne: string;
	lecture: CommuneReading;
	/** Values that are an INSEE code of one commune and the postal code of another (read as INSEE). */
	ambigus: string[];
}

/** French sentence describing how a commune column was read. */
export function communeReadingText(r: CommuneColumnReport): string {
	const base = {
		insee: `${r.colonne} : codes INSEE`,
		postal: `${r.colonne} : codes postaux, convertis en codes INSEE (les deux numérotations se chevauchent)`,
		mixte: `${r.colonne} : valeurs mêlées (noms, codes INSEE ou postaux), reconnues une à une`
	}[r.lecture];
	return r.ambigus.length
		? `${base} ; ambiguës, lues comme codes INSEE : ${r.ambigus.join(', ')}`
		: base;
}

/**
 * Profiles every commune column present (`present`), from the table of its
 * distinct values (`valuesOf(column)`, values in `_v`), and returns how to
 * read each.
 */
export async function readCommuneColumns(
	engine: Engine,
	def: TableDef,
	present: ReadonlySet<string>,
	valuesOf: (column: string) => string
): Promise<{ reports: CommuneColumnReport[]; expr: CastOptions['communeExpr'] }> {
	const reports: CommuneColumnReport[] = [];
	for (const col of def.columns.filter((c) => c.commune && present.has(c.name))) {
		const [p] = await engine.query<{ valeurs: number; insee: number; postal: number; postal_seulement: number; ambigus: unknown }>(
			communeColumnProfileSql(valuesOf(col.name), '_v')
		);
		const lecture = decideReading(p);
		const ambigus = lecture === 'mixte' && Array.isArray(p.ambigus) ? p.ambigus.map(String) : [];
		reports.push({ colonne: col.name, lecture, ambigus });
	}
	const readings = new Map(reports.map((r) => [r.colonne, r.lecture]));
	return { reports, expr: (raw, column) => communeExpr(readings.get(column) ?? 'insee', raw) };
}
