/**
 * CSV/TSV reading: dialect sniffing and a quote-aware parser that keeps every
 * record's line number and reports malformed records instead of dropping them.
 * The parser works on UTF-8 bytes and writes each column's values into one
 * byte buffer with offsets (an Arrow text column as is): a million-row export
 * is read without a JavaScript string per value.
 */
import { ImportError } from './decode';

export interface CsvDialect {
	delimiter: ',' | ';' | '\t' | '|';
	quote: '"';
}

/** A parsed text table: header, columns of values, and what could not be read. */
export interface ParsedTable {
	header: string[];
	/** One array per header column; '' for an empty field. */
	columns: string[][];
	/** Line number (1-based, in the file) where each record starts. */
	lines: number[];
	/** Records whose field count differs from the header's. */
	malformed: { line: number; raw: string; message: string }[];
	/** Blank lines and lines of empty fields, skipped (not rows). */
	blankLines: number;
}

const DELIMITERS: CsvDialect['delimiter'][] = [';', ',', '\t', '|'];

/** Splits the first records of a sample with a candidate delimiter (quote-aware). */
function fieldCounts(sample: string, delimiter: string, maxRecords = 30): number[] {
	const counts: number[] = [];
	let fields = 1;
	let inQuotes = false;
	for (let i = 0; i < sample.length && counts.length < maxRecords; i++) {
		const ch = sample[i];
		if (ch === '"') inQuotes = !inQuotes;
		else if (!inQuotes && ch === delimiter) fields++;
		else if (!inQuotes && (ch === '\n' || ch === '\r')) {
			if (ch === '\r' && sample[i + 1] === '\n') i++;
			counts.push(fields);
			fields = 1;
		}
	}
	return counts;
}

/** Picks the delimiter giving the most consistent field count (>1) over the first lines. */
export function sniffDialect(text: string): CsvDialect {
	const sample = text.slice(0, 64 * 1024);
	let best: CsvDialect['delimiter'] = ',';
	let bestScore = -1;
	for (const d of DELIMITERS) {
		const counts = fieldCounts(sample, d);
		if (counts.length === 0) counts.push(fieldCounts(sample + '\n', d)[0] ?? 1);
		const header = counts[0];
		if (header < 2) continue;
		const consistent = counts.filter((c) => c === header).length / counts.length;
		const score = consistent * 1000 + header;
		if (score > bestScore) {
			bestScore = score;
			best = d;
		}
	}
	return { delimiter: best, quote: '"' };
}

/** Options of {@link parseCsvBytes}. */
export interface ParseCsvOptions {
	/** Called about every 50,000 records with the number of records read so far (for a progress bar). */
	onProgress?: (recordsRead: number) => void;
}

/** One column's values as UTF-8: value i is `data[offsets[i]..offsets[i + 1]]` ('' for an empty field). */
export interface ByteColumn {
	data: Uint8Array;
	offsets: Int32Array;
}

/** A parsed table whose columns are UTF-8 bytes (see {@link ParsedTable} for the fields). */
export interface ParsedBytes extends Omit<ParsedTable, 'columns' | 'lines'> {
	columns: ByteColumn[];
	lines: Int32Array;
}

const PROGRESS_EVERY = 50_000;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const utf8Decoder = new TextDecoder();
const utf8Encoder = new TextEncoder();

/** A growable byte buffer. */
class Bytes {
	buf: Uint8Array;
	pos = 0;
	constructor(capacity: number) {
		this.buf = new Uint8Array(capacity);
	}
	reserve(extra: number): Uint8Array {
		if (this.pos + extra > this.buf.length) {
			const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + extra));
			bigger.set(this.buf.subarray(0, this.pos));
			this.buf = bigger;
		}
		return this.buf;
	}
	/** Appends `src[start..end)`. */
	append(src: Uint8Array, start: number, end: number): void {
		const len = end - start;
		const buf = this.reserve(len);
		let p = this.pos;
		if (len > 32) buf.set(src.subarray(start, end), p);
		else for (let x = start; x < end; x++) buf[p++] = src[x];
		this.pos += len;
	}
}

function growInts(a: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
	if (needed <= a.length) return a;
	const bigger = new Int32Array(Math.max(a.length * 2, needed));
	bigger.set(a);
	return bigger;
}

/** Whether a value (UTF-8) is empty once trimmed as `String.prototype.trim` does. */
function isBlankValue(buf: Uint8Array, start: number, end: number): boolean {
	for (let x = start; x < end; x++) {
		const b = buf[x];
		if (b === 32 || (b >= 9 && b <= 13)) continue;
		if (b < 0x80) return false;
		return utf8Decoder.decode(buf.subarray(x, end)).trim() === ''; // non-ASCII spaces (NBSP…): rare
	}
	return true;
}

/**
 * Parses CSV bytes (UTF-8, without BOM). Records spanning lines inside quotes
 * are kept whole; an unclosed quote at the end of the file is an ImportError
 * (the file is truncated or malformed, nothing is loaded). The first non-blank
 * record is the header (names trimmed); blank records are counted, not rows;
 * a record whose field count differs from the header's is malformed.
 */
export function parseCsvBytes(bytes: Uint8Array, dialect: CsvDialect, options: ParseCsvOptions = {}): ParsedBytes {
	const { onProgress } = options;
	const delim = dialect.delimiter.charCodeAt(0);
	const n = bytes.length;
	let header: string[] | null = null;
	let width = 0;
	/** Column buffers, then one scratch buffer for the header and extra fields. */
	let sinks: Bytes[] = [new Bytes(1024)];
	let offsets: Int32Array<ArrayBuffer>[] = [];
	let lines = new Int32Array(1024);
	let rows = 0;
	const malformed: ParsedTable['malformed'] = [];
	let blankLines = 0;
	let recordsRead = 0;
	// Where each field of the current record was written (its sink: the column, or the scratch).
	let fieldStart = new Int32Array(64);
	let fieldEnd = new Int32Array(64);
	let line = 1;
	let i = 0;

	const sinkOf = (field: number) => sinks[field < width ? field : width];
	const endRecord = (fields: number, recordStart: number, end: number, recordLine: number) => {
		let blank = true;
		for (let f = 0; f < fields && blank; f++) blank = isBlankValue(sinkOf(f).buf, fieldStart[f], fieldEnd[f]);
		if (!blank && header === null) {
			const scratch = sinks[0];
			header = Array.from({ length: fields }, (_, f) => utf8Decoder.decode(scratch.buf.subarray(fieldStart[f], fieldEnd[f])).trim());
			width = fields;
			const perColumn = Math.max(1024, Math.ceil((n - end) / width));
			sinks = [...header.map(() => new Bytes(perColumn)), scratch];
			offsets = header.map(() => new Int32Array(1024));
		} else if (blank || fields !== width) {
			if (blank && header !== null) blankLines++;
			if (!blank) {
				malformed.push({
					line: recordLine,
					raw: utf8Decoder.decode(bytes.subarray(recordStart, end)),
					message: `nombre de colonnes incorrect : ${fields} au lieu de ${width}`
				});
			}
			for (let c = 0; c < width; c++) sinks[c].pos = offsets[c][rows]; // the record's values are dropped
		} else {
			for (let c = 0; c < width; c++) {
				const o = (offsets[c] = growInts(offsets[c], rows + 2));
				o[rows + 1] = sinks[c].pos;
			}
			lines = growInts(lines, rows + 1);
			lines[rows++] = recordLine;
		}
		if (onProgress !== undefined && ++recordsRead % PROGRESS_EVERY === 0) onProgress(recordsRead);
	};

	while (i < n) {
		const recordStart = i;
		const recordLine = line;
		sinks[width].pos = 0;
		let fields = 0;
		for (;;) {
			fieldStart = growInts(fieldStart, fields + 1);
			fieldEnd = growInts(fieldEnd, fields + 1);
			const sink = sinkOf(fields);
			fieldStart[fields] = sink.pos;
			if (i < n && bytes[i] === QUOTE) {
				const openLine = line;
				let j = i + 1;
				for (;;) {
					const q = bytes.indexOf(QUOTE, j);
					if (q < 0) {
						throw new ImportError(
							`Guillemet non fermé à partir de la ligne ${openLine} : le fichier semble tronqué ou mal formé. Aucune donnée n’a été importée.`
						);
					}
					const buf = sink.reserve(q - j + 1);
					let p = sink.pos;
					for (let x = j; x < q; x++) {
						const b = bytes[x];
						if (b === LF) line++;
						buf[p++] = b;
					}
					if (bytes[q + 1] === QUOTE) {
						buf[p++] = QUOTE;
						sink.pos = p;
						j = q + 2;
					} else {
						sink.pos = p;
						i = q + 1;
						break;
					}
				}
			}
			// The unquoted field, or what follows a closing quote up to the separator (kept, leniently).
			let k = i;
			while (k < n) {
				const b = bytes[k];
				if (b === delim || b === LF || b === CR) break;
				k++;
			}
			if (k > i) sink.append(bytes, i, k);
			i = k;
			fieldEnd[fields++] = sink.pos;
			const c = i < n ? bytes[i] : -1;
			if (c === delim) {
				i++;
				if (i < n) continue;
				// A separator ends the file: one more, empty, field.
				fieldStart = growInts(fieldStart, fields + 1);
				fieldEnd = growInts(fieldEnd, fields + 1);
				fieldStart[fields] = fieldEnd[fields] = sinkOf(fields).pos;
				endRecord(fields + 1, recordStart, n, recordLine);
				break;
			}
			const end = i;
			if (c === CR && bytes[i + 1] === LF) i += 2;
			else if (c !== -1) i++;
			line++;
			endRecord(fields, recordStart, end, recordLine);
			break;
		}
	}
	if (header === null) throw new ImportError('Le fichier ne contient aucune ligne lisible (ni en-tête ni données).');
	const columns = sinks.slice(0, width).map((sink, c) => ({
		data: sink.buf.subarray(0, sink.pos),
		offsets: rows ? offsets[c].subarray(0, rows + 1) : new Int32Array(1)
	}));
	return { header, columns, lines: lines.subarray(0, rows), malformed, blankLines };
}

/** A byte column's values as strings. */
function decodeColumn({ data, offsets }: ByteColumn): string[] {
	const text = utf8Decoder.decode(data);
	const out: string[] = new Array(offsets.length - 1);
	const ascii = text.length === data.length; // then byte offsets are character offsets
	for (let r = 0; r < out.length; r++) {
		out[r] = ascii ? text.slice(offsets[r], offsets[r + 1]) : utf8Decoder.decode(data.subarray(offsets[r], offsets[r + 1]));
	}
	return out;
}

/** Parses CSV text into string columns (small files: reference data, the demo, tests). See {@link parseCsvBytes}. */
export function parseCsv(text: string, dialect: CsvDialect = sniffDialect(text), options: ParseCsvOptions = {}): ParsedTable {
	const parsed = parseCsvBytes(utf8Encoder.encode(text), dialect, options);
	return { ...parsed, columns: parsed.columns.map(decodeColumn), lines: Array.from(parsed.lines) };
}
