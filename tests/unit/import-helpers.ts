/** Builds ReadResults from in-memory CSV texts or bytes, through the real decoder and parser. */
import { decodeText } from '../../src/lib/import/decode';
import { parseCsv, sniffDialect } from '../../src/lib/import/csv';
import { textSource, type ReadResult } from '../../src/lib/import/source';

/** Reads a CSV file given as text (UTF-8) or bytes, like the app does. */
export function readCsvFile(fileName: string, content: string | Uint8Array): ReadResult {
	const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	const { text, encoding } = decodeText(bytes);
	const dialect = sniffDialect(text);
	return { fileName, format: 'csv', encoding, delimiter: dialect.delimiter, tables: [{ source: textSource(parseCsv(text, dialect)) }] };
}

/** Windows-1252 bytes of a text (French accents, ’ « » € œ). */
export function windows1252(text: string): Uint8Array {
	const special: Record<string, number> = { '€': 0x80, '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, 'œ': 0x9c, 'Œ': 0x8c, '…': 0x85, '–': 0x96, '—': 0x97 };
	return Uint8Array.from([...text].map((ch) => {
		if (special[ch] !== undefined) return special[ch];
		const c = ch.charCodeAt(0);
		if (c > 255) throw new Error(`pas en Windows-1252 : ${ch}`);
		return c;
	}));
}
