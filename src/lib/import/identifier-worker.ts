/**
 * Worker doing the identifier work of one file off the page's thread
 * (import/identifiers): the key and the columns, then the pieces of rows as
 * they are read, then `finish` for the pseudonyms' IPC and the key check.
 */
import { tableFromIPC } from 'apache-arrow';
import { IdentifierWork, warmUpIdentifierWork, type IdentifierResult } from './identifiers';

/** Page → identifier worker. */
export type IdentifierRequest =
	| { type: 'warmUp' }
	| { type: 'start'; key: Uint8Array; columns: { person: string[] | null; key?: string } }
	| { type: 'piece'; ipc: Uint8Array }
	| { type: 'finish' };

/** Identifier worker → page. */
export type IdentifierReply = { result: IdentifierResult } | { error: string };

interface WorkerScope {
	onmessage: ((event: MessageEvent<IdentifierRequest>) => void) | null;
	postMessage(message: IdentifierReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let work: IdentifierWork | undefined;
let failure: string | undefined;

scope.onmessage = ({ data: request }) => {
	try {
		if (request.type === 'warmUp') warmUpIdentifierWork();
		else if (request.type === 'start') work = new IdentifierWork(request.key, request.columns);
		else if (request.type === 'piece') {
			if (!failure) work!.add(tableFromIPC(request.ipc));
		} else {
			if (failure) throw new Error(failure);
			const result = work!.finish();
			scope.postMessage({ result }, result.pseudonyms ? [result.pseudonyms.buffer as ArrayBuffer] : []);
		}
	} catch (error) {
		failure ??= error instanceof Error ? error.message : String(error);
		if (request.type === 'finish') scope.postMessage({ error: failure }, []);
	}
};
