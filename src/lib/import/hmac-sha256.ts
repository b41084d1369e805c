/**
 * HMAC-SHA-256 in plain JS, fast for many short identifiers: the key's inner
 * and outer states are computed once, so each identifier costs two or three
 * compressions, and it reads UTF-8 bytes as they are (an Arrow column's
 * buffer) without making strings. Same algorithm as Web Crypto's HMAC
 * (checked in tests).
 */

const K = new Int32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
	0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
	0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
	0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);
const INIT = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const w = new Int32Array(64);

/** One SHA-256 compression of the 64-byte block at `offset` into `state`. */
function compress(state: Int32Array, block: Uint8Array, offset: number): void {
	for (let i = 0; i < 16; i++) {
		const j = offset + i * 4;
		w[i] = (block[j] << 24) | (block[j + 1] << 16) | (block[j + 2] << 8) | block[j + 3];
	}
	compressWords(state);
}

/** One SHA-256 compression of the block whose 16 words are in `w[0..16)` into `state`. */
function compressWords(state: Int32Array): void {
	for (let i = 16; i < 64; i++) {
		const a = w[i - 15], b = w[i - 2];
		const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
		const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
		w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
	}
	let a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
	for (let i = 0; i < 64; i++) {
		const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
		const t1 = (((((h + S1) | 0) + ((e & f) ^ (~e & g))) | 0) + ((K[i] + w[i]) | 0)) | 0;
		const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
		const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
		h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
	}
	state[0] = (state[0] + a) | 0; state[1] = (state[1] + b) | 0; state[2] = (state[2] + c) | 0; state[3] = (state[3] + d) | 0;
	state[4] = (state[4] + e) | 0; state[5] = (state[5] + f) | 0; state[6] = (state[6] + g) | 0; state[7] = (state[7] + h) | 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * An HMAC-SHA-256 function for one key over UTF-8 bytes: `mac(bytes, start,
 * end)` returns the MAC as eight big-endian 32-bit words, in an array reused
 * between calls (copy what you keep).
 */
export function hmacSha256Words(key: Uint8Array): (bytes: Uint8Array, start: number, end: number) => Int32Array {
	if (key.length > 64) throw new Error('Clé HMAC trop longue (64 octets au plus).');
	const pad = (p: number) => Uint8Array.from({ length: 64 }, (_, i) => (key[i] ?? 0) ^ p);
	const inner = new Int32Array(INIT);
	compress(inner, pad(0x36), 0);
	const outer = new Int32Array(INIT);
	compress(outer, pad(0x5c), 0);
	const state = new Int32Array(8);
	let buf = new Uint8Array(128);

	/** Hashes `length` bytes already in `buf` after a 64-byte prefix whose state is `start`. */
	const run = (start: Int32Array, length: number) => {
		const blocks = (length + 9 + 63) >> 6;
		const end = blocks << 6;
		buf.fill(0, length, end);
		buf[length] = 0x80;
		const bits = (length + 64) * 8;
		buf[end - 4] = bits >>> 24;
		buf[end - 3] = (bits >>> 16) & 255;
		buf[end - 2] = (bits >>> 8) & 255;
		buf[end - 1] = bits & 255;
		buf[end - 5] = Math.floor(bits / 0x100000000) & 255;
		state.set(start);
		for (let o = 0; o < end; o += 64) compress(state, buf, o);
	};

	return (bytes, start, end) => {
		const length = end - start;
		if (length + 73 > buf.length) buf = new Uint8Array(length + 137);
		for (let i = 0; i < length; i++) buf[i] = bytes[start + i];
		run(inner, length);
		// The outer block: the inner digest's words, then the padding of a 64 + 32-byte message.
		for (let i = 0; i < 8; i++) w[i] = state[i];
		w[8] = 0x80000000 | 0;
		for (let i = 9; i < 15; i++) w[i] = 0;
		w[15] = (64 + 32) * 8;
		state.set(outer);
		compressWords(state);
		return state;
	};
}

/** Eight MAC words as 64 hex digits. */
export function wordsToHex(words: Int32Array): string {
	let out = '';
	for (let i = 0; i < 8; i++) {
		const v = words[i];
		out += HEX[v >>> 24] + HEX[(v >>> 16) & 255] + HEX[(v >>> 8) & 255] + HEX[v & 255];
	}
	return out;
}

/** An HMAC-SHA-256 function for one key, returning the MAC of a text (as UTF-8) in hex. */
export function hmacSha256Hex(key: Uint8Array): (message: string) => string {
	const mac = hmacSha256Words(key);
	const encoder = new TextEncoder();
	return (message: string) => {
		const bytes = encoder.encode(message);
		return wordsToHex(mac(bytes, 0, bytes.length));
	};
}
