/**
 * CSV files a French spreadsheet opens as is: UTF-8 with BOM, `;` separator,
 * CRLF, decimal comma, no thousands separator, « s » for masked values.
 */
import { isMasked, type Cell } from '../secrecy/policy';
import { SECRET_TEXT } from './number';

/** One field, quoted when it holds a separator, a quote or a line break. */
export function csvField(text: string): string {
	return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A number cell: `1234,5`, « s » when masked, empty when missing; `scale` turns a fraction into % (100). */
export function csvNumber(cell: Cell | undefined, maxDecimals = 2, scale = 1): string {
	if (isMasked(cell)) return SECRET_TEXT;
	if (cell === null || cell === undefined || !Number.isFinite(cell)) return '';
	const factor = 10 ** maxDecimals;
	return String(Math.round(cell * scale * factor) / factor).replace('.', ',');
}

/** The file text: header, rows, then (after a blank line) the notes — title, period, secrecy mention. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[], notes: readonly string[] = []): string {
	const lines = [header, ...rows].map((cells) => cells.map(csvField).join(';'));
	if (notes.length) lines.push('', ...notes.map(csvField));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
