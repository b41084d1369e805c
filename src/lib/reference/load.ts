/**
 * Loads the editable reference files of `data/` (communes, ETH, provinces,
 * sectors, exit motifs, target competence levels) into DuckDB's `ref_*` tables. The caller supplies the
 * file texts: bundled by Vite in the browser, read from disk in Node.
 */
import type { Engine } from '../db/engine';
import { COMMUNE_KEYS_SQL, MACROS_SQL, REFERENCE_COLUMNS, REFERENCE_DDL, createSchemaSql } from '../model/ddl';
import { ident } from '../queries/sql';
import { textTableIPC } from '../import/arrow-staging';
import { parseCsv } from '../import/csv';

/** The reference files, by file name in `data/`. */
export const REFERENCE_FILES = {
	ref_communes: 'communes.csv',
	ref_eth: 'eth.csv',
	ref_provinces: 'provinces.csv',
	ref_secteurs: 'secteurs.csv',
	ref_motifs: 'motifs-sortie.csv',
	ref_niveaux_cibles: 'niveaux-cibles.csv'
} as const;

export type ReferenceTexts = Record<(typeof REFERENCE_FILES)[keyof typeof REFERENCE_FILES], string>;

async function loadReferenceTable(engine: Engine, table: string, text: string): Promise<void> {
	const parsed = parseCsv(text, { delimiter: ',', quote: '"' });
	const columns: Record<string, string[]> = {};
	parsed.header.forEach((h, i) => (columns[h] = parsed.columns[i]));
	const expected = REFERENCE_COLUMNS[table];
	const missing = expected.filter(([c]) => !(c in columns)).map(([c]) => c);
	if (missing.length) throw new Error(`Fichier de référence ${table} : colonnes manquantes ${missing.join(', ')}`);
	await engine.exec(`DROP TABLE IF EXISTS stg_ref; DELETE FROM ${ident(table)};`);
	await engine.insertArrowIPC('stg_ref', textTableIPC(columns), true);
	const select = expected.map(([c, type]) => `TRY_CAST(nullif(trim(${ident(c)}), '') AS ${type})`).join(', ');
	await engine.exec(`INSERT INTO ${ident(table)} SELECT ${select} FROM stg_ref; DROP TABLE stg_ref;`);
}

/**
 * Prepares a fresh engine: cleaning macros, reference tables filled from the
 * given texts and empty canonical tables (a dataset load builds the analysis tables).
 */
export async function initDatabase(engine: Engine, texts: ReferenceTexts): Promise<void> {
	await engine.exec(MACROS_SQL);
	await engine.exec(REFERENCE_DDL);
	for (const [table, file] of Object.entries(REFERENCE_FILES)) {
		await loadReferenceTable(engine, table, texts[file]);
	}
	await engine.exec(COMMUNE_KEYS_SQL);
	// The analysis tables (VIEWS_SQL) are built by whatever loads data next.
	await engine.exec(createSchemaSql());
}
