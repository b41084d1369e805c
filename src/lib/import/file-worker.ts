/**
 * Import worker (module worker): reads one dropped file off the main thread
 * so a million-row export does not freeze the page, and reports progress.
 * Parquet's wasm is loaded inside the worker, when a Parquet file comes or
 * when the page asks the worker to get ready (`warmUp`) before a file comes.
 */
import { loadParquetModule, writeParquetIPC } from './readers/parquet-browser';
import { handleReadRequest, warmUp, type ReadRequest, type WarmUpRequest } from './worker-protocol';

/** The worker global, typed without the `webworker` lib (which clashes with the DOM lib). */
interface WorkerScope {
	onmessage: ((event: MessageEvent<ReadRequest | WarmUpRequest>) => void) | null;
	postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
	const request = event.data;
	if ('warmUp' in request) void warmUp(loadParquetModule, writeParquetIPC);
	else void handleReadRequest(request, (message, transfer = []) => scope.postMessage(message, transfer), loadParquetModule);
};
