/**
 * Browser engine: duckdb-wasm in a Web Worker, bundles self-hosted by Vite
 * (nothing from a CDN). Single-threaded EH bundle: no COOP/COEP needed.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableToIPC } from 'apache-arrow';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { OFFLINE_SETTINGS, QUERY_CONFIG, QueryError, type Engine, type Row } from './engine';
import { arrowToRows } from './arrow-rows';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

/** Starts DuckDB in a worker and returns the engine. */
export async function createBrowserEngine(): Promise<Engine> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({ query: QUERY_CONFIG });
	const conn = await db.connect();

	const run = async (sql: string) => {
		const start = performance.now();
		try {
			return await conn.query(sql);
		} catch (error) {
			throw new QueryError(error instanceof Error ? error.message : String(error), sql, { cause: error });
		} finally {
			// Every statement's time, as a User Timing entry: the benchmark reads where an import's time goes.
			performance.measure('obs:sql', { start, end: performance.now(), detail: sql.slice(0, 120) });
		}
	};
	await run(OFFLINE_SETTINGS);

	return {
		kind: 'browser',
		async query<T extends Row = Row>(sql: string) {
			return arrowToRows<T>(await run(sql));
		},
		async exec(sql: string) {
			await run(sql);
		},
		async registerFile(name: string, bytes: Uint8Array) {
			await db.registerFileBuffer(name, bytes);
		},
		async dropFile(name: string) {
			await db.dropFile(name);
		},
		async queryIPC(sql: string) {
			return tableToIPC(await run(sql), 'stream');
		},
		async insertArrowIPC(table: string, ipc: Uint8Array, create: boolean) {
			const start = performance.now();
			try {
				await conn.insertArrowFromIPCStream(ipc, { name: table, create });
			} catch (error) {
				throw new QueryError(String(error), `-- insert arrow into ${table}`, { cause: error });
			} finally {
				performance.measure('obs:sql', { start, end: performance.now(), detail: `-- insert arrow into ${table}` });
			}
		}
	};
}
