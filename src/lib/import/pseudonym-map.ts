/**
 * The pseudonym table of a million identifiers, worked on the UTF-8 bytes of
 * the Arrow columns: distinct values found in a byte dictionary (column-codes),
 * the HMAC read from those bytes, the pseudonyms written as bytes. No JS
 * string is made except for values with surrounding spaces (trimmed as
 * `String.prototype.trim` does, like a single pseudonym).
 */
import { DataType, makeData, Table, tableToIPC, Utf8, Vector, type Data, type LargeUtf8 } from 'apache-arrow';
import { wordsToHex } from './hmac-sha256';
import { ByteDictionary } from './column-codes';

/** A MAC over UTF-8 bytes, as eight 32-bit words. */
export type MacWords = (bytes: Uint8Array, start: number, end: number) => Int32Array;

/** Leading `p` then this many hex digits: the pseudonym's bytes. */
const PREFIX = 0x70; // 'p'

/** Bytes that `trim()` removes and that can start or end a UTF-8 value (ASCII ones; any non-ASCII byte takes the slow path). */
function plainEdge(byte: number): boolean {
	return byte < 0x80 && byte !== 0x20 && (byte < 0x09 || byte > 0x0d);
}

const encoder = new TextEncoder();
const HEX_BYTES = encoder.encode('0123456789abcdef');

const isText = (type: DataType) => DataType.isUtf8(type) || DataType.isLargeUtf8(type);

/** Whether a column's values can be pseudonymised from their bytes: text, large text, or a dictionary of either. */
export function isTextColumn(type: DataType): boolean {
	return isText(type) || (DataType.isDictionary(type) && isText(type.dictionary));
}

/**
 * The pseudonyms of identifiers given piece by piece (the pieces of a file
 * as it is read, or one table of identifier columns): each distinct value
 * as read once, in order of first sight, with `'p'` + the first `hexLength`
 * hex digits of the MAC of its trimmed value. Blank values are left out.
 */
export class PseudonymTable {
	#values: ByteDictionary | undefined;
	/** Pseudonym bytes, `1 + hexLength` per distinct value (blank ones: unused). */
	#out = new Uint8Array(1 << 16);
	/** 1 where the distinct value of that code is blank (left out). */
	#blank = new Uint8Array(1 << 12);
	readonly #width: number;
	readonly #decoder = new TextDecoder();

	constructor(
		private readonly mac: MacWords,
		private readonly hexLength: number
	) {
		this.#width = 1 + hexLength;
	}

	/** Adds the values of every column of `table`; they must be text (see `isTextColumn`). */
	add(table: Table): void {
		for (let c = 0; c < table.numCols; c++) {
			for (const data of table.getChildAt(c)?.data ?? []) {
				// A dictionary column (as Parquet readers give): its values are the candidates, once per dictionary.
				const parts = DataType.isDictionary(data.type) ? (data.dictionary?.data ?? []) : [data];
				for (const part of parts) {
					if (!isText(part.type)) throw new Error(`Identifiants de personnes illisibles (colonne de type ${part.type}).`);
					this.#addChunk(part as Data<Utf8 | LargeUtf8>);
				}
			}
		}
	}

	#addChunk(data: Data<Utf8 | LargeUtf8>): void {
		const bytes = data.values;
		// Large text (64-bit offsets, as Parquet readers give): one conversion per chunk.
		const offsets = data.valueOffsets instanceof Int32Array ? data.valueOffsets : Int32Array.from(data.valueOffsets, Number);
		// Sized on the first chunk: a million identifiers in one table do not rehash on the way.
		const values = (this.#values ??= new ByteDictionary(data.length));
		for (let i = 0; i < data.length; i++) {
			if (!data.getValid(i)) continue;
			const before = values.size;
			const code = values.code(bytes, offsets[i], offsets[i + 1]);
			if (code === before) this.#pseudonym(code, bytes, offsets[i], offsets[i + 1]);
		}
	}

	/** Writes the pseudonym of the new value of code `code`, or marks it blank. */
	#pseudonym(code: number, bytes: Uint8Array, start: number, end: number): void {
		const width = this.#width;
		if ((code + 1) * width > this.#out.length) this.#out = grownBytes(this.#out, this.#out.length * 2);
		if (code >= this.#blank.length) this.#blank = grownBytes(this.#blank, this.#blank.length * 2);
		let words: Int32Array | string;
		if (end > start && plainEdge(bytes[start]) && plainEdge(bytes[end - 1])) words = this.mac(bytes, start, end);
		else {
			const trimmed = this.#decoder.decode(bytes.subarray(start, end)).trim();
			if (trimmed === '') {
				this.#blank[code] = 1;
				return;
			}
			const encoded = encoder.encode(trimmed);
			words = wordsToHex(this.mac(encoded, 0, encoded.length));
		}
		const out = this.#out;
		const o = code * width;
		out[o] = PREFIX;
		if (typeof words === 'string') {
			for (let j = 0; j < this.hexLength; j++) out[o + 1 + j] = words.charCodeAt(j);
		} else {
			for (let j = 0; j < this.hexLength; j++) out[o + 1 + j] = HEX_BYTES[(words[j >> 3] >>> (28 - 4 * (j & 7))) & 15];
		}
	}

	/** `(v, p)` as Arrow IPC: one row per distinct non-blank value. */
	toIPC(): Uint8Array {
		const values = (this.#values ??= new ByteDictionary());
		const all = values.values().data[0];
		const count = values.size;
		const width = this.#width;
		const vOffsets = new Int32Array(count + 1);
		const pOffsets = new Int32Array(count + 1);
		let kept = 0;
		let blanks = 0;
		for (let code = 0; code < count; code++) if (this.#blank[code]) blanks++;
		const vBytes = blanks ? new Uint8Array(all.values.length) : all.values;
		const pBytes = blanks ? new Uint8Array((count - blanks) * width) : this.#out.subarray(0, count * width);
		for (let code = 0; code < count; code++) {
			if (blanks && this.#blank[code]) continue;
			const from = all.valueOffsets[code];
			const to = all.valueOffsets[code + 1];
			if (blanks) {
				vBytes.set(all.values.subarray(from, to), vOffsets[kept]);
				pBytes.set(this.#out.subarray(code * width, (code + 1) * width), kept * width);
			}
			vOffsets[kept + 1] = vOffsets[kept] + to - from;
			pOffsets[kept + 1] = (kept + 1) * width;
			kept++;
		}
		const v = new Vector([makeData({ type: new Utf8(), length: kept, nullCount: 0, valueOffsets: vOffsets, data: vBytes.subarray(0, vOffsets[kept]) })]);
		const p = new Vector([makeData({ type: new Utf8(), length: kept, nullCount: 0, valueOffsets: pOffsets, data: pBytes.subarray(0, kept * width) })]);
		return tableToIPC(new Table({ v, p }), 'stream');
	}
}

function grownBytes(array: Uint8Array, length: number): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(length);
	out.set(array);
	return out;
}

/**
 * `(v, p)` as Arrow IPC for the distinct non-blank values of the table's text
 * columns (see {@link PseudonymTable}).
 */
export function pseudonymTableIPC(table: Table, mac: MacWords, hexLength: number): Uint8Array {
	const out = new PseudonymTable(mac, hexLength);
	out.add(table);
	return out.toIPC();
}
