/**
 * The engine contract shared by the browser (async duckdb-wasm in a worker) and
 * Node (the blocking build of the same duckdb-wasm). Every caller — pages, CLI,
 * tests — talks to DuckDB through this interface only.
 */

/** A result row: column name → plain JS value (number, string, boolean, null). */
export type Row = Record<string, unknown>;

export interface Engine {
	/** Runs one statement and returns plain rows (BIGINT/DECIMAL → number, DATE → 'YYYY-MM-DD'). */
	query<T extends Row = Row>(sql: string): Promise<T[]>;
	/** Runs one or several statements, ignoring results. */
	exec(sql: string): Promise<void>;
	/** Makes bytes readable by SQL under `name` (e.g. `read_csv('name')`). */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/** Forgets a registered file. */
	dropFile(name: string): Promise<void>;
	/** Creates or appends to `table` from an Arrow IPC stream. */
	insertArrowIPC(table: string, ipc: Uint8Array, create: boolean): Promise<void>;
	/** Runs a query and returns its result as an Arrow IPC stream (for snapshots). */
	queryIPC(sql: string): Promise<Uint8Array>;
	/** Which runtime this is, for the benchmark and diagnostics. */
	readonly kind: 'browser' | 'node';
}

/** The one error type the engine throws: it carries the SQL that failed. */
export class QueryError extends Error {
	readonly sql: string;
	constructor(message: string, sql: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'QueryError';
		this.sql = sql;
	}
}

/** Statements run right after instantiation: never let DuckDB reach the network. */
export const OFFLINE_SETTINGS = `SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;`;

/** Query options for duckdb-wasm: plain JS numbers instead of BigInt/Decimal. */
export const QUERY_CONFIG = {
	castBigIntToDouble: true,
	castDecimalToDouble: true,
	castTimestampToDate: true
} as const;
