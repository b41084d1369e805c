/**
 * The pseudonym table of a million identifiers, worked on the UTF-8 bytes of
 * the Arrow columns: distinct values found with a hash table over byte ranges,
 * the HMAC read from those bytes, the pseudonyms written as bytes. No JS
 * string is made except for values with surrounding spaces (trimmed as
 * `String.prototype.trim` does, like a single pseudonym).
 */
import { DataType, makeData, Table, tableToIPC, Utf8, Vector, type Data, type LargeUtf8 } from 'apache-arrow';
import { wordsToHex } from './hmac-sha256';
import { hashBytes } from './column-codes';

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

/** A text column of the byte ranges of the entries `keep[0..count)` (range `e`: `sources[which[e]]` from `starts[e]` to `ends[e]`). */
function utf8FromRanges(sources: Uint8Array[], which: Int32Array, starts: Int32Array, ends: Int32Array, keep: Int32Array, count: number): Vector<Utf8> {
	const offsets = new Int32Array(count + 1);
	for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i] + ends[keep[i]] - starts[keep[i]];
	const bytes = new Uint8Array(offsets[count]);
	for (let i = 0; i < count; i++) {
		const e = keep[i];
		const src = sources[which[e]];
		for (let j = starts[e], o = offsets[i]; j < ends[e]; j++, o++) bytes[o] = src[j];
	}
	return new Vector([makeData({ type: new Utf8(), length: count, nullCount: 0, valueOffsets: offsets, data: bytes })]);
}

/**
 * `(v, p)` as Arrow IPC for the distinct non-blank values of the table's text
 * columns: `p` = `'p'` + the first `hexLength` hex digits of the MAC of the
 * trimmed value. The columns must be text (see `isTextColumn`).
 */
export function pseudonymTableIPC(table: Table, mac: MacWords, hexLength: number): Uint8Array {
	const chunks = new Set<Data<Utf8 | LargeUtf8>>();
	for (let c = 0; c < table.numCols; c++) {
		for (const data of table.getChildAt(c)?.data ?? []) {
			// A dictionary column (as Parquet readers give): its values are the candidates, once per dictionary.
			const parts = DataType.isDictionary(data.type) ? (data.dictionary?.data ?? []) : [data];
			for (const part of parts) {
				if (!isText(part.type)) throw new Error(`Identifiants de personnes illisibles (colonne de type ${part.type}).`);
				chunks.add(part as Data<Utf8 | LargeUtf8>);
			}
		}
	}
	const total = [...chunks].reduce((n, d) => n + d.length, 0);
	let size = 1024;
	while (size < total * 2) size *= 2;
	const slots = new Int32Array(size); // entry + 1, 0 = free
	const which = new Int32Array(total);
	const starts = new Int32Array(total);
	const ends = new Int32Array(total);
	const sources = [...chunks].map((d) => d.values);
	let count = 0;
	[...chunks].forEach((data, k) => {
		const bytes = data.values;
		// Large text (64-bit offsets, as Parquet readers give): one conversion per chunk.
		const offsets = data.valueOffsets instanceof Int32Array ? data.valueOffsets : Int32Array.from(data.valueOffsets, Number);
		for (let i = 0; i < data.length; i++) {
			if (!data.getValid(i)) continue;
			const start = offsets[i];
			const end = offsets[i + 1];
			let slot = hashBytes(bytes, start, end) & (size - 1);
			for (;;) {
				const e = slots[slot] - 1;
				if (e < 0) {
					slots[slot] = count + 1;
					which[count] = k;
					starts[count] = start;
					ends[count] = end;
					count++;
					break;
				}
				if (ends[e] - starts[e] === end - start) {
					const other = sources[which[e]];
					let j = 0;
					while (j < end - start && other[starts[e] + j] === bytes[start + j]) j++;
					if (j === end - start) break;
				}
				slot = (slot + 1) & (size - 1);
			}
		}
	});

	const width = 1 + hexLength;
	const out = new Uint8Array(count * width);
	const keep = new Int32Array(count);
	const decoder = new TextDecoder();
	let kept = 0;
	for (let e = 0; e < count; e++) {
		const bytes = sources[which[e]];
		const start = starts[e];
		const end = ends[e];
		let words: Int32Array | string;
		if (end > start && plainEdge(bytes[start]) && plainEdge(bytes[end - 1])) words = mac(bytes, start, end);
		else {
			const trimmed = decoder.decode(bytes.subarray(start, end)).trim();
			if (trimmed === '') continue;
			const encoded = encoder.encode(trimmed);
			words = wordsToHex(mac(encoded, 0, encoded.length));
		}
		const o = kept * width;
		out[o] = PREFIX;
		if (typeof words === 'string') {
			for (let j = 0; j < hexLength; j++) out[o + 1 + j] = words.charCodeAt(j);
		} else {
			for (let j = 0; j < hexLength; j++) out[o + 1 + j] = HEX_BYTES[(words[j >> 3] >>> (28 - 4 * (j & 7))) & 15];
		}
		keep[kept++] = e;
	}
	const v = utf8FromRanges(sources, which, starts, ends, keep, kept);
	const pOffsets = new Int32Array(kept + 1);
	for (let i = 1; i <= kept; i++) pOffsets[i] = i * width;
	const p = new Vector([makeData({ type: new Utf8(), length: kept, nullCount: 0, valueOffsets: pOffsets, data: out.subarray(0, kept * width) })]);
	return tableToIPC(new Table({ v, p }), 'stream');
}
