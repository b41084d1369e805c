/**
 * What a reader hands to the loader: a table as read from a file, before
 * column mapping. Text readers (CSV, TSV, Excel, JSON) give text columns;
 * the Parquet reader gives Arrow IPC bytes (typed), to skip a text round trip.
 */
import type { ParsedTable } from './csv';

export interface TextSource extends ParsedTable {
	kind: 'text';
}

export interface ArrowSource {
	kind: 'arrow';
	/** Column names as in the file. */
	header: string[];
	/** Arrow IPC stream of the file's rows. */
	ipc: Uint8Array;
	rowCount: number;
}

export type SourceTable = TextSource | ArrowSource;

/** One table found in a file (a CSV has one; a workbook one per sheet; a JSON may hold several). */
export interface ReadTable {
	/** Sheet name (xlsx) or key (multi-table JSON); undefined for a single-table file. */
	part?: string;
	source: SourceTable;
}

/** The result of reading one file. */
export interface ReadResult {
	fileName: string;
	format: 'csv' | 'xlsx' | 'parquet' | 'json';
	tables: ReadTable[];
	/** Detected text encoding (CSV/JSON). */
	encoding?: string;
	/** Detected separator (CSV). */
	delimiter?: string;
}

/** Wraps a parsed CSV as a text source. */
export function textSource(parsed: ParsedTable): TextSource {
	return { kind: 'text', ...parsed };
}
