/**
 * Messages between the page and the import worker, and the worker's request
 * handler (kept apart from the worker's global wiring so Node tests can run it).
 */
import { ImportError } from './decode';
import { readFile, type ReadFileOptions } from './read-file';
import type { ReadResult } from './source';

/** Page → worker: one file to read; `bytes` is transferred, not copied. */
export interface ReadRequest {
	fileName: string;
	bytes: ArrayBuffer;
}

/** Worker → page. */
export type WorkerMessage =
	| { type: 'progress'; rowsRead: number }
	| { type: 'done'; result: ReadResult }
	| { type: 'error'; message: string };

/** Posts a message, transferring the listed buffers (as `postMessage` does). */
export type PostMessage = (message: WorkerMessage, transfer?: Transferable[]) => void;

/** The Arrow IPC buffers of a result, to transfer instead of copying (text columns are cloned). */
export function transferables(result: ReadResult): ArrayBuffer[] {
	const buffers = new Set<ArrayBuffer>();
	for (const table of result.tables) {
		if (table.source.kind === 'arrow') buffers.add(table.source.ipc.buffer as ArrayBuffer);
	}
	return [...buffers];
}

/**
 * Reads the requested file and posts progress, then the result or a French
 * error message. Unexpected failures are reported in French too, so the page
 * never shows a raw stack.
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
		post({ type: 'done', result }, transferables(result));
	} catch (error) {
		const message =
			error instanceof ImportError
				? error.message
				: `La lecture de « ${request.fileName} » a échoué de façon inattendue : ${error instanceof Error ? error.message : String(error)}`;
		post({ type: 'error', message });
	}
}
