/**
 * Node engine: the blocking build of the very same duckdb-wasm the browser runs,
 * so the CLI and the tests compute numbers with the browser's engine.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OFFLINE_SETTINGS, QUERY_CONFIG, QueryError, type Engine, type Row } from './engine';
import { arrowToRows } from './arrow-rows';

const require = createRequire(import.meta.url);

interface BlockingConnection {
	query(sql: string): Parameters<typeof arrowToRows>[0];
	insertArrowFromIPCStream(ipc: Uint8Array, options: { name: string; create: boolean }): void;
	close(): void;
}
interface BlockingDB {
	instantiate(): Promise<unknown>;
	open(config: unknown): void;
	connect(): BlockingConnection;
	registerFileBuffer(name: string, bytes: Uint8Array): void;
	dropFile(name: string): void;
}

/** Creates a fresh in-memory DuckDB (wasm, blocking) for Node. */
export async function createNodeEngine(): Promise<Engine> {
	// The blocking build loads the CommonJS apache-arrow; keep everything CommonJS here.
	const duckdb = require('@duckdb/duckdb-wasm/blocking');
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
	const bundles = {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const logger = new duckdb.VoidLogger();
	const db: BlockingDB = await duckdb.createDuckDB(bundles, logger, duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open({ query: QUERY_CONFIG });
	const conn = db.connect();

	const run = (sql: string) => {
		try {
			return conn.query(sql);
		} catch (error) {
			throw new QueryError(error instanceof Error ? error.message : String(error), sql, { cause: error });
		}
	};
	run(OFFLINE_SETTINGS);

	return {
		kind: 'node',
		async query<T extends Row = Row>(sql: string) {
			return arrowToRows<T>(run(sql));
		},
		async exec(sql: string) {
			run(sql);
		},
		async registerFile(name: string, bytes: Uint8Array) {
			db.registerFileBuffer(name, bytes);
		},
		async dropFile(name: string) {
			db.dropFile(name);
		},
		async queryIPC(sql: string) {
			// The blocking build returns tables of the CommonJS apache-arrow: serialise with that copy.
			const arrow = require('apache-arrow');
			return arrow.tableToIPC(run(sql), 'stream') as Uint8Array;
		},
		async insertArrowIPC(table: string, ipc: Uint8Array, create: boolean) {
			try {
				conn.insertArrowFromIPCStream(ipc, { name: table, create });
			} catch (error) {
				throw new QueryError(String(error), `-- insert arrow into ${table}`, { cause: error });
			}
		}
	};
}
