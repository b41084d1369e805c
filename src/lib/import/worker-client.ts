/**
 * Page side of the import worker: one worker per file, terminated when the
 * file is read (or the reading is cancelled), so its memory is given back.
 * The rows arrive apart from the result, in Arrow pieces (see worker-protocol).
 */
import { ImportError } from './decode';
import type { ReadResult } from './source';
import type { ReadRequest, WorkerMessage } from './worker-protocol';

export interface ReadInWorkerOptions {
	/** Receives the number of rows read so far. */
	onProgress?(rowsRead: number): void;
	/** Receives each piece of table `table`'s rows, in order, before the result (see WorkerMessage `rows`). */
	onRows(table: number, ipc: Uint8Array, firstLine?: number): void;
	signal?: AbortSignal;
}

/**
 * Reads a dropped file in a Web Worker. The result's sources carry no rows:
 * they went to `onRows`. Rejects with an ImportError (French message) when
 * the file cannot be read, or when `signal` aborts.
 */
export async function readFileInWorker(file: File, { onProgress, onRows, signal }: ReadInWorkerOptions): Promise<ReadResult> {
	const bytes = await file.arrayBuffer();
	const worker = new Worker(new URL('./file-worker.ts', import.meta.url), { type: 'module' });
	return new Promise<ReadResult>((resolve, reject) => {
		const finish = (error?: ImportError, result?: ReadResult) => {
			worker.terminate();
			signal?.removeEventListener('abort', abort);
			if (error) reject(error);
			else resolve(result!);
		};
		const abort = () => finish(new ImportError(`Lecture de « ${file.name} » annulée.`));
		if (signal?.aborted) return abort();
		signal?.addEventListener('abort', abort);

		worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
			const message = event.data;
			if (message.type === 'progress') onProgress?.(message.rowsRead);
			else if (message.type === 'rows') onRows(message.table, message.ipc, message.firstLine);
			else if (message.type === 'done') finish(undefined, message.result);
			else finish(new ImportError(message.message));
		};
		worker.onerror = (event: ErrorEvent) => {
			event.preventDefault();
			finish(
				new ImportError(
					`La lecture de « ${file.name} » s’est arrêtée (${event.message || 'erreur du lecteur'}) : le fichier est peut-être trop volumineux pour la mémoire du navigateur.`
				)
			);
		};
		worker.onmessageerror = () => finish(new ImportError(`Le résultat de la lecture de « ${file.name} » n’a pas pu être transmis à la page.`));
		const request: ReadRequest = { fileName: file.name, bytes };
		worker.postMessage(request, [bytes]);
	});
}
