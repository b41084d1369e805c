/**
 * Property-based tests of the CSV reader: any table of awkward strings,
 * written with any of the four separators, RFC 4180 quoting and LF or CRLF,
 * is sniffed and parsed back exactly, with the right line numbers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, sniffDialect, type CsvDialect } from './csv';

const DELIMITERS: CsvDialect['delimiter'][] = [';', ',', '\t', '|'];

/** Pieces that make cells awkward: separators, quotes, line breaks, accents, spaces. */
const cellChar = fc.constantFrom('a', 'Z', '7', ' ', 'é', 'è', 'à', 'ç', 'ô', 'œ', '’', '«', '»', '€', 'Ñ', '😀', ';', ',', '|', '\t', '"', '\n', '\r\n', '-', '.');
const cell = fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: fc.string({ unit: cellChar, maxLength: 12 }) });
/**
 * Header names: anything but a separator (a header such as `a|,b` alone is
 * ambiguous for any sniffer), not empty, no leading or trailing space (the
 * parser trims header names). Quotes and line breaks are allowed.
 */
const headerChar = fc.constantFrom('a', 'Z', '7', ' ', 'é', 'è', 'ç', 'œ', '’', '°', '(', ')', '"', '\n', '-', '.', '/');
const headerName = fc.string({ unit: headerChar, minLength: 1, maxLength: 10 }).filter((h) => h.trim() === h && h !== '');

const table = fc.integer({ min: 2, max: 6 }).chain((width) =>
	fc.record({
		header: fc.array(headerName, { minLength: width, maxLength: width }),
		rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 25 }),
		delimiter: fc.constantFrom(...DELIMITERS),
		crlf: fc.boolean(),
		finalNewline: fc.boolean()
	})
);

/** RFC 4180: a field holding the separator, a quote or a line break is quoted, its quotes doubled. */
function field(value: string, delimiter: string): string {
	return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

function serialise(t: { header: string[]; rows: string[][]; delimiter: string; crlf: boolean; finalNewline: boolean }) {
	const eol = t.crlf ? '\r\n' : '\n';
	const records = [t.header, ...t.rows].map((r) => r.map((v) => field(v, t.delimiter)).join(t.delimiter));
	const startLines: number[] = [];
	let line = 1;
	for (const r of records) {
		startLines.push(line);
		line += (r.match(/\n/g)?.length ?? 0) + 1;
	}
	return { text: records.join(eol) + (t.finalNewline ? eol : ''), startLines };
}

const isBlank = (row: string[]) => row.every((v) => v.trim() === '');

describe('CSV : propriétés (fast-check)', () => {
	it('relit exactement en-tête, cellules et numéros de ligne avec le dialecte détecté', () => {
		fc.assert(
			fc.property(table, (t) => {
				const { text, startLines } = serialise(t);
				const dialect = sniffDialect(text);
				expect(dialect.delimiter).toBe(t.delimiter);
				const parsed = parseCsv(text, dialect);
				const kept = t.rows.map((row, i) => ({ row, line: startLines[i + 1] })).filter(({ row }) => !isBlank(row));
				expect(parsed.header).toEqual(t.header);
				expect(parsed.columns).toEqual(t.header.map((_, c) => kept.map(({ row }) => row[c])));
				expect(parsed.lines).toEqual(kept.map(({ line }) => line));
				expect(parsed.malformed).toEqual([]);
				expect(parsed.blankLines).toBe(t.rows.length - kept.length);
			}),
			{ numRuns: 300 }
		);
	});

	it('relit exactement avec le dialecte donné', () => {
		fc.assert(
			fc.property(table, (t) => {
				const { text } = serialise(t);
				const parsed = parseCsv(text, { delimiter: t.delimiter, quote: '"' });
				const kept = t.rows.filter((row) => !isBlank(row));
				expect(parsed.header).toEqual(t.header);
				expect(parsed.columns).toEqual(t.header.map((_, c) => kept.map((row) => row[c])));
			}),
			{ numRuns: 300 }
		);
	});

	it('ne perd aucun enregistrement : chacun est une ligne, une ligne mal formée (numéro et texte brut) ou une ligne vide', () => {
		const ragged = fc.integer({ min: 2, max: 5 }).chain((width) =>
			fc.record({
				header: fc.array(headerName, { minLength: width, maxLength: width }),
				rows: fc.array(fc.array(cell, { minLength: 1, maxLength: width + 2 }), { maxLength: 25 }),
				delimiter: fc.constantFrom(...DELIMITERS),
				crlf: fc.boolean(),
				finalNewline: fc.boolean()
			})
		);
		fc.assert(
			fc.property(ragged, (t) => {
				const { text, startLines } = serialise(t);
				const parsed = parseCsv(text, { delimiter: t.delimiter, quote: '"' });
				const width = t.header.length;
				const records = t.rows.map((row, i) => ({ row, line: startLines[i + 1], raw: row.map((v) => field(v, t.delimiter)).join(t.delimiter) }));
				// An empty last line without a final line break is not a record.
				if (!t.finalNewline && records.at(-1)?.raw === '') records.pop();
				const kept = records.filter((r) => !isBlank(r.row) && r.row.length === width);
				const malformed = records.filter((r) => !isBlank(r.row) && r.row.length !== width);
				expect(parsed.lines).toEqual(kept.map((r) => r.line));
				expect(parsed.columns).toEqual(t.header.map((_, c) => kept.map((r) => r.row[c])));
				expect(parsed.malformed).toEqual(
					malformed.map((r) => ({ line: r.line, raw: r.raw, message: `nombre de colonnes incorrect : ${r.row.length} au lieu de ${width}` }))
				);
				expect(parsed.lines.length + parsed.malformed.length + parsed.blankLines).toBe(records.length);
			}),
			{ numRuns: 300 }
		);
	});
});
