/**
 * Offline `.xlsx` reader for the browser, the worker and Node: a workbook is
 * a zip of XML parts; fflate inflates only the parts needed and a small tag
 * scanner reads them. Cells come out as text, as a CSV export would give
 * them, with dates as ISO text.
 */
import { unzipSync } from 'fflate';
import { ImportError } from '../decode';
import type { TextSource } from '../source';
import { XmlScanner } from './xml-scan';
import { parseSheetXml, type SheetContext } from './xlsx-sheet';
import { classifyFormat, unescapeExcelString, type NumberKind } from './xlsx-values';

/** An opened workbook: sheet names, and a reader per sheet sharing the workbook's strings and styles. */
export interface Workbook {
	/** Worksheet names in workbook order (chart sheets excluded). */
	sheets: string[];
	/** Reads one sheet; null when it holds no non-blank cell. */
	readSheet(name: string, onProgress?: (rowsRead: number) => void): TextSource | null;
}

const RESAVE = 'ouvrez-le dans Excel (ou LibreOffice) et enregistrez-le au format .xlsx ou CSV.';

/** Names of the zip entries, without inflating anything; ImportError for an unreadable archive. */
function entryNames(bytes: Uint8Array): string[] {
	const names: string[] = [];
	try {
		unzipSync(bytes, {
			filter: (file) => {
				names.push(file.name);
				return false;
			}
		});
	} catch {
		throw new ImportError(`Le classeur est endommagé ou incomplet (archive illisible) : ${RESAVE}`);
	}
	return names;
}

/** Inflates the entries in `paths` (exact names); ImportError if the archive is damaged. */
function inflate(bytes: Uint8Array, paths: Set<string>): Record<string, Uint8Array> {
	try {
		return unzipSync(bytes, { filter: (file) => paths.has(file.name) });
	} catch {
		throw new ImportError(`Le classeur est endommagé ou incomplet (une partie ne se décompresse pas) : ${RESAVE}`);
	}
}

/** XML bytes as text (UTF-8, or UTF-16 with a byte-order mark). */
function xmlText(bytes: Uint8Array | undefined): string {
	if (!bytes) return '';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	return new TextDecoder('utf-8').decode(bytes);
}

/** A zip that is not an .xlsx workbook: says what it probably is. */
function notAWorkbook(names: string[]): ImportError {
	const has = (n: string) => names.some((x) => x.toLowerCase() === n);
	if (has('xl/workbook.bin')) return new ImportError(`Classeur Excel binaire (.xlsb) : ${RESAVE}`);
	if (has('content.xml') && has('mimetype')) return new ImportError(`Classeur OpenDocument (.ods) : ${RESAVE}`);
	if (has('word/document.xml')) return new ImportError('Ce fichier est un document Word, pas un tableau : exportez les données en .xlsx ou CSV.');
	return new ImportError('Ce fichier est une archive ZIP mais pas un classeur Excel (.xlsx) : déposez le classeur ou le CSV lui-même.');
}

/** Joins a relationship target to the folder of the part that points to it. */
function resolvePath(base: string, target: string): string {
	const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
	for (const seg of target.replace(/\\/g, '/').split('/')) {
		if (seg === '..') parts.pop();
		else if (seg !== '.' && seg !== '') parts.push(seg);
	}
	return parts.join('/');
}

/** Relationships of a part: id → { target path, type }. */
function readRels(xml: string, partPath: string): Map<string, { path: string; type: string }> {
	const rels = new Map<string, { path: string; type: string }>();
	const tag = new XmlScanner(xml);
	while (tag.next()) {
		if (tag.name !== 'Relationship' || tag.kind === 'close') continue;
		const id = tag.attr('Id');
		const target = tag.attr('Target');
		if (id === undefined || target === undefined || tag.attr('TargetMode') === 'External') continue;
		rels.set(id, { path: resolvePath(partPath, target), type: tag.attr('Type') ?? '' });
	}
	return rels;
}

/** Shared strings, rich-text runs joined, phonetic guides (`rPh`) left out. */
function readSharedStrings(xml: string): string[] {
	const strings: string[] = [];
	const tag = new XmlScanner(xml);
	let current = '';
	let phonetic = false;
	while (tag.next()) {
		const name = tag.name;
		if (name === 'si') {
			if (tag.kind === 'open') current = '';
			else strings.push(tag.kind === 'empty' ? '' : unescapeExcelString(current));
		} else if (name === 't' && tag.kind === 'close' && !phonetic) current += tag.textBefore();
		else if (name === 'rPh') phonetic = tag.kind === 'open';
	}
	return strings;
}

/** Number kind (number/date/time) of each cell style of `styles.xml`. */
function readStyleKinds(xml: string): NumberKind[] {
	const formats = new Map<number, string>();
	const kinds: NumberKind[] = [];
	const tag = new XmlScanner(xml);
	let inCellXfs = false;
	while (tag.next()) {
		const name = tag.name;
		if (name === 'numFmt' && tag.kind !== 'close') {
			const id = Number(tag.attr('numFmtId'));
			const code = tag.attr('formatCode');
			if (Number.isInteger(id) && code !== undefined) formats.set(id, code);
		} else if (name === 'cellXfs') inCellXfs = tag.kind === 'open';
		else if (name === 'xf' && inCellXfs && tag.kind !== 'close') {
			const id = Number(tag.attr('numFmtId') ?? 0);
			kinds.push(classifyFormat(id, formats.get(id)));
		}
	}
	return kinds;
}

/** Opens an .xlsx workbook: reads its sheet list, shared strings and styles. Throws ImportError (in French). */
export function openWorkbook(bytes: Uint8Array): Workbook {
	const names = entryNames(bytes);
	const byLowerName = new Map(names.map((n) => [n.toLowerCase().replace(/\\/g, '/'), n]));
	const actual = (path: string) => byLowerName.get(path.toLowerCase());

	const rootRels = actual('_rels/.rels');
	const rootXml = rootRels ? xmlText(inflate(bytes, new Set([rootRels]))[rootRels]) : '';
	const officeDoc = [...readRels(rootXml, '').values()].find((r) => r.type.endsWith('/officeDocument'));
	const workbookPath = actual(officeDoc?.path ?? 'xl/workbook.xml') ?? actual('xl/workbook.xml');
	if (workbookPath === undefined) throw notAWorkbook(names);
	const relsPath = actual(workbookPath.replace(/[^/]*$/, (file) => `_rels/${file}.rels`)) ?? '';
	const parts = inflate(bytes, new Set([workbookPath, relsPath]));
	const rels = readRels(xmlText(parts[relsPath]), workbookPath);

	const sheetPaths = new Map<string, string>();
	let date1904 = false;
	const tag = new XmlScanner(xmlText(parts[workbookPath]));
	while (tag.next()) {
		if (tag.kind === 'close') continue;
		if (tag.name === 'workbookPr') {
			const flag = tag.attr('date1904');
			date1904 = flag === '1' || flag === 'true';
		} else if (tag.name === 'sheet') {
			const name = tag.attr('name');
			const rel = rels.get(tag.attr('id') ?? '');
			const path = rel && !rel.type.endsWith('/chartsheet') ? actual(rel.path) : undefined;
			if (name !== undefined && path !== undefined) sheetPaths.set(name, path);
		}
	}
	if (sheetPaths.size === 0) throw new ImportError(`Le classeur ne contient aucune feuille de calcul lisible : ${RESAVE}`);

	const relTarget = (suffix: string, fallback: string) =>
		actual([...rels.values()].find((r) => r.type.endsWith(suffix))?.path ?? fallback);
	const stringsPath = relTarget('/sharedStrings', 'xl/sharedStrings.xml');
	const stylesPath = relTarget('/styles', 'xl/styles.xml');
	const shared = inflate(bytes, new Set([stringsPath, stylesPath].filter((p): p is string => p !== undefined)));
	const ctx: SheetContext = {
		sharedStrings: stringsPath ? readSharedStrings(xmlText(shared[stringsPath])) : [],
		styleKinds: stylesPath ? readStyleKinds(xmlText(shared[stylesPath])) : [],
		date1904
	};

	return {
		sheets: [...sheetPaths.keys()],
		readSheet(name, onProgress) {
			const path = sheetPaths.get(name);
			if (path === undefined) {
				throw new ImportError(`La feuille « ${name} » n’existe pas dans ce classeur (feuilles : ${[...sheetPaths.keys()].join(', ')}).`);
			}
			const xml = inflate(bytes, new Set([path]))[path];
			return xml ? parseSheetXml(xml, ctx, onProgress) : null;
		}
	};
}

/** Names of the worksheets of an .xlsx workbook, in order. Throws ImportError (in French). */
export function listSheets(bytes: Uint8Array): string[] {
	return openWorkbook(bytes).sheets;
}

/**
 * Reads one worksheet as a text table: header = first non-blank row,
 * `lines` = Excel row numbers, dates as `YYYY-MM-DD` (with ` HH:MM:SS` when
 * they carry a time), numbers with `.` decimals, booleans `true`/`false`,
 * empty cells ''. Throws ImportError for an unknown or empty sheet.
 */
export function readSheet(bytes: Uint8Array, sheet: string, onProgress?: (rowsRead: number) => void): TextSource {
	const table = openWorkbook(bytes).readSheet(sheet, onProgress);
	if (table === null) throw new ImportError(`La feuille « ${sheet} » est vide : aucune cellule à importer.`);
	return table;
}
