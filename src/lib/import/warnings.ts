import type { Engine } from '../db/engine';
import type { TableDef } from '../model/schema';
import type { CastOptions } from '../model/validation';
import { warningsSql } from '../model/warnings-sql';
import type { ColumnWarning } from './report';

/** Runs the warning query of a checked import and returns plain warnings. */
export async function columnWarnings(
	engine: Engine,
	def: TableDef,
	staging: string,
	checked: string,
	opts: CastOptions,
	anyRejected = true
): Promise<ColumnWarning[]> {
	const sql = warningsSql(def, staging, checked, opts, anyRejected);
	if (!sql) return [];
	const rows = await engine.query<{ colonne: string; probleme: string; lignes: number; exemples: unknown }>(sql);
	return rows.map((r) => ({
		colonne: r.colonne,
		probleme: r.probleme,
		lignes: r.lignes,
		exemples: Array.isArray(r.exemples) ? r.exemples.map(String) : []
	}));
}
