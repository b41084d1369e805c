/**
 * The browser's private storage (IndexedDB) for what must survive a reload
 * and never leave the machine: the user's imported dataset (snapshot), the
 * mapping profile, the pseudonymisation key, and which dataset is active.
 */
import type { Snapshot } from '../import/snapshot';
import type { MappingProfile } from '../import/mapping';

const DB_NAME = 'observatoire-insertion';
const STORE = 'donnees';

export type StoredKey = 'jeu' | 'profil' | 'cle' | 'actif' | 'importe_le';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const request = action(tx.objectStore(STORE));
			tx.oncomplete = () => resolve(request.result);
			tx.onerror = () => reject(tx.error ?? request.error);
			tx.onabort = () => reject(tx.error ?? new Error('Écriture annulée (espace de stockage insuffisant ?)'));
		});
	} finally {
		db.close();
	}
}

/** Reads a stored value (undefined when absent). */
export function readStored(key: 'jeu'): Promise<Snapshot | undefined>;
export function readStored(key: 'profil'): Promise<MappingProfile | undefined>;
export function readStored(key: 'cle'): Promise<Uint8Array | undefined>;
export function readStored(key: 'actif'): Promise<'demo' | 'import' | undefined>;
export function readStored(key: 'importe_le'): Promise<string | undefined>;
export function readStored(key: StoredKey): Promise<unknown> {
	return run('readonly', (s) => s.get(key));
}

/** Stores a value. */
export async function writeStored(key: StoredKey, value: unknown): Promise<void> {
	await run('readwrite', (s) => s.put(value, key));
}

/** Deletes everything this app stored in the browser, the key included. */
export async function wipeStored(): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const request = indexedDB.deleteDatabase(DB_NAME);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error);
		request.onblocked = () => resolve();
	});
}
