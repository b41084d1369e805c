/**
 * parquet-wasm for the page and the import worker: the wasm file is
 * self-hosted through Vite (`?url`), nothing comes from a CDN. Loaded only
 * when a Parquet file is dropped (5 MB).
 */
import type { ParquetModule } from './parquet';

let loading: Promise<ParquetModule> | undefined;

/** The parquet-wasm module, initialised once per page or worker. */
export function loadParquetModule(): Promise<ParquetModule> {
	loading ??= (async () => {
		const [wasm, { default: wasmUrl }] = await Promise.all([
			import('parquet-wasm/esm'),
			import('parquet-wasm/esm/parquet_wasm_bg.wasm?url')
		]);
		await wasm.default({ module_or_path: wasmUrl });
		return { readParquet: (bytes, options) => wasm.readParquet(bytes, options) };
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}
