/**
 * Loads a whole dataset (one file per canonical table) into fresh canonical
 * tables, in reference order, and returns the import report. The demo set,
 * the CLI's folders and the users' files all go through here.
 */
import type { Engine } from '../db/engine';
import { TABLES, type TableName } from '../model/schema';
import { VIEWS_SQL, createSchemaSql, dropSchemaSql } from '../model/ddl';
import { decodeText, ImportError } from './decode';
import { parseCsv, type ParsedTable } from './csv';
import { loadTable, type ColumnMapping, type LoadTableOptions } from './load-table';
import type { DatasetReport } from './report';

/** A file ready to load: parsed, recognised as a table, columns mapped. */
export interface PreparedFile {
	table: TableName;
	fileName: string;
	parsed: ParsedTable;
	mapping: ColumnMapping;
	encoding?: string;
	delimiter?: string;
	droppedColumns?: string[];
	ignoredColumns?: string[];
}

export interface LoadOptions {
	communeExpr?: LoadTableOptions['communeExpr'];
	personIdExpr?: LoadTableOptions['personIdExpr'];
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
	const parsed = parseCsv(text, { delimiter: ',', quote: '"' });
	const mapping = identityMapping(table, parsed.header);
	const ignoredColumns = parsed.header.filter((_, i) => !Object.values(mapping).includes(i));
	return { table, fileName, parsed, mapping, encoding, delimiter: ',', ignoredColumns };
}

/** Replaces the loaded dataset with `files` and returns the report. */
export async function loadDataset(engine: Engine, files: PreparedFile[], options: LoadOptions = {}): Promise<DatasetReport> {
	for (const f of files) {
		if (f.parsed.lines.length === 0 && f.parsed.malformed.length === 0) {
			throw new ImportError(
				`${f.fileName} : le fichier ne contient que la ligne d’en-tête, aucune ligne de données. Rien n’a été importé.`
			);
		}
	}
	await engine.exec(`${dropSchemaSql()}\n${createSchemaSql()}`);
	const loaded = new Set<string>();
	const report: DatasetReport = { tables: [], erreurs: [] };
	for (const def of TABLES) {
		for (const file of files.filter((f) => f.table === def.name)) {
			const tableReport = await loadTable(engine, def, file.parsed, {
				fileName: file.fileName,
				mapping: file.mapping,
				loadedTables: loaded,
				communeExpr: options.communeExpr,
				personIdExpr: options.personIdExpr,
				droppedColumns: file.droppedColumns,
				ignoredColumns: file.ignoredColumns,
				encoding: file.encoding,
				delimiter: file.delimiter
			});
			report.tables.push(tableReport);
		}
		if (files.some((f) => f.table === def.name)) loaded.add(def.name);
	}
	await engine.exec(VIEWS_SQL);
	return report;
}
