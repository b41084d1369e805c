/**
 * JSON exports: a list of flat objects (one row per object), or an object
 * holding several such lists (one table per key, e.g. `{"personnes": […],
 * "parcours": […]}`). JSON Lines (one object per line) is read too.
 */
import { ImportError } from '../decode';
import type { ParsedTable } from '../csv';
import type { ReadTable, TextSource } from '../source';

type JsonObject = Record<string, unknown>;

const SHAPE_HELP =
	'Le fichier JSON doit contenir une liste d’objets (une ligne par objet), par exemple ' +
	'[{"id_personne": "P1", "commune": "Nouméa"}, …], ou un objet dont chaque clé contient une telle liste ' +
	'(par exemple {"personnes": […], "parcours": […]}).';

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value as cell text: '' for null, JSON for nested objects and lists. */
function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'bigint') return String(value);
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return JSON.stringify(value);
}

/**
 * Builds a text table from records. `lines` gives each element's position
 * (1-based index in the list, or line number for JSON Lines); elements that
 * are not objects are reported as malformed rows, not dropped silently.
 */
function tableFromRecords(records: unknown[], lineOf: (index: number) => number): TextSource {
	const header: string[] = [];
	const position = new Map<string, number>();
	const columns: string[][] = [];
	const lines: number[] = [];
	const malformed: ParsedTable['malformed'] = [];
	records.forEach((record, index) => {
		if (!isObject(record)) {
			malformed.push({
				line: lineOf(index),
				raw: JSON.stringify(record)?.slice(0, 200) ?? '',
				message: 'élément qui n’est pas un objet (attendu : {"colonne": valeur, …})'
			});
			return;
		}
		const row = lines.length;
		for (const key of Object.keys(record)) {
			let c = position.get(key);
			if (c === undefined) {
				c = header.length;
				position.set(key, c);
				header.push(key);
				columns.push(new Array<string>(row).fill(''));
			}
			columns[c].push(cellText(record[key]));
		}
		lines.push(lineOf(index));
		for (const column of columns) if (column.length === row) column.push('');
	});
	return { kind: 'text', header, columns, lines, malformed, blankLines: 0 };
}

function isRecordList(value: unknown): value is unknown[] {
	return Array.isArray(value) && (value.length === 0 || value.some(isObject));
}

/** JSON Lines: every non-blank line is an object. Null when the text is not of that form. */
function readJsonLines(text: string): ReadTable[] | null {
	const records: unknown[] = [];
	const lineNumbers: number[] = [];
	const rows = text.split(/\r?\n/);
	for (let i = 0; i < rows.length; i++) {
		if (rows[i].trim() === '') continue;
		try {
			const value: unknown = JSON.parse(rows[i]);
			if (!isObject(value)) return null;
			records.push(value);
			lineNumbers.push(i + 1);
		} catch {
			return null;
		}
	}
	if (records.length < 2) return null;
	return [{ source: tableFromRecords(records, (i) => lineNumbers[i]) }];
}

/** What is wrong with malformed JSON, in French, from the engine's message (which says where, when it can). */
function syntaxProblem(text: string, error: unknown): string {
	const message = error instanceof Error ? error.message : '';
	if (/end of JSON input/i.test(message)) return ' : il s’arrête au milieu d’une valeur (fichier tronqué ?)';
	const at = /position (\d+)/.exec(message);
	if (!at) return '';
	const before = text.slice(0, Number(at[1]));
	const line = before.split('\n').length;
	return ` (erreur ligne ${line}, colonne ${before.length - before.lastIndexOf('\n')})`;
}

/**
 * Reads a JSON export into tables: a list of objects → one table; an object
 * whose values are lists of objects → one table per key (`part` = key; other
 * keys, such as an export date, are ignored); JSON Lines → one table. The
 * header is the union of keys in first-seen order; values become text.
 * Throws ImportError (in French) for malformed JSON or another shape.
 */
export function readJson(text: string): ReadTable[] {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') throw new ImportError('Le fichier JSON est vide : il n’y a rien à importer.');
	let data: unknown;
	try {
		data = JSON.parse(body);
	} catch (error) {
		const lines = readJsonLines(body);
		if (lines) return lines;
		throw new ImportError(`Le fichier JSON est mal formé${syntaxProblem(body, error)}. ${SHAPE_HELP}`);
	}
	if (Array.isArray(data)) {
		if (data.length === 0) throw new ImportError('La liste du fichier JSON est vide : aucune ligne à importer.');
		if (!isRecordList(data)) throw new ImportError(SHAPE_HELP);
		return [{ source: tableFromRecords(data, (i) => i + 1) }];
	}
	if (isObject(data)) {
		const tables: ReadTable[] = [];
		for (const [key, value] of Object.entries(data)) {
			if (isRecordList(value)) tables.push({ part: key, source: tableFromRecords(value, (i) => i + 1) });
		}
		if (tables.length > 0) return tables;
	}
	throw new ImportError(SHAPE_HELP);
}
