/**
 * Worker computing pseudonyms off the page's thread: receives the key and the
 * Arrow IPC of distinct identifiers, returns the IPC of (identifier, pseudonym).
 */
import { pseudonymiser } from './pseudonym';

interface WorkerScope {
	onmessage: ((event: MessageEvent<{ key: Uint8Array; ids: Uint8Array }>) => void) | null;
	postMessage(message: unknown, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = async (event) => {
	try {
		const table = await pseudonymiser(event.data.key).mapIds(event.data.ids);
		scope.postMessage({ table }, [table.buffer]);
	} catch (error) {
		scope.postMessage({ error: error instanceof Error ? error.message : String(error) }, []);
	}
};
