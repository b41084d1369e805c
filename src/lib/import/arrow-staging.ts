/**
 * Builds an Arrow IPC stream of text columns from parsed rows, fast enough for
 * a million rows (one UTF-8 buffer and one offset array per column, no
 * per-value Arrow builders). The bytes go to DuckDB's `insertArrowFromIPCStream`.
 */
import { makeData, Table, Utf8, Vector, tableToIPC } from 'apache-arrow';

const encoder = new TextEncoder();

/** Byte length of a string in UTF-8, without encoding it. */
function utf8Length(s: string): number {
	let n = s.length;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) continue;
		if (c < 0x800) n += 1;
		else if (c >= 0xd800 && c <= 0xdbff) {
			n += 2; // surrogate pair: 4 bytes for 2 UTF-16 units
			i++;
		} else n += 2;
	}
	return n;
}

/**
 * One text column from values (null = SQL NULL): one encode for the whole
 * column. Offsets are first taken from the UTF-16 lengths — right when the
 * column is ASCII, the common case, seen from the encoded size — and only
 * otherwise counted in UTF-8 value by value.
 */
export function utf8Vector(values: readonly (string | null | undefined)[]): Vector<Utf8> {
	const length = values.length;
	const offsets = new Int32Array(length + 1);
	const validity = new Uint8Array(Math.ceil(length / 8));
	const parts: string[] = new Array(length);
	let chars = 0;
	let nullCount = 0;
	for (let i = 0; i < length; i++) {
		const v = values[i];
		if (v === null || v === undefined) {
			nullCount++;
			parts[i] = '';
		} else {
			validity[i >> 3] |= 1 << (i & 7);
			parts[i] = v;
			chars += v.length;
		}
		offsets[i + 1] = chars;
	}
	const data = encoder.encode(parts.join(''));
	if (data.length !== chars) {
		let bytes = 0;
		for (let i = 0; i < length; i++) offsets[i + 1] = bytes += utf8Length(parts[i]);
		if (data.length !== bytes) throw new Error('Encodage UTF-8 incohérent (caractère isolé ?)');
	}
	return new Vector([
		makeData({
			type: new Utf8(),
			length,
			nullCount,
			nullBitmap: nullCount ? validity : undefined,
			valueOffsets: offsets,
			data
		})
	]);
}

/** An IPC stream of a table whose columns are all text. */
export function textTableIPC(columns: Record<string, readonly (string | null | undefined)[]>): Uint8Array {
	const vectors: Record<string, Vector<Utf8>> = {};
	for (const [name, values] of Object.entries(columns)) vectors[name] = utf8Vector(values);
	return tableToIPC(new Table(vectors), 'stream');
}
