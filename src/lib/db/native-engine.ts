/**
 * Native DuckDB (`@duckdb/node-api`) behind the same Engine contract, for the
 * benchmark's physical reference only: the app, the CLI and the tests use
 * duckdb-wasm. Files are read from disk (no registered buffers, no Arrow).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { OFFLINE_SETTINGS, QueryError, type Engine, type Row } from './engine';

function plain(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return value;
}

/** A fresh in-memory native DuckDB. */
export async function createNativeEngine(): Promise<Engine> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	const run = async (sql: string) => {
		try {
			return await conn.runAndReadAll(sql);
		} catch (error) {
			throw new QueryError(error instanceof Error ? error.message : String(error), sql, { cause: error });
		}
	};
	await run(OFFLINE_SETTINGS);
	const unsupported = (what: string) => () => Promise.reject(new Error(`native engine: ${what} non pris en charge`));
	return {
		kind: 'node',
		async query<T extends Row = Row>(sql: string) {
			const reader = await run(sql);
			return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))) as T[];
		},
		async exec(sql: string) {
			await run(sql);
		},
		registerFile: unsupported('registerFile'),
		dropFile: unsupported('dropFile'),
		insertArrowIPC: unsupported('insertArrowIPC'),
		queryIPC: unsupported('queryIPC')
	};
}
