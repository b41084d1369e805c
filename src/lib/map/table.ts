/**
 * The table behind the map — the same rows on screen (French formats) and in
 * the CSV export (`;`, UTF-8 BOM, decimal comma, « s » for masked values).
 * Pure: rows are built from a classification whose values passed secrecy.
 */
import { formatInteger } from '../format/number';
import { compareFr } from '../format/text';
import type { Cell } from '../secrecy/policy';
import type { Classification, MapEntry, TerritoryValue } from './choropleth';
import { classLabel, type ComparedPeriods } from './describe';
import { csvValue, formatIndicator, KINDS, labelWithUnit, type MapIndicator } from './indicators';

export interface MapTableInput {
	indicator: MapIndicator;
	classification: Classification;
	/** Rows no shape carries (commune not recognised): listed after the others, « hors carte ». */
	unmatched: readonly TerritoryValue[];
	/** Compare mode: entries are differences carrying `before` and `after`. */
	periods?: ComparedPeriods;
}

export interface MapTable {
	header: string[];
	/** Territory code per row ('' for a row outside the map). */
	codes: string[];
	rows: string[][];
	/** Index of the column holding the class, for a swatch. */
	classColumn: number;
}

const UNMATCHED_CLASS = 'Hors carte (commune non reconnue)';

/** Entries sorted for reading: by rank, then masked, then without data, then by name. */
function readingOrder(entries: readonly MapEntry[]): MapEntry[] {
	const group = (e: MapEntry) => (e.rank !== null ? 0 : e.classValue === 'secret' ? 1 : 2);
	return [...entries].sort(
		(a, b) => group(a) - group(b) || (a.rank ?? 0) - (b.rank ?? 0) || compareFr(a.nom, b.nom)
	);
}

/**
 * Header and rows of the table. `mode` 'display' formats numbers for reading
 * (`1 234`, `12,5 %`), 'csv' for a spreadsheet (`1234`, `12,5` in a « (%) » column).
 */
export function mapTable(input: MapTableInput, mode: 'display' | 'csv'): MapTable {
	const { indicator, classification, unmatched, periods } = input;
	const value = (c: Cell | undefined) => (mode === 'csv' ? csvValue(indicator, c) : formatIndicator(indicator, c));
	const count = (c: Cell | undefined) => (mode === 'csv' ? csvValue(null, c) : formatInteger(c ?? null));
	const diff = (c: Cell | undefined) =>
		typeof c === 'number' && mode === 'display' ? KINDS[indicator.kind].difference(c) : value(c);
	const rank = (r: number | null) => (r === null ? '' : String(r));
	const header = ['Code', 'Territoire'];
	if (periods) {
		const unit = indicator.kind === 'rate' ? ' (points de %)' : indicator.kind === 'days' ? ' (jours)' : '';
		header.push(`${labelWithUnit(indicator)} – ${periods.before}`, `${labelWithUnit(indicator)} – ${periods.after}`);
		header.push(`Écart${unit}`, 'Rang de l’écart', 'Classe de l’écart');
	} else {
		header.push(labelWithUnit(indicator));
		if (indicator.numerator) header.push(`Numérateur (${indicator.numerator.label})`);
		if (indicator.denominator) header.push(`${indicator.numerator ? 'Dénominateur' : 'Nombre'} (${indicator.denominator.label})`);
		header.push('Rang', 'Classe');
	}
	const line = (v: TerritoryValue, r: number | null, cls: string): string[] => {
		const cells = [v.code, v.nom];
		if (periods) cells.push(value(v.before), value(v.after), diff(v.value), rank(r), cls);
		else {
			cells.push(value(v.value));
			if (indicator.numerator) cells.push(count(v.numerator));
			if (indicator.denominator) cells.push(count(v.denominator));
			cells.push(rank(r), cls);
		}
		return cells;
	};
	const ordered = readingOrder(classification.entries);
	const rows = ordered.map((e) => line(e, e.rank, classLabel(e, classification)));
	const codes = ordered.map((e) => e.code);
	for (const u of unmatched) {
		rows.push(line(u, null, UNMATCHED_CLASS));
		codes.push('');
	}
	return { header, codes, rows, classColumn: header.length - 1 };
}

function csvField(text: string): string {
	return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The CSV file text: UTF-8 BOM, `;` separator, CRLF, the table then, after a
 * blank line, the notes (title, period, source, secrecy mention).
 */
export function mapCsv(input: MapTableInput, notes: readonly string[]): string {
	const table = mapTable(input, 'csv');
	const lines = [table.header, ...table.rows].map((cells) => cells.map(csvField).join(';'));
	if (notes.length) lines.push('', ...notes.map(csvField));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
