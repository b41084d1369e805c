/**
 * Builds Arrow IPC streams of text columns, fast enough for a million rows
 * (one UTF-8 buffer and one offset array per column, no per-value Arrow
 * builders). The bytes go to DuckDB's `insertArrowFromIPCStream`.
 */
import { makeData, makeVector, Table, Utf8, Vector, tableToIPC } from 'apache-arrow';
import type { ByteColumn, ParsedBytes } from './csv';
import { LINE_COLUMN, uniqueHeader, type ArrowSource, type TextSource } from './source';

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

/** A column parsed from bytes as an Arrow text vector, without a copy. */
function byteColumnVector({ data, offsets }: ByteColumn): Vector<Utf8> {
	return new Vector([makeData({ type: new Utf8(), length: offsets.length - 1, nullCount: 0, valueOffsets: offsets, data })]);
}

/** Values per column the mapping screen shows. */
export const SAMPLE_ROWS = 4;

/** The first values of each of the first `header.length` columns of an Arrow table, as text (dates as yyyy-mm-dd). */
export function arrowSamples(table: Table, header: string[]): string[][] {
	return header.map((_, i) => {
		const column = table.getChildAt(i);
		const out: string[] = [];
		for (let r = 0; r < Math.min(SAMPLE_ROWS, table.numRows); r++) {
			const v = column?.get(r);
			out.push(v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
		}
		return out;
	});
}

/** Text columns and their line numbers as an Arrow source (what the loader stages); header names made unique. */
function arrowSource(table: Pick<TextSource, 'header' | 'malformed' | 'blankLines'>, vectors: Vector[], lines: Int32Array): ArrowSource {
	const header = uniqueHeader(table.header);
	const columns: Record<string, Vector> = {};
	header.forEach((h, i) => (columns[h] = vectors[i]));
	columns[LINE_COLUMN] = makeVector(lines);
	const arrow = new Table(columns);
	return {
		kind: 'arrow',
		header,
		ipc: tableToIPC(arrow, 'stream'),
		samples: arrowSamples(arrow, header),
		rowCount: lines.length,
		lineColumn: LINE_COLUMN,
		malformed: table.malformed,
		blankLines: table.blankLines
	};
}

/** A text table (Excel, JSON) as Arrow IPC: text columns plus the line numbers (integers). */
export function textToArrow(source: TextSource): ArrowSource {
	return arrowSource(source, source.columns.map(utf8Vector), Int32Array.from(source.lines));
}

/** A CSV parsed from bytes as Arrow IPC: its byte columns as they are, plus the line numbers. */
export function bytesToArrow(parsed: ParsedBytes): ArrowSource {
	return arrowSource(parsed, parsed.columns.map(byteColumnVector), parsed.lines);
}
