/**
 * Loads a whole dataset (one file per canonical table) into fresh canonical
 * tables, in reference order, and returns the import report. The demo set,
 * the CLI's folders and the users' files all go through here.
 */
import type { Engine } from '../db/engine';
import { TABLES, type TableName } from '../model/schema';
import { analysisTablesSql, createSchemaSql, dropSchemaSql } from '../model/ddl';
import { decodeText, ImportError } from './decode';
import { parseCsv } from './csv';
import { textSource, type SourceTable } from './source';
import { loadTable, type ColumnMapping, type LoadTableOptions } from './load-table';
import type { DatasetReport } from './report';
import { ident } from '../queries/sql';

/** A file ready to load: parsed, recognised as a table, columns mapped. */
export interface PreparedFile {
	table: TableName;
	fileName: string;
	source: SourceTable;
	mapping: ColumnMapping;
	encoding?: string;
	delimiter?: string;
	droppedColumns?: string[];
	ignoredColumns?: string[];
	birthDateColumn?: boolean;
}

export interface LoadOptions {
	/** Pseudonymisation of person identifiers (see import/pseudonym). */
	pseudonym?: LoadTableOptions['pseudonym'];
	/** `table.colonne` → exact source value → code (profile « valeurs »). */
	valueMaps?: Record<string, Record<string, string>>;
	/** 'remplacer' (default): the files become the dataset; 'mettre_a_jour': they update it by identifier. */
	mode?: 'remplacer' | 'mettre_a_jour';
	/** Load in one transaction: on any error it is rolled back and the previous data stays. */
	transaction?: boolean;
	/** See LoadTableOptions.listLookupRows. */
	listLookupRows?: number;
}

/** Canonical name of a header: lower case, no accents, `_` for other characters. */
export function normaliseHeader(header: string): string {
	return header
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

/** Maps headers that are canonical column names (after normalisation). */
export function identityMapping(table: TableName, header: string[]): ColumnMapping {
	const def = TABLES.find((t) => t.name === table)!;
	const mapping: ColumnMapping = {};
	header.forEach((h, i) => {
		const name = normaliseHeader(h);
		if (def.columns.some((c) => c.name === name) && mapping[name] === undefined) mapping[name] = i;
	});
	return mapping;
}

/** Reads a canonical CSV file (`<table>.csv`, header = canonical names). */
export function prepareCanonicalCsv(table: TableName, fileName: string, bytes: Uint8Array): PreparedFile {
	const { text, encoding } = decodeText(bytes);
	const source = textSource(parseCsv(text, { delimiter: ',', quote: '"' }));
	const mapping = identityMapping(table, source.header);
	const ignoredColumns = source.header.filter((_, i) => !Object.values(mapping).includes(i));
	return { table, fileName, source, mapping, encoding, delimiter: ',', ignoredColumns };
}

async function nonEmptyTables(engine: Engine): Promise<string[]> {
	const out: string[] = [];
	for (const def of TABLES) {
		const [r] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${ident(def.name)}`);
		if (r.n > 0) out.push(def.name);
	}
	return out;
}

function valueMapsOf(maps: LoadOptions['valueMaps'], table: string): Record<string, Record<string, string>> {
	const out: Record<string, Record<string, string>> = {};
	for (const [key, map] of Object.entries(maps ?? {})) {
		const [t, column] = key.split('.');
		if (t === table && column) out[column] = map;
	}
	return out;
}

/** Replaces the loaded dataset with `files` and returns the report. */
export async function loadDataset(engine: Engine, files: PreparedFile[], options: LoadOptions = {}): Promise<DatasetReport> {
	for (const f of files) {
		const rows = f.source.kind === 'text' ? f.source.lines.length + f.source.malformed.length : f.source.rowCount + (f.source.malformed?.length ?? 0);
		if (rows === 0) {
			throw new ImportError(
				`${f.fileName} : le fichier ne contient que la ligne d’en-tête, aucune ligne de données. Rien n’a été importé.`
			);
		}
	}
	if (options.transaction) await engine.exec('BEGIN TRANSACTION;');
	// Tables made inside the app's import transaction have no statistics yet: DuckDB then swaps the
	// sides of LEFT JOINs and hashes the million-row side instead of the lookup or reference table
	// (measured: analysis tables 1.9–2.4 s instead of 1.1 s). The import's joins are written with
	// the lookup side on the right, so that swap is turned off meanwhile.
	await engine.exec(`SET disabled_optimizers = 'build_side_probe_side';`);
	try {
		const report = await loadTables(engine, files, options);
		if (options.transaction) await engine.exec('COMMIT;');
		return report;
	} catch (error) {
		if (options.transaction) await engine.exec('ROLLBACK;').catch(() => undefined);
		throw error;
	} finally {
		// Reset even after a failure; the setting outlives a rollback. A transaction that an error
		// aborted refuses every statement until its ROLLBACK (above): a failing RESET must not mask the error.
		await engine.exec('RESET disabled_optimizers;').catch(() => undefined);
	}
}

/** The files' tables loaded one by one, then the analysis tables. */
async function loadTables(engine: Engine, files: PreparedFile[], options: LoadOptions): Promise<DatasetReport> {
	const merge = options.mode === 'mettre_a_jour';
	if (!merge) await engine.exec(`${dropSchemaSql()}\n${createSchemaSql()}`);
	const loaded = new Set<string>(merge ? await nonEmptyTables(engine) : []);
	const report: DatasetReport = { tables: [], erreurs: [] };
	for (const def of TABLES) {
		for (const file of files.filter((f) => f.table === def.name)) {
			const tableReport = await loadTable(engine, def, file.source, {
				fileName: file.fileName,
				mapping: file.mapping,
				loadedTables: loaded,
				pseudonym: options.pseudonym,
				listLookupRows: options.listLookupRows,
				merge,
				birthDateColumn: file.birthDateColumn,
				valueMaps: valueMapsOf(options.valueMaps, def.name),
				droppedColumns: file.droppedColumns,
				ignoredColumns: file.ignoredColumns,
				encoding: file.encoding,
				delimiter: file.delimiter
			});
			report.tables.push(tableReport);
		}
		if (files.some((f) => f.table === def.name)) loaded.add(def.name);
	}
	await engine.exec(analysisTablesSql(loaded));
	return report;
}
