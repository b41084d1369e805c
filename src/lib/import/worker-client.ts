/**
 * Page side of the import worker: one worker per file, terminated when the
 * file is read (or the reading is cancelled), so its memory is given back.
 * The next file's worker can be made ahead and warmed up (`prepareReader`).
 * The rows arrive apart from the result, in Arrow pieces (see worker-protocol).
 */
import { ImportError } from './decode';
import type { ReadResult } from './source';
import type { IdentifierColumns } from './identifiers';
import type { MappingProfile } from './mapping';
import type { ReadRequest, WarmUpRequest, WorkerMessage } from './worker-protocol';

export interface ReadInWorkerOptions {
	/** Receives the number of rows read so far. */
	onProgress?(rowsRead: number): void;
	/** Receives each piece of table `table`'s rows, in order, before the result (see WorkerMessage `rows`). */
	onRows(table: number, ipc: Uint8Array, firstLine?: number): void;
	signal?: AbortSignal;
	/**
	 * The identifier work done while the file is read (see import/identifiers):
	 * the profile the mapping screen will use, and what receives the columns it
	 * picks, then each piece of their values (before the piece's rows).
	 */
	identifiers?: {
		profile: MappingProfile;
		onColumns(columns: IdentifierColumns): void;
		onPiece(ipc: Uint8Array): void;
	};
}

const newWorker = () => new Worker(new URL('./file-worker.ts', import.meta.url), { type: 'module' });

/** A worker made ahead and warmed up ({@link prepareReader}), which the next read takes. */
let spare: Worker | undefined;

/**
 * Makes the worker of the next read now and has it get ready (Parquet's wasm
 * loaded, code compiled: see worker-protocol `warmUp`) while the user chooses
 * a file. Does nothing when one is ready.
 */
export function prepareReader(): void {
	if (spare) return;
	spare = newWorker();
	spare.postMessage({ warmUp: true } satisfies WarmUpRequest);
}

/** Ends the worker made ahead, if no read took it (the page is left). */
export function releaseReader(): void {
	spare?.terminate();
	spare = undefined;
}

/**
 * Reads a dropped file in a Web Worker (the one made ahead, if any). The
 * result's sources carry no rows: they went to `onRows`. Rejects with an
 * ImportError (French message) when the file cannot be read, or when
 * `signal` aborts.
 */
export async function readFileInWorker(file: File, { onProgress, onRows, signal, identifiers }: ReadInWorkerOptions): Promise<ReadResult> {
	const worker = spare ?? newWorker();
	spare = undefined;
	const bytes = await file.arrayBuffer();
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
			else if (message.type === 'identifiers') identifiers?.onColumns(message.columns);
			else if (message.type === 'ids') identifiers?.onPiece(message.ipc);
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
		const request: ReadRequest = { fileName: file.name, bytes, ...(identifiers ? { profile: identifiers.profile } : {}) };
		worker.postMessage(request, [bytes]);
	});
}
