/**
 * parquet-wasm for Node (tests, CLI, benchmark): the CommonJS build loads its
 * wasm synchronously from the package folder.
 */
import { createRequire } from 'node:module';
import type { ParquetModule } from './parquet';

const require = createRequire(import.meta.url);

/** The parquet-wasm module for Node, ready to use. */
export async function loadParquetModule(): Promise<ParquetModule> {
	return require('parquet-wasm/node') as ParquetModule;
}
