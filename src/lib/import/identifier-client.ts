/**
 * Browser: the identifier work (import/identifiers) in a Web Worker — of a
 * file while it is read (`IdentifierWorker`), or of the identifiers the
 * import reads back from DuckDB (`workerPseudonymiser`).
 */
import { pseudonymiser, type Pseudonymiser } from './pseudonym';
import type { IdentifierResult } from './identifiers';
import type { IdentifierReply, IdentifierRequest } from './identifier-worker';

const newWorker = () => new Worker(new URL('./identifier-worker.ts', import.meta.url), { type: 'module' });

/** A worker made ahead and warmed up ({@link prepareIdentifierWorker}), which the next identifier work takes. */
let spare: Worker | undefined;

/**
 * Makes the worker of the next file's identifier work now, and has it
 * optimise its code on generated identifiers (see identifiers
 * `warmUpIdentifierWork`) while the user chooses a file. Does nothing when
 * one is ready.
 */
export function prepareIdentifierWorker(): void {
	if (spare) return;
	spare = newWorker();
	spare.postMessage({ type: 'warmUp' } satisfies IdentifierRequest);
}

/** Ends the worker made ahead, if no work took it (the page is left). */
export function releaseIdentifierWorker(): void {
	spare?.terminate();
	spare = undefined;
}

/** One worker's identifier work: pieces posted as they come, the result at `finish`. */
export class IdentifierWorker {
	#worker = takeWorker();
	#result: Promise<IdentifierResult> | undefined;

	/** `columns.person` null: every column of the pieces is a person column. */
	constructor(key: Uint8Array, columns: { person: string[] | null; key?: string }) {
		this.#post({ type: 'start', key, columns });
	}

	#post(request: IdentifierRequest, transfer: Transferable[] = []): void {
		this.#worker.postMessage(request, transfer);
	}

	/** A piece of rows (Arrow IPC holding the columns), transferred. */
	add(ipc: Uint8Array): void {
		if (!this.#result) this.#post({ type: 'piece', ipc }, [ipc.buffer as ArrayBuffer]);
	}

	/** The result once every piece is in; the worker ends with it. */
	finish(): Promise<IdentifierResult> {
		this.#result ??= new Promise<IdentifierResult>((resolve, reject) => {
			const start = performance.now();
			this.#worker.onmessage = (event: MessageEvent<IdentifierReply>) => {
				this.cancel();
				performance.measure('obs:identifiants', { start, end: performance.now() });
				if ('result' in event.data) resolve(event.data.result);
				else reject(new Error(`Pseudonymisation impossible : ${event.data.error}`));
			};
			this.#worker.onerror = (event) => {
				this.cancel();
				reject(new Error(`Pseudonymisation impossible : ${event.message}`));
			};
			this.#post({ type: 'finish' });
		});
		return this.#result;
	}

	/** Ends the worker (the file left the import, or its result came). */
	cancel(): void {
		this.#worker.terminate();
	}
}

function takeWorker(): Worker {
	const worker = spare ?? newWorker();
	spare = undefined;
	return worker;
}

/** Pseudonyms of `key`, the million-identifier case computed in a worker. */
export function workerPseudonymiser(key: Uint8Array): Pseudonymiser {
	const local = pseudonymiser(key);
	return {
		...local,
		async mapIds(ids: Uint8Array) {
			const worker = new IdentifierWorker(key, { person: null });
			worker.add(ids);
			const { pseudonyms } = await worker.finish();
			if (!pseudonyms) throw new Error('Pseudonymisation impossible : identifiants illisibles.');
			return pseudonyms;
		}
	};
}
