/**
 * parquet-wasm for the page and the import worker: the wasm file is
 * self-hosted through Vite (`?url`), nothing comes from a CDN. Loaded only
 * when a Parquet file is dropped, or when the Données page prepares its
 * reader (5 MB).
 */
import type { ParquetModule } from './parquet';

type Wasm = typeof import('parquet-wasm/esm');

let loading: Promise<Wasm> | undefined;

/** The wasm module, initialised once per page or worker. */
function loadWasm(): Promise<Wasm> {
	loading ??= (async () => {
		const [wasm, { default: wasmUrl }] = await Promise.all([
			import('parquet-wasm/esm'),
			import('parquet-wasm/esm/parquet_wasm_bg.wasm?url')
		]);
		await wasm.default({ module_or_path: wasmUrl });
		return wasm;
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}

/** The parquet-wasm reader, initialised once per page or worker. */
export async function loadParquetModule(): Promise<ParquetModule> {
	const wasm = await loadWasm();
	return { readParquet: (bytes, options) => wasm.readParquet(bytes, options) };
}

/** A Parquet file of the rows of an Arrow IPC stream (for the reader's warm-up). */
export async function writeParquetIPC(ipc: Uint8Array): Promise<Uint8Array> {
	const wasm = await loadWasm();
	return wasm.writeParquet(wasm.Table.fromIPCStream(ipc));
}
