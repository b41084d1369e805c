/**
 * Messages between the page and the import worker, and the worker's request
 * handler (kept apart from the worker's global wiring so Node tests can run it).
 *
 * Text tables do not cross as arrays of strings: structured-cloning a
 * million rows × 14 columns froze Chromium's main thread for 2.5–3 s. Each
 * column crosses as one string plus an Int32Array of value ends (transferred),
 * and the page cuts it back into values a slice of rows per task
 * (longest freeze measured: 0.4–0.8 s for the same table).
 */
import { ImportError } from './decode';
import { readFile, type ReadFileOptions } from './read-file';
import type { ArrowSource, ReadResult, ReadTable, TextSource } from './source';

/** Page → worker: one file to read; `bytes` is transferred, not copied. */
export interface ReadRequest {
	fileName: string;
	bytes: ArrayBuffer;
}

/** A text table as it crosses to the page: one joined string and value ends per column. */
export interface PackedTextSource extends Omit<TextSource, 'kind' | 'columns' | 'lines'> {
	kind: 'packed-text';
	columns: { text: string; ends: Int32Array }[];
	lines: Int32Array;
}

/** A read result as it crosses to the page. */
export interface PackedResult extends Omit<ReadResult, 'tables'> {
	tables: { part?: string; source: ArrowSource | PackedTextSource }[];
}

/** Worker → page. */
export type WorkerMessage =
	| { type: 'progress'; rowsRead: number }
	| { type: 'done'; result: PackedResult }
	| { type: 'error'; message: string };

/** Posts a message, transferring the listed buffers (as `postMessage` does). */
export type PostMessage = (message: WorkerMessage, transfer?: Transferable[]) => void;

function packText(source: TextSource): PackedTextSource {
	const columns = source.columns.map((values) => {
		const ends = new Int32Array(values.length);
		let end = 0;
		for (let i = 0; i < values.length; i++) ends[i] = end += values[i].length;
		return { text: values.join(''), ends };
	});
	return { ...source, kind: 'packed-text', columns, lines: Int32Array.from(source.lines) };
}

/** Packs a result for `postMessage` and lists the buffers to transfer (value ends, line numbers, Arrow IPC). */
export function packResult(result: ReadResult): { packed: PackedResult; transfer: ArrayBuffer[] } {
	const buffers = new Set<ArrayBuffer>();
	const tables = result.tables.map(({ part, source }) => {
		if (source.kind === 'arrow') {
			buffers.add(source.ipc.buffer as ArrayBuffer);
			return { part, source };
		}
		const packed = packText(source);
		buffers.add(packed.lines.buffer as ArrayBuffer);
		for (const c of packed.columns) buffers.add(c.ends.buffer as ArrayBuffer);
		return { part, source: packed };
	});
	return { packed: { ...result, tables }, transfer: [...buffers] };
}

const ROWS_PER_TASK = 200_000;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Rebuilds the text columns of a packed result, giving the event loop a
 * turn every 200,000 values so the page keeps responding.
 */
export async function unpackResult(packed: PackedResult): Promise<ReadResult> {
	const tables: ReadTable[] = [];
	for (const { part, source } of packed.tables) {
		if (source.kind === 'arrow') {
			tables.push({ part, source });
			continue;
		}
		const columns: string[][] = [];
		for (const { text, ends } of source.columns) {
			const values = new Array<string>(ends.length);
			let start = 0;
			for (let from = 0; from < ends.length; from += ROWS_PER_TASK) {
				const to = Math.min(ends.length, from + ROWS_PER_TASK);
				for (let i = from; i < to; i++) {
					values[i] = text.slice(start, ends[i]);
					start = ends[i];
				}
				if (to < ends.length) await nextTask();
			}
			columns.push(values);
			await nextTask();
		}
		const { header, malformed, blankLines } = source;
		tables.push({ part, source: { kind: 'text', header, columns, lines: Array.from(source.lines), malformed, blankLines } });
	}
	return { ...packed, tables };
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
