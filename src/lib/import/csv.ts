/**
 * CSV/TSV reading: dialect sniffing and a quote-aware parser that keeps every
 * record's line number and reports malformed records instead of dropping them.
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

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
	/** Called about every 50,000 records with the number of records read so far (for a progress bar). */
	onProgress?: (recordsRead: number) => void;
}

const PROGRESS_EVERY = 50_000;

/**
 * Parses CSV text. Records spanning lines inside quotes are kept whole; an
 * unclosed quote at the end of the file is an ImportError (the file is
 * truncated or malformed, nothing is loaded).
 */
export function parseCsv(
	text: string,
	dialect: CsvDialect = sniffDialect(text),
	options: ParseCsvOptions = {}
): ParsedTable {
	const onProgress = options.onProgress;
	let recordsRead = 0;
	const delim = dialect.delimiter.charCodeAt(0);
	const QUOTE = 34, LF = 10, CR = 13;
	const n = text.length;
	let i = 0;
	let line = 1;
	let header: string[] | null = null;
	let columns: string[][] = [];
	const lines: number[] = [];
	const malformed: ParsedTable['malformed'] = [];
	let blankLines = 0;
	let record: string[] = [];
	let recordStart = 0;
	let recordLine = 1;

	const endRecord = (end: number) => {
		const blank = record.every((f) => f.trim() === '');
		if (blank) {
			if (header) blankLines++;
		} else if (!header) {
			header = record.map((h) => h.trim());
			columns = header.map(() => []);
		} else if (record.length !== header.length) {
			const raw = text.slice(recordStart, end);
			malformed.push({
				line: recordLine,
				raw,
				message: `nombre de colonnes incorrect : ${record.length} au lieu de ${header.length}`
			});
		} else {
			for (let c = 0; c < record.length; c++) columns[c].push(record[c]);
			lines.push(recordLine);
		}
		record = [];
		if (onProgress !== undefined && ++recordsRead % PROGRESS_EVERY === 0) onProgress(recordsRead);
	};

	while (i <= n) {
		if (record.length === 0) {
			recordStart = i;
			recordLine = line;
		}
		if (i === n) {
			if (recordStart < n) endRecord(n);
			break;
		}
		let field: string;
		if (text.charCodeAt(i) === QUOTE) {
			const openLine = line;
			let j = i + 1;
			let value = '';
			for (;;) {
				const q = text.indexOf('"', j);
				if (q < 0) {
					throw new ImportError(
						`Guillemet non fermé à partir de la ligne ${openLine} : le fichier semble tronqué ou mal formé. Aucune donnée n’a été importée.`
					);
				}
				const chunk = text.slice(j, q);
				for (let k = 0; k < chunk.length; k++) if (chunk.charCodeAt(k) === LF) line++;
				value += chunk;
				if (text.charCodeAt(q + 1) === QUOTE) {
					value += '"';
					j = q + 2;
				} else {
					i = q + 1;
					break;
				}
			}
			// Lenient: text after the closing quote up to the delimiter is appended.
			let k = i;
			while (k < n) {
				const c = text.charCodeAt(k);
				if (c === delim || c === LF || c === CR) break;
				k++;
			}
			field = value + text.slice(i, k);
			i = k;
		} else {
			let k = i;
			while (k < n) {
				const c = text.charCodeAt(k);
				if (c === delim || c === LF || c === CR) break;
				k++;
			}
			field = text.slice(i, k);
			i = k;
		}
		record.push(field);
		const c = i < n ? text.charCodeAt(i) : -1;
		if (c === delim) {
			i++;
			if (i === n) {
				record.push('');
				endRecord(n);
				break;
			}
		} else {
			const end = i;
			if (c === CR && text.charCodeAt(i + 1) === LF) i += 2;
			else if (c !== -1) i++;
			line++;
			endRecord(end);
			if (c === -1) break;
		}
	}
	if (!header) throw new ImportError('Le fichier ne contient aucune ligne lisible (ni en-tête ni données).');
	return { header, columns, lines, malformed, blankLines };
}
