/**
 * Pseudonymisation of person identifiers on import: HMAC-SHA-256 with a key
 * created on the user's machine (Web Crypto's random generator) that never
 * leaves it. The same code runs in the browser and in Node (a fast JS HMAC,
 * checked in tests against Web Crypto's own), so a person keeps the same
 * pseudonym next month with the same key.
 */
import { tableFromIPC } from 'apache-arrow';
import { hmacSha256Hex, hmacSha256Words } from './hmac-sha256';
import { pseudonymTableIPC } from './pseudonym-map';

/** Hex characters of the HMAC kept as the pseudonym (96 bits). */
export const PSEUDONYM_HEX_LENGTH = 24;

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** A new random 32-byte key. */
export function newPseudonymKey(): Uint8Array {
	const key = new Uint8Array(32);
	crypto.getRandomValues(key);
	return key;
}

/**
 * Pseudonymisation with one key: `of` gives one identifier's pseudonym;
 * `mapIds` takes the Arrow IPC of a table of identifier columns as read (any
 * number of columns and repeats) and returns the IPC of `(v, p)`, one row per
 * distinct non-blank value — the form the import uses, so the browser can run
 * it in a worker, alongside DuckDB, without copying strings through the page.
 */
export interface Pseudonymiser {
	/** The key (pseudonyms computed elsewhere are used only when made with it). */
	readonly key: Uint8Array;
	of(id: string): string;
	mapIds(ids: Uint8Array): Promise<Uint8Array>;
}

/** Pseudonyms of a key: `p` + the first 24 hex digits of HMAC-SHA-256(key, id). */
export function pseudonymiser(key: Uint8Array): Pseudonymiser {
	const mac = hmacSha256Hex(key);
	const words = hmacSha256Words(key);
	const of = (id: string) => 'p' + mac(id.trim()).slice(0, PSEUDONYM_HEX_LENGTH);
	return {
		key,
		of,
		async mapIds(ids: Uint8Array) {
			return pseudonymTableIPC(tableFromIPC(ids), words, PSEUDONYM_HEX_LENGTH);
		}
	};
}

/** The same pseudonym computed with Web Crypto (for checks and small lists). */
export async function pseudonymWebCrypto(key: Uint8Array, id: string): Promise<string> {
	const k = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	const mac = new Uint8Array(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(id.trim())));
	return 'p' + hex(mac).slice(0, PSEUDONYM_HEX_LENGTH);
}

/** Key bytes to/from hex, for storage. */
export const keyToHex = hex;
export function keyFromHex(text: string): Uint8Array {
	const clean = text.trim();
	if (!/^([0-9a-f]{2}){16,64}$/i.test(clean)) throw new Error('Clé de pseudonymisation illisible.');
	return new Uint8Array(clean.match(/../g)!.map((b) => parseInt(b, 16)));
}
