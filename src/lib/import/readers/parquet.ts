/**
 * Parquet files, offline: parquet-wasm decodes them to an Arrow IPC stream
 * that DuckDB inserts as is (DuckDB-wasm has no Parquet extension offline).
 * The wasm module is injected so the same reader runs in Node, in the page
 * and in the import worker.
 */
import { tableFromIPC } from 'apache-arrow';
import { ImportError } from '../decode';
import type { ArrowSource } from '../source';

/** The part of parquet-wasm this reader uses (`parquet-wasm/node`, or `parquet-wasm/esm` once initialised). */
export interface ParquetModule {
	readParquet(bytes: Uint8Array, options?: { batchSize?: number }): { intoIPCStream(): Uint8Array };
}

/**
 * Rows per Arrow batch. parquet-wasm's default (1,024) makes ~1,000 batches
 * for a million rows: 10× slower to decode, and DuckDB inserts them slower.
 */
const BATCH_ROWS = 65_536;

const RESAVE = 'exportez-le à nouveau, ou au format CSV.';

/**
 * Reads a Parquet file into an Arrow source: IPC bytes for the loader,
 * column names and row count from the Arrow schema. Throws ImportError (in
 * French) for a damaged file or column types the import cannot read.
 */
export function readParquet(bytes: Uint8Array, parquet: ParquetModule): ArrowSource {
	let ipc: Uint8Array;
	try {
		ipc = parquet.readParquet(bytes, { batchSize: BATCH_ROWS }).intoIPCStream();
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		throw new ImportError(`Le fichier Parquet est endommagé ou incomplet : ${RESAVE} (Détail technique : ${detail})`);
	}
	let header: string[];
	let rowCount: number;
	try {
		const table = tableFromIPC(ipc);
		header = table.schema.fields.map((f) => f.name);
		rowCount = table.numRows;
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		throw new ImportError(`Certaines colonnes du fichier Parquet ont un type que l’import ne sait pas lire : ${RESAVE} (Détail technique : ${detail})`);
	}
	if (header.length === 0) throw new ImportError('Le fichier Parquet ne contient aucune colonne : il n’y a rien à importer.');
	return { kind: 'arrow', header, ipc, rowCount };
}
