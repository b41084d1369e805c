/**
 * The browser's private storage (IndexedDB) for what must survive a reload
 * and never leave the machine: the user's imported dataset (snapshot), the
 * mapping profile, the pseudonymisation key, and which dataset is active.
 */
import type { Snapshot } from '../import/snapshot';
import type { MappingProfile } from '../import/mapping';

const DB_NAME = 'observatoire-insertion';
const STORE = 'donnees';

export type StoredKey = 'profil' | 'cle' | 'actif' | 'importe_le';

/** IndexedDB refuses single values over ~128 MB: large tables are kept in chunks. */
const CHUNK_BYTES = 32 * 1024 * 1024;

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

interface SnapshotManifest {
	report: Snapshot['report'];
	chunks: Record<string, number>;
}

/** Keeps a dataset snapshot: a manifest, then each table's Arrow bytes in chunks, in one transaction. */
export async function writeSnapshot(snapshot: Snapshot): Promise<void> {
	const db = await open();
	try {
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction(STORE, 'readwrite');
			const store = tx.objectStore(STORE);
			const range = IDBKeyRange.bound('jeu:', 'jeu:\uffff');
			store.delete(range);
			const manifest: SnapshotManifest = { report: snapshot.report, chunks: {} };
			for (const [table, bytes] of Object.entries(snapshot.tables)) {
				if (!bytes) continue;
				const n = Math.max(1, Math.ceil(bytes.byteLength / CHUNK_BYTES));
				manifest.chunks[table] = n;
				for (let i = 0; i < n; i++) store.put(bytes.slice(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES), `jeu:${table}:${i}`);
			}
			store.put(manifest, 'jeu:manifeste');
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error ?? new Error('Écriture annulée (espace de stockage insuffisant ?)'));
		});
	} finally {
		db.close();
	}
}

/** Reads the kept snapshot back (undefined when there is none). */
export async function readSnapshot(): Promise<Snapshot | undefined> {
	const manifest = (await run('readonly', (s) => s.get('jeu:manifeste'))) as SnapshotManifest | undefined;
	if (!manifest) return undefined;
	const tables: Snapshot['tables'] = {};
	for (const [table, n] of Object.entries(manifest.chunks)) {
		const parts: Uint8Array[] = [];
		for (let i = 0; i < n; i++) parts.push((await run('readonly', (s) => s.get(`jeu:${table}:${i}`))) as Uint8Array);
		const bytes = new Uint8Array(parts.reduce((sum, p) => sum + p.byteLength, 0));
		let offset = 0;
		for (const p of parts) {
			bytes.set(p, offset);
			offset += p.byteLength;
		}
		tables[table as keyof Snapshot['tables']] = bytes;
	}
	return { tables, report: manifest.report };
}

/** True when a snapshot is kept. */
export async function hasSnapshot(): Promise<boolean> {
	return (await run('readonly', (s) => s.count('jeu:manifeste'))) > 0;
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
