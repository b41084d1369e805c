/**
 * Rows put into DuckDB while their file is still being read, in the page: the
 * import worker sends each table's rows in pieces, and each piece is inserted
 * as it arrives. DuckDB copies them while the worker decodes the next piece
 * and while the user checks the mapping screen; the import then stages a
 * view over the raw table instead of inserting a million rows (staging.ts).
 *
 * Inserts are posted at once, in arrival order, so every piece is in
 * DuckDB's queue before the file's result — and before any import of it,
 * whose transaction therefore never holds them: a failed import rolls back
 * and the raw rows are still there for the next try.
 */
import type { Engine } from '../db/engine';
import { ident } from '../queries/sql';
import { LINE_COLUMN, type EarlyIdentifiers, type ReadResult } from './source';

let sequence = 0;

/** One piece of raw rows: its table, and the line number of its first row when it has no line column. */
export interface RawPiece {
	table: string;
	firstLine?: number;
}

/**
 * The view of a table's raw rows over its pieces, in order. A piece without
 * line column gets one from its row ids: the pieces are made outside any
 * transaction, in one insert each, so they run from the smallest on, with no
 * gap (inside a transaction they would start at 2^55: hence the minimum).
 */
export function rawRowsViewSql(view: string, pieces: RawPiece[]): string {
	const select = ({ table, firstLine }: RawPiece) =>
		firstLine === undefined
			? `SELECT * FROM ${ident(table)}`
			: `SELECT *, CAST(rowid - (SELECT min(rowid) FROM ${ident(table)}) + ${firstLine} AS INTEGER) AS ${ident(LINE_COLUMN)} FROM ${ident(table)}`;
	return `CREATE OR REPLACE VIEW ${ident(view)} AS ${pieces.map(select).join(' UNION ALL ')};`;
}

/** Drops the raw rows of a table: its view and piece tables. */
export function dropRawRowsSql(view: string, pieces: string[]): string {
	return [`DROP VIEW IF EXISTS ${ident(view)};`, ...pieces.map((p) => `DROP TABLE IF EXISTS ${ident(p)};`)].join(' ');
}

/**
 * The raw rows of one file being read (for each table of the file). Each
 * piece becomes a table of its own: in duckdb-wasm, appending Arrow rows to
 * an existing table took 4× longer than creating one (0.55 s against 0.14 s
 * for 131,072 rows); a view puts the pieces back together.
 */
export class RawRows {
	#tables = new Map<number, { view: string; pieces: RawPiece[]; inserts: Promise<void>[] }>();
	/** Set by `drop`: a piece still arriving (the read was cancelled) is not inserted. */
	#dropped = false;

	constructor(private readonly engine: Engine) {}

	/** Inserts a piece of table `index`'s rows (`firstLine`: see RawPiece). */
	add(index: number, ipc: Uint8Array, firstLine?: number): void {
		if (this.#dropped) return;
		let raw = this.#tables.get(index);
		if (!raw) {
			raw = { view: `raw_lecture_${++sequence}`, pieces: [], inserts: [] };
			this.#tables.set(index, raw);
		}
		const table = `${raw.view}_${raw.pieces.length + 1}`;
		raw.pieces.push({ table, firstLine });
		const insert = this.engine.insertArrowIPC(table, ipc, true);
		insert.catch(() => undefined); // awaited by the import, which reports the failure
		raw.inserts.push(insert);
	}

	/**
	 * The read result with each table's raw rows attached (`staged`); their views
	 * are made after the last piece. `identifiers`: the identifier work done
	 * while the file was read (a file of one table).
	 */
	attach(result: ReadResult, identifiers?: EarlyIdentifiers): ReadResult {
		const tables = result.tables.map((t, i) => {
			const raw = this.#tables.get(i);
			if (!raw || t.source.kind !== 'arrow') return t;
			const view = this.engine.exec(rawRowsViewSql(raw.view, raw.pieces));
			// The dictionaries of the coded columns (see column-codes), one table each.
			const { codes: dictionaries, ...source } = t.source;
			const codes: Record<string, string> = {};
			const inserts = Object.entries(dictionaries ?? {}).map(([column, ipc], j) => {
				codes[column] = `${raw.view}__codes_${j + 1}`;
				return this.engine.insertArrowIPC(codes[column], ipc, true);
			});
			const ready = Promise.all([...raw.inserts, view, ...inserts]).then(() => undefined);
			ready.catch(() => undefined); // awaited by the import, if the file is imported
			const pieces = [...raw.pieces.map((p) => p.table), ...Object.values(codes)];
			const early = identifiers && result.tables.length === 1 ? { identifiers } : {};
			return { ...t, source: { ...source, staged: { view: raw.view, pieces, ready, ...(inserts.length ? { codes } : {}), ...early } } };
		});
		return { ...result, tables };
	}

	/** Drops the raw rows (the file was removed, replaced or could not be read); pieces arriving later are ignored. */
	async drop(): Promise<void> {
		this.#dropped = true;
		const tables = [...this.#tables.values()];
		this.#tables.clear();
		for (const raw of tables) {
			await Promise.allSettled(raw.inserts);
			await this.engine.exec(dropRawRowsSql(raw.view, raw.pieces.map((p) => p.table))).catch(() => undefined);
		}
	}
}
