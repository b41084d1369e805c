/**
 * Parquet files, offline: parquet-wasm decodes them to Arrow IPC that DuckDB
 * inserts as is (DuckDB-wasm has no Parquet extension offline). The wasm
 * module is injected so the same reader runs in Node, in the page and in the
 * import worker.
 */
import { makeVector, Table, tableFromIPC, tableToIPC, type RecordBatch } from 'apache-arrow';
import { ImportError } from '../decode';
import { arrowSamples } from '../arrow-staging';
import { LINE_COLUMN, type ArrowSource } from '../source';

/** The part of parquet-wasm this reader uses (`parquet-wasm/node`, or `parquet-wasm/esm` once initialised). */
export interface ParquetModule {
	readParquet(bytes: Uint8Array, options?: { batchSize?: number; offset?: number; limit?: number }): { intoIPCStream(): Uint8Array };
}

/**
 * Rows per Arrow batch. parquet-wasm's default (1,024) makes ~1,000 batches
 * for a million rows: 10× slower to decode, and DuckDB inserts them slower.
 */
const BATCH_ROWS = 65_536;

/**
 * Rows decoded per call. A million rows in one call made parquet-wasm grow
 * its memory to the whole file's size (0.87 s in a fresh worker); in pieces
 * of this size it reuses it (0.4 s), and each piece can go to DuckDB while
 * the next one is decoded.
 */
const PIECE_ROWS = 131_072;

const RESAVE = 'exportez-le à nouveau, ou au format CSV.';

function decodePiece(bytes: Uint8Array, parquet: ParquetModule, offset: number): { table: Table; ipc: Uint8Array } {
	let ipc: Uint8Array;
	try {
		ipc = parquet.readParquet(bytes, { batchSize: BATCH_ROWS, offset, limit: PIECE_ROWS }).intoIPCStream();
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		throw new ImportError(`Le fichier Parquet est endommagé ou incomplet : ${RESAVE} (Détail technique : ${detail})`);
	}
	try {
		return { table: tableFromIPC(ipc), ipc };
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		throw new ImportError(`Certaines colonnes du fichier Parquet ont un type que l’import ne sait pas lire : ${RESAVE} (Détail technique : ${detail})`);
	}
}

/** A piece of rows with their row numbers in the file (1 = first row) added as the line column. */
function numbered(piece: Table, first: number): Table {
	const lines = Int32Array.from({ length: piece.numRows }, (_, i) => first + i + 1);
	return piece.assign(new Table({ [LINE_COLUMN]: makeVector(lines) }));
}

/**
 * Receives a piece of rows as an IPC stream as it is decoded: as parquet-wasm
 * gave it, without the line column (re-encoding a million rows to add it
 * costs 0.1–0.2 s), and the line number of its first row — unless the file
 * has a column of that name, which is then kept and no number is given.
 */
export type OnParquetRows = (ipc: Uint8Array, firstLine?: number) => void;

/**
 * Reads a Parquet file into an Arrow source with row numbers (the line
 * column), column names and row count. With `onRows`, each piece of rows goes
 * there as soon as it is decoded and the source carries no IPC; otherwise the
 * source's IPC holds every row, numbered. Throws ImportError (in French) for
 * a damaged file or column types the import cannot read.
 */
export function readParquet(bytes: Uint8Array, parquet: ParquetModule, onRows?: OnParquetRows): ArrowSource {
	const batches: RecordBatch[] = [];
	let header: string[] | undefined;
	let samples: string[][] = [];
	let rows = 0;
	for (;;) {
		const { table: piece, ipc } = decodePiece(bytes, parquet, rows);
		if (!header) {
			header = piece.schema.fields.map((f) => f.name);
			if (header.length === 0) throw new ImportError('Le fichier Parquet ne contient aucune colonne : il n’y a rien à importer.');
			samples = arrowSamples(piece, header); // before the piece's bytes go (onRows may transfer them)
		}
		// A file with its own line column keeps it; the loader then numbers the rows itself.
		const own = header.includes(LINE_COLUMN);
		if (onRows && (piece.numRows > 0 || rows === 0)) onRows(ipc, own ? undefined : rows + 1);
		else if (!onRows) batches.push(...(own ? piece : numbered(piece, rows)).batches);
		rows += piece.numRows;
		if (piece.numRows < PIECE_ROWS) {
			return {
				kind: 'arrow',
				header,
				// No row: the schema alone (a table of no batch would lose it).
				ipc: onRows ? undefined : tableToIPC(batches.length ? new Table(batches) : own ? piece : numbered(piece, 0), 'stream'),
				samples,
				rowCount: rows,
				lineColumn: own ? undefined : LINE_COLUMN
			};
		}
	}
}
