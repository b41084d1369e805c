/** Browser: a Pseudonymiser whose bulk work (`mapIds`) runs in a Web Worker. */
import { pseudonymiser, type Pseudonymiser } from './pseudonym';

/** Pseudonyms of `key`, the million-identifier case computed in a worker. */
export function workerPseudonymiser(key: Uint8Array): Pseudonymiser {
	const local = pseudonymiser(key);
	return {
		of: local.of,
		mapIds(ids: Uint8Array) {
			const worker = new Worker(new URL('./pseudonym-worker.ts', import.meta.url), { type: 'module' });
			return new Promise<Uint8Array>((resolve, reject) => {
				worker.onmessage = (event: MessageEvent<{ table?: Uint8Array; error?: string }>) => {
					worker.terminate();
					if (event.data.table) resolve(event.data.table);
					else reject(new Error(`Pseudonymisation impossible : ${event.data.error}`));
				};
				worker.onerror = (event) => {
					worker.terminate();
					reject(new Error(`Pseudonymisation impossible : ${event.message}`));
				};
				worker.postMessage({ key, ids }, [ids.buffer]);
			});
		}
	};
}
