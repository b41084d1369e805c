/**
 * Minimal RFC 4180 CSV reading and writing for the reference files and the
 * demo dataset (comma separator, LF line ends, UTF-8). Script-side only: the
 * app's importer handles the messy real-world dialects.
 */
import { readFileSync } from 'node:fs';

/** A cell value before formatting: null and undefined become an empty field. */
export type CsvValue = string | number | boolean | null | undefined;

/** Parses CSV text into rows of raw strings (quotes removed, BOM dropped). */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	for (; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Reads a CSV file with a header row into records keyed by column name. */
export function readCsvRecords(path: string): Record<string, string>[] {
	const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
	if (!header) throw new Error(`${path}: fichier CSV vide`);
	return rows.map((cells, n) => {
		if (cells.length !== header.length) {
			throw new Error(`${path}, ligne ${n + 2}: ${cells.length} champs au lieu de ${header.length}`);
		}
		return Object.fromEntries(header.map((name, k) => [name, cells[k]]));
	});
}

/** Formats one value: booleans as true/false, null as empty, quoting when needed. */
export function formatCsvValue(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'string' ? value : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Serialises a header and rows to CSV text, LF line ends, final newline. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
	const lines = [header.map(formatCsvValue).join(',')];
	for (const row of rows) lines.push(row.map(formatCsvValue).join(','));
	return lines.join('\n') + '\n';
}
