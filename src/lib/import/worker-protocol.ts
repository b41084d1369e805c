/**
 * Messages between the page and the import worker, and the worker's request
 * handler (kept apart from the worker's global wiring so Node tests can run it).
 *
 * Rows cross as Arrow IPC built in the worker: structured-cloning a million
 * rows × 14 columns of strings froze Chromium's main thread for seconds; an
 * IPC buffer is transferred without a copy and goes straight to DuckDB —
 * piece by piece for a Parquet file, while the worker decodes the next.
 */
import { Table, tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { ImportError } from './decode';
import { readFile, type ReadFileOptions } from './read-file';
import { LINE_COLUMN, type ArrowSource, type ReadResult } from './source';
import { identifierColumns, type IdentifierColumns } from './identifiers';
import type { MappingProfile } from './mapping';
import { textToArrow } from './arrow-staging';
import { TableCoder } from './column-codes';
import type { ParquetModule } from './readers/parquet';

/** Page → worker: one file to read; `bytes` is transferred, not copied. */
export interface ReadRequest {
	fileName: string;
	bytes: ArrayBuffer;
	/** The user's mapping profile: with it, the identifier columns of a file of one table are sent apart too (`ids`). */
	profile?: MappingProfile;
}

/** Page → worker: get ready before a file comes ({@link warmUp}). */
export interface WarmUpRequest {
	warmUp: true;
}

/** A read result as it crosses to the page: every table as an Arrow source whose rows were sent apart. */
export interface PackedResult extends Omit<ReadResult, 'tables'> {
	tables: { part?: string; source: ArrowSource }[];
}

/**
 * Worker → page. `rows`: a piece of table `table`'s rows (Arrow IPC), sent
 * before `done`; with the line column, or else `firstLine`, the line number
 * of its first row (the others follow). `identifiers`, then `ids`: the
 * identifier columns the mapping screen will propose (see import/identifiers),
 * then each piece's values of them, before the piece's `rows`.
 */
export type WorkerMessage =
	| { type: 'progress'; rowsRead: number }
	| { type: 'rows'; table: number; ipc: Uint8Array; firstLine?: number }
	| { type: 'identifiers'; columns: IdentifierColumns }
	| { type: 'ids'; ipc: Uint8Array }
	| { type: 'done'; result: PackedResult }
	| { type: 'error'; message: string };

/** Posts a message, transferring the listed buffers (as `postMessage` does). */
export type PostMessage = (message: WorkerMessage, transfer?: Transferable[]) => void;

/**
 * Packs a result for the page: text tables become Arrow (no per-value work
 * left for the page on a million rows), and every table's rows still in the
 * result go through `sendRows`; the packed sources keep no IPC.
 */
export function packResult(result: ReadResult, sendRows: (table: number, ipc: Uint8Array) => void): PackedResult {
	const tables = result.tables.map(({ part, source }, i) => {
		const { ipc, ...rest } = source.kind === 'arrow' ? source : textToArrow(source);
		if (ipc) sendRows(i, ipc);
		return { part, source: rest };
	});
	return { ...result, tables };
}

/**
 * Sends the identifier columns of the pieces of a file of one table, for the
 * identifier worker: chosen on the first piece's header, as the mapping
 * screen will choose them (none: nothing is sent).
 */
class IdentifierSender {
	#columns: IdentifierColumns | null | undefined;

	constructor(
		private readonly fileName: string,
		private readonly profile: MappingProfile,
		private readonly post: PostMessage
	) {}

	piece(ipc: Uint8Array): void {
		if (this.#columns === null) return;
		const table = tableFromIPC(ipc);
		if (this.#columns === undefined) {
			const header = table.schema.fields.map((f) => f.name).filter((n) => n !== LINE_COLUMN);
			this.#columns = identifierColumns(this.fileName, header, this.profile);
			if (!this.#columns) return;
			this.post({ type: 'identifiers', columns: this.#columns });
		}
		const names = [...new Set([...this.#columns.person, ...(this.#columns.key ? [this.#columns.key] : [])])];
		const ids = tableToIPC(new Table(Object.fromEntries(names.map((n) => [n, table.getChild(n)!]))), 'stream');
		this.post({ type: 'ids', ipc: ids }, [ids.buffer as ArrayBuffer]);
	}
}

/**
 * Reads the requested file and posts progress, then the packed result or a
 * French error message. Unexpected failures are reported in French too, so
 * the page never shows a raw stack.
 */
export async function handleReadRequest(
	request: ReadRequest,
	post: PostMessage,
	parquet: ReadFileOptions['parquet']
): Promise<void> {
	try {
		const sendRows = (table: number, ipc: Uint8Array, firstLine?: number) =>
			post({ type: 'rows', table, ipc, ...(firstLine === undefined ? {} : { firstLine }) }, [ipc.buffer as ArrayBuffer]);
		// A Parquet file's text columns with few distinct values go as codes (their dictionaries with the result):
		// coding a piece overlaps with DuckDB's insert of the previous one. A text file's rows go in one piece at
		// the end, where coding would only add to the wait (0.9 s for a million CSV rows in Chromium, 0.4 s saved).
		let coder: TableCoder | undefined;
		const identifiers = request.profile ? new IdentifierSender(request.fileName, request.profile, post) : undefined;
		const result = await readFile(request.fileName, new Uint8Array(request.bytes), {
			onProgress: (rowsRead) => post({ type: 'progress', rowsRead }),
			// A Parquet file has one table; its pieces go to the page as they are decoded.
			onRows: (ipc, firstLine) => {
				identifiers?.piece(ipc);
				sendRows(0, (coder ??= new TableCoder()).encode(ipc), firstLine);
			},
			parquet
		});
		const single = result.tables.length === 1 && result.tables[0].part === undefined;
		const packed = packResult(result, (table, ipc) => {
			if (single) identifiers?.piece(ipc);
			sendRows(table, ipc);
		});
		const codes = coder?.dictionaries() ?? {};
		if (Object.keys(codes).length) packed.tables[0].source.codes = codes;
		post({ type: 'done', result: packed }, Object.values(codes).map((d) => d.buffer as ArrayBuffer));
	} catch (error) {
		const message =
			error instanceof ImportError
				? error.message
				: `La lecture de « ${request.fileName} » a échoué de façon inattendue : ${error instanceof Error ? error.message : String(error)}`;
		post({ type: 'error', message });
	}
}

/** Rows of the warm-up reads: enough for the JIT to optimise the per-row loops. */
const WARM_UP_ROWS = 20_000;

/**
 * Gets a worker ready before the user's file comes: loads Parquet's wasm and
 * reads a small generated CSV and Parquet file through {@link handleReadRequest},
 * discarding the result, so that its code is compiled and optimised. Read
 * cold, the first piece of a million-row Parquet file took 0.45 s to decode
 * and code instead of 0.1 s (in Node). Failures are ignored: the read itself
 * reports them.
 */
export async function warmUp(parquet: () => Promise<ParquetModule>, writeParquet: (ipc: Uint8Array) => Promise<Uint8Array>): Promise<void> {
	const codes = ['accueil', 'court', 'long', 'jeunes'];
	const columns: Record<string, string[]> = {
		id: Array.from({ length: WARM_UP_ROWS }, (_, i) => `A${i}`),
		id_personne: Array.from({ length: WARM_UP_ROWS }, (_, i) => `P${i >> 1}`),
		code: Array.from({ length: WARM_UP_ROWS }, (_, i) => codes[i % codes.length]),
		date: Array.from({ length: WARM_UP_ROWS }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')}`)
	};
	const names = Object.keys(columns);
	const csv = [names.join(';'), ...columns.id.map((_, i) => names.map((n) => columns[n][i]).join(';'))].join('\n');
	const discard: PostMessage = () => undefined;
	try {
		await handleReadRequest({ fileName: 'echauffement.csv', bytes: new TextEncoder().encode(csv).buffer as ArrayBuffer }, discard, parquet);
		const file = await writeParquet(tableToIPC(tableFromArrays(columns), 'stream'));
		await handleReadRequest({ fileName: 'echauffement.parquet', bytes: file.buffer as ArrayBuffer }, discard, parquet);
	} catch {
		// (nothing to do: the worker reads the file cold)
	}
}
