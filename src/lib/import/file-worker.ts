/**
 * Import worker (module worker): reads one dropped file off the main thread
 * so a million-row export does not freeze the page, and reports progress.
 * Parquet's wasm is loaded inside the worker, only when a Parquet file comes.
 */
import { loadParquetModule } from './readers/parquet-browser';
import { handleReadRequest, type ReadRequest } from './worker-protocol';

/** The worker global, typed without the `webworker` lib (which clashes with the DOM lib). */
interface WorkerScope {
	onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
	postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
	void handleReadRequest(event.data, (message, transfer = []) => scope.postMessage(message, transfer), loadParquetModule);
};
