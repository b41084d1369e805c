/**
 * Node only: imports every supported file of a folder (CSV/TSV, .xlsx,
 * Parquet, JSON) through the app's pipeline — table recognition, column
 * mapping with the optional profile, cleaning, validation, pseudonyms.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../db/engine';
import { importFiles, type ImportFilesOptions } from '../import/import-files';
import { readFile } from '../import/read-file';
import { loadParquetModule } from '../import/readers/parquet-node';
import type { DatasetReport } from '../import/report';

const SUPPORTED = /\.(csv|tsv|txt|xlsx|parquet|json|jsonl)$/i;

/** Imports the supported files of `dir` (other files, e.g. README.md, are left aside). */
export async function loadFolder(engine: Engine, dir: string, options: ImportFilesOptions = {}): Promise<DatasetReport> {
	if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`Dossier introuvable : ${dir}`);
	const names = readdirSync(dir)
		.filter((n) => SUPPORTED.test(n) && statSync(join(dir, n)).isFile())
		.sort();
	if (!names.length) throw new Error(`Aucun fichier importable (CSV, TSV, XLSX, Parquet, JSON) dans ${dir}`);
	const results = [];
	for (const name of names) {
		results.push(await readFile(name, new Uint8Array(readFileSync(join(dir, name))), { parquet: loadParquetModule }));
	}
	return (await importFiles(engine, results, options)).report;
}

/** Kept for callers of the canonical-folder loader: the same import, without profile. */
export const loadCanonicalFolder = (engine: Engine, dir: string): Promise<DatasetReport> => loadFolder(engine, dir);

/** The CLI's « import » block: per table, rows read / loaded / rejected and unknown communes; dropped columns. */
export function importSummary(report: DatasetReport): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const t of report.tables) {
		const prev = (out[t.table] as Record<string, number> | undefined) ?? {
			lignes_lues: 0,
			lignes_chargees: 0,
			lignes_rejetees: 0,
			communes_non_reconnues: 0
		};
		out[t.table] = {
			lignes_lues: prev.lignes_lues + t.lignes_lues,
			lignes_chargees: prev.lignes_chargees + t.lignes_chargees,
			lignes_rejetees: prev.lignes_rejetees + t.lignes_rejetees,
			communes_non_reconnues: prev.communes_non_reconnues + t.communes_non_reconnues
		};
	}
	out.colonnes_ecartees = [...new Set(report.tables.flatMap((t) => t.colonnes_ecartees))];
	return out;
}
