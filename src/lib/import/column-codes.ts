/**
 * Text columns with few distinct values, coded in the import worker: each
 * value becomes an integer code, and the distinct values go to DuckDB once,
 * as the column's dictionary. DuckDB-wasm writes a text column of a million
 * rows in 60–90 ms and an integer one in 10 ms; the import then casts each
 * distinct value once, and joins on integers (validation.ts, `coded`).
 * Codes are found on the UTF-8 bytes (no JS string), so a value is coded as
 * DuckDB would read it.
 */
import { DataType, makeData, Table, tableFromIPC, tableToIPC, Int32, Utf8, Vector, type Data } from 'apache-arrow';
import { LINE_COLUMN } from './source';

/** Distinct byte strings and their codes (0, 1, 2… in order of first sight). */
export class ByteDictionary {
	#bytes: Uint8Array;
	#offsets: Int32Array;
	#hashes: Int32Array;
	#slots: Int32Array; // code + 1; 0 = free
	size = 0;
	/** Rows counted per code (by `codeColumn`). */
	counts: Int32Array;

	/** `capacity`: the number of values expected (it grows past it; sized ahead, it does not rehash on the way). */
	constructor(capacity = 256) {
		let n = 256;
		while (n < capacity) n *= 2;
		this.#bytes = new Uint8Array(n * 16);
		this.#offsets = new Int32Array(n + 1);
		this.#hashes = new Int32Array(n);
		this.#slots = new Int32Array(n * 2);
		this.counts = new Int32Array(n);
	}

	/** The code of the bytes `src[start..end)`, added when new. */
	code(src: Uint8Array, start: number, end: number): number {
		const h = hashBytes(src, start, end);
		const slots = this.#slots;
		const hashes = this.#hashes;
		const offsets = this.#offsets;
		const bytes = this.#bytes;
		const mask = slots.length - 1;
		const length = end - start;
		for (let slot = h & mask; ; slot = (slot + 1) & mask) {
			const e = slots[slot] - 1;
			if (e < 0) {
				slots[slot] = this.size + 1;
				return this.#add(src, start, end, h);
			}
			if (hashes[e] !== h) continue;
			const at = offsets[e];
			if (offsets[e + 1] - at !== length) continue;
			let j = 0;
			while (j < length && bytes[at + j] === src[start + j]) j++;
			if (j === length) return e;
		}
	}

	#add(src: Uint8Array, start: number, end: number, hash: number): number {
		const e = this.size++;
		if (this.size >= this.#hashes.length) {
			this.#hashes = grown(this.#hashes, this.#hashes.length * 2);
			this.#offsets = grown(this.#offsets, this.#hashes.length + 1);
			this.counts = grown(this.counts, this.#hashes.length);
		}
		const at = this.#offsets[e];
		if (at + end - start > this.#bytes.length) this.#bytes = grown(this.#bytes, Math.max(this.#bytes.length * 2, at + end - start));
		// (a loop: a subarray per value costs more than the copy of an identifier's few bytes)
		const bytes = this.#bytes;
		for (let j = start, o = at; j < end; j++, o++) bytes[o] = src[j];
		this.#offsets[e + 1] = at + end - start;
		this.#hashes[e] = hash;
		if (this.size * 2 > this.#slots.length) this.#rehash();
		return e;
	}

	#rehash(): void {
		const slots = new Int32Array(this.#slots.length * 2);
		const mask = slots.length - 1;
		for (let e = 0; e < this.size; e++) {
			let slot = this.#hashes[e] & mask;
			while (slots[slot] !== 0) slot = (slot + 1) & mask;
			slots[slot] = e + 1;
		}
		this.#slots = slots;
	}

	/** The distinct values, in code order, as an Arrow text vector. */
	values(): Vector<Utf8> {
		const offsets = this.#offsets.slice(0, this.size + 1);
		const data = this.#bytes.slice(0, offsets[this.size]);
		return new Vector([makeData({ type: new Utf8(), length: this.size, nullCount: 0, valueOffsets: offsets, data })]);
	}
}

/** FNV-1a of the bytes `src[start..end)`, as a signed 32-bit integer (as stored in an Int32Array). */
export function hashBytes(src: Uint8Array, start: number, end: number): number {
	let h = 0x811c9dc5 | 0;
	for (let j = start; j < end; j++) h = Math.imul(h ^ src[j], 0x01000193);
	return h;
}

function grown<T extends Int32Array | Uint8Array>(array: T, length: number): T {
	const out = new (array.constructor as new (n: number) => T)(length);
	out.set(array);
	return out;
}

/** Rows looked at before giving up on a column whose values are mostly distinct (identifiers). */
const PROBE_ROWS = 4096;

/** A column is coded when it has at most one distinct value for every this many rows (in the first piece). */
const ROWS_PER_VALUE = 2;

/** The text chunks of a column that can be coded: UTF-8 text, or a dictionary of it (as Parquet readers give). */
function codable(type: DataType): boolean {
	return DataType.isUtf8(type) || (DataType.isDictionary(type) && DataType.isUtf8(type.dictionary));
}

/**
 * Codes one column of a piece into `codes` and `validity` (null where the
 * value is null) and counts its rows per code; stops early, returning false,
 * when the values seen are mostly distinct (`probe`: the first piece, where
 * the column's fate is decided).
 */
function codeColumn(vector: Vector, dict: ByteDictionary, codes: Int32Array, validity: Uint8Array, probe: boolean): boolean {
	let row = 0;
	for (const data of vector.data as Data[]) {
		const valid = validOf(data);
		if (DataType.isDictionary(data.type)) {
			// Each entry of the chunk's dictionary is coded once.
			const entries = data.dictionary!;
			const remap = new Int32Array(entries.length);
			let e = 0;
			for (const part of entries.data as Data<Utf8>[]) {
				const entryValid = validOf(part);
				for (let i = 0; i < part.length; i++, e++) remap[e] = entryValid(i) ? dict.code(part.values, part.valueOffsets[i], part.valueOffsets[i + 1]) : -1;
			}
			const indices = data.values;
			const counts = dict.counts;
			const big = indices instanceof BigInt64Array || indices instanceof BigUint64Array;
			for (let i = 0; i < data.length; i++, row++) {
				if (!valid(i)) continue;
				const code = remap[big ? Number(indices[i]) : (indices[i] as number)];
				if (code < 0) continue;
				codes[row] = code;
				counts[code]++;
				validity[row >> 3] |= 1 << (row & 7);
			}
		} else {
			const offsets = data.valueOffsets as Int32Array;
			const bytes = data.values as Uint8Array;
			for (let i = 0; i < data.length; i++, row++) {
				if (!valid(i)) continue;
				const code = dict.code(bytes, offsets[i], offsets[i + 1]);
				codes[row] = code;
				dict.counts[code]++;
				validity[row >> 3] |= 1 << (row & 7);
				if (probe && row + 1 === PROBE_ROWS && dict.size * ROWS_PER_VALUE > PROBE_ROWS) return false;
			}
		}
	}
	return !probe || dict.size * ROWS_PER_VALUE <= Math.max(row, 1);
}

/** Whether row `i` of a chunk is not null: read from its validity bits (without a call per row to Arrow). */
function validOf(data: Data): (i: number) => boolean {
	if (!data.nullCount) return () => true;
	const bits = data.nullBitmap;
	const offset = data.offset;
	if (!bits || bits.length === 0) return (i) => data.getValid(i);
	return (i) => ((bits[(offset + i) >> 3] >> ((offset + i) & 7)) & 1) === 1;
}

/**
 * Codes the pieces of one table's rows as they are read (the worker's
 * `rows` messages). Whether a column is coded is decided on the first piece
 * and kept for the others, so every piece has the same columns and types.
 */
export class TableCoder {
	/** Per column: its dictionary, or null when it stays as it is. */
	#columns = new Map<string, ByteDictionary | null>();

	/** The piece with its coded columns as Int32 codes (an IPC stream, like the input). */
	encode(ipc: Uint8Array): Uint8Array {
		const table = tableFromIPC(ipc);
		const names = table.schema.fields.map((f) => f.name);
		if (new Set(names).size !== names.length) return ipc; // a column must be designated by its name
		const first = this.#columns.size === 0;
		const vectors: Record<string, Vector> = {};
		let changed = false;
		table.schema.fields.forEach((field, i) => {
			const vector = table.getChildAt(i)!;
			let dict = this.#columns.get(field.name);
			if (dict === undefined) dict = first && field.name !== LINE_COLUMN && codable(field.type) && table.numRows > 0 ? new ByteDictionary() : null;
			vectors[field.name] = vector;
			if (dict) {
				const codes = new Int32Array(table.numRows);
				const validity = new Uint8Array(Math.ceil(table.numRows / 8));
				if (codeColumn(vector, dict, codes, validity, first)) {
					const nullCount = table.numRows - countBits(validity);
					vectors[field.name] = new Vector([
						makeData({ type: new Int32(), length: table.numRows, nullCount, nullBitmap: nullCount ? validity : undefined, data: codes })
					]);
					changed = true;
				} else dict = null;
			}
			if (first) this.#columns.set(field.name, dict);
		});
		return changed ? tableToIPC(new Table(vectors), 'stream') : ipc;
	}

	/** The dictionary of every coded column, as IPC streams of (k, v, n): code, value and rows. */
	dictionaries(): Record<string, Uint8Array> {
		const out: Record<string, Uint8Array> = {};
		for (const [name, dict] of this.#columns) {
			if (!dict) continue;
			const k = new Vector([makeData({ type: new Int32(), length: dict.size, data: Int32Array.from({ length: dict.size }, (_, i) => i) })]);
			const n = new Vector([makeData({ type: new Int32(), length: dict.size, data: dict.counts.slice(0, dict.size) })]);
			out[name] = tableToIPC(new Table({ k, v: dict.values(), n }), 'stream');
		}
		return out;
	}
}

function countBits(bits: Uint8Array): number {
	let n = 0;
	for (let i = 0; i < bits.length; i++) {
		let b = bits[i];
		while (b) {
			b &= b - 1;
			n++;
		}
	}
	return n;
}
