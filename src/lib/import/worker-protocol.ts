/**
 * Messages between the page and the import worker, and the worker's request
 * handler (kept apart from the worker's global wiring so Node tests can run it).
 *
 * Tables cross as Arrow IPC built in the worker: structured-cloning a million
 * rows × 14 columns of strings froze Chromium's main thread for seconds; an
 * IPC buffer is transferred without a copy and goes straight to DuckDB.
 */
import { ImportError } from './decode';
import { readFile, type ReadFileOptions } from './read-file';
import { LINE_COLUMN, type ArrowSource, type ReadResult } from './source';
import { textToArrow } from './arrow-staging';
import { makeVector, Table, tableFromIPC, tableToIPC } from 'apache-arrow';

/** Page → worker: one file to read; `bytes` is transferred, not copied. */
export interface ReadRequest {
	fileName: string;
	bytes: ArrayBuffer;
}

/** A read result as it crosses to the page: every table as Arrow IPC. */
export interface PackedResult extends Omit<ReadResult, 'tables'> {
	tables: { part?: string; source: ArrowSource }[];
}

/** Worker → page. */
export type WorkerMessage =
	| { type: 'progress'; rowsRead: number }
	| { type: 'done'; result: PackedResult }
	| { type: 'error'; message: string };

/** Posts a message, transferring the listed buffers (as `postMessage` does). */
export type PostMessage = (message: WorkerMessage, transfer?: Transferable[]) => void;

/**
 * An Arrow table (Parquet) with its row numbers added as a column, so the
 * loader can stage it as a view instead of copying it to number the rows.
 */
export function withLineColumn(source: ArrowSource): ArrowSource {
	if (source.lineColumn || source.header.includes(LINE_COLUMN)) return source;
	try {
		const table = tableFromIPC(source.ipc);
		const lines = Int32Array.from({ length: table.numRows }, (_, i) => i + 1);
		const numbered = table.assign(new Table({ [LINE_COLUMN]: makeVector(lines) }));
		return { ...source, ipc: tableToIPC(numbered, 'stream'), lineColumn: LINE_COLUMN };
	} catch {
		// A type apache-arrow cannot re-encode: the loader numbers the rows itself.
		return source;
	}
}

/**
 * Packs a result for `postMessage`: text tables become Arrow IPC (one buffer
 * each, transferred), so the page does no per-value work on a million rows.
 */
export function packResult(result: ReadResult): { packed: PackedResult; transfer: ArrayBuffer[] } {
	const tables = result.tables.map(({ part, source }) => ({
		part,
		source: source.kind === 'arrow' ? withLineColumn(source) : textToArrow(source)
	}));
	return { packed: { ...result, tables }, transfer: tables.map((t) => t.source.ipc.buffer as ArrayBuffer) };
}

/** The page's view of a packed result (already Arrow: nothing to rebuild). */
export async function unpackResult(packed: PackedResult): Promise<ReadResult> {
	return packed;
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
		const result = await readFile(request.fileName, new Uint8Array(request.bytes), {
			onProgress: (rowsRead) => post({ type: 'progress', rowsRead }),
			parquet
		});
		const { packed, transfer } = packResult(result);
		post({ type: 'done', result: packed }, transfer);
	} catch (error) {
		const message =
			error instanceof ImportError
				? error.message
				: `La lecture de « ${request.fileName} » a échoué de façon inattendue : ${error instanceof Error ? error.message : String(error)}`;
		post({ type: 'error', message });
	}
}
