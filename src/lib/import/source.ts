/**
 * What a reader hands to the loader: a table as read from a file, before
 * column mapping. Text readers (CSV, TSV, Excel, JSON) give text columns;
 * the Parquet reader gives Arrow IPC bytes (typed), to skip a text round trip.
 */
import type { ParsedTable } from './csv';
import type { IdentifierColumns, IdentifierResult } from './identifiers';

export interface TextSource extends ParsedTable {
	kind: 'text';
}

/**
 * Rows already inserted into DuckDB, in the page, while their file was read
 * (see import/raw-rows): one table per piece, the view of all the rows in
 * order, and when the last piece is in.
 */
export interface StagedRows {
	view: string;
	pieces: string[];
	ready: Promise<void>;
	/** Coded columns (see import/column-codes): column name → table of its dictionary (k = code, v = value, n = rows). */
	codes?: Record<string, string>;
	/** The identifier work done while the file was read (see import/identifiers). */
	identifiers?: EarlyIdentifiers;
}

/** Identifier work done while a file was read: with which pseudonym key, on which columns, and its result. */
export interface EarlyIdentifiers {
	pseudonymKey: Uint8Array;
	columns: IdentifierColumns;
	result: Promise<IdentifierResult>;
}

export interface ArrowSource {
	kind: 'arrow';
	/** Column names as in the file (also the Arrow column names; unique). */
	header: string[];
	/** Arrow IPC stream of the file's rows; absent when they went to DuckDB as they were read (`staged`). */
	ipc?: Uint8Array;
	staged?: StagedRows;
	/** From the import worker: the dictionary of each coded column, as IPC of (k, v, n); the page puts them into DuckDB (`staged.codes`). */
	codes?: Record<string, Uint8Array>;
	/** The first values of each column, as text (the mapping screen shows them). */
	samples?: string[][];
	rowCount: number;
	/** Arrow column holding each row's line number in the file (else: row position). */
	lineColumn?: string;
	/** Records that could not be read as rows (text files converted to Arrow). */
	malformed?: ParsedTable['malformed'];
	blankLines?: number;
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

/** Column holding line numbers in text tables converted to Arrow. */
export const LINE_COLUMN = '__ligne';

/** Header names made unique (a repeated name gets « (2) », « (3) »…), so each designates one column. */
export function uniqueHeader(header: string[]): string[] {
	const seen = new Map<string, number>();
	return header.map((h) => {
		const base = h || 'colonne';
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return n === 1 ? base : `${base} (${n})`;
	});
}

/** Wraps a parsed CSV as a text source. */
export function textSource(parsed: ParsedTable): TextSource {
	return { kind: 'text', ...parsed };
}
