/** Node only: reads a folder of canonical CSV files (`<table>.csv`) into the engine. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../db/engine';
import { isTableName } from '../model/schema';
import { loadDataset, prepareCanonicalCsv, type PreparedFile } from '../import/dataset';
import type { DatasetReport } from '../import/report';

/** Loads every `<table>.csv` of `dir`; other files are listed as not recognised. */
export async function loadCanonicalFolder(engine: Engine, dir: string): Promise<DatasetReport> {
	if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`Dossier introuvable : ${dir}`);
	const files: PreparedFile[] = [];
	for (const name of readdirSync(dir).sort()) {
		const table = name.replace(/\.csv$/i, '');
		if (!name.toLowerCase().endsWith('.csv') || !isTableName(table)) continue;
		files.push(prepareCanonicalCsv(table, name, new Uint8Array(readFileSync(join(dir, name)))));
	}
	return loadDataset(engine, files);
}
