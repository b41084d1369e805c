/**
 * Reads the cells of one worksheet (`xl/worksheets/sheetN.xml`) into text
 * columns. The XML is decoded and scanned in slices cut between rows, so a
 * sheet of a million rows never has to exist as one JavaScript string.
 */
import type { TextSource } from '../source';
import { XmlScanner } from './xml-scan';
import {
	columnIndex,
	columnLetters,
	excelSerialToClock,
	excelSerialToIso,
	formatExcelNumber,
	isoCellDate,
	unescapeExcelString,
	type NumberKind
} from './xlsx-values';

/** What a sheet needs from its workbook to turn cells into text. */
export interface SheetContext {
	sharedStrings: string[];
	/** Number kind of each cell style (index = the cell's `s` attribute). */
	styleKinds: NumberKind[];
	date1904: boolean;
}

const SLICE_BYTES = 16 * 1024 * 1024;
const PROGRESS_EVERY = 50_000;
const ROW_CLOSE = [0x72, 0x6f, 0x77]; // "row"

/** Index just after the first `</row>` (or `</x:row>`) ending at or after `from`; the length when none. */
function afterRowClose(bytes: Uint8Array, from: number): number {
	let gt = bytes.indexOf(0x3e, from);
	while (gt >= 0) {
		if (bytes[gt - 3] === ROW_CLOSE[0] && bytes[gt - 2] === ROW_CLOSE[1] && bytes[gt - 1] === ROW_CLOSE[2]) {
			let i = gt - 4;
			if (bytes[i] === 0x3a /* : */) while (i > from && bytes[i] !== 0x2f /* / */ && bytes[i] !== 0x3c) i--;
			if (bytes[i] === 0x2f && bytes[i - 1] === 0x3c) return gt + 1;
		}
		gt = bytes.indexOf(0x3e, gt + 1);
	}
	return bytes.length;
}

/** The sheet XML as strings cut between rows (cuts fall on ASCII, so never inside a UTF-8 character). */
function* xmlSlices(bytes: Uint8Array): Generator<string> {
	const decoder = new TextDecoder('utf-8');
	for (let start = 0; start < bytes.length; ) {
		const end = bytes.length - start > SLICE_BYTES ? afterRowClose(bytes, start + SLICE_BYTES) : bytes.length;
		yield decoder.decode(bytes.subarray(start, end));
		start = end;
	}
}

/** Text of a cell from its type (`t`), style kind and raw `<v>` (or inline) text. */
function cellText(type: string, raw: string, kind: NumberKind, ctx: SheetContext): string {
	switch (type) {
		case 's':
			return raw === '' ? '' : (ctx.sharedStrings[Number(raw)] ?? '');
		case 'str':
		case 'inlineStr':
			return unescapeExcelString(raw);
		case 'b':
			return raw === '' ? '' : raw.trim() === '0' || raw.trim() === 'false' ? 'false' : 'true';
		case 'e':
			return raw;
		case 'd':
			return isoCellDate(raw);
		default: {
			if (raw === '') return '';
			if (kind !== 'number') {
				const serial = Number(raw);
				if (kind === 'elapsed' || (kind === 'time' && serial < 1)) return excelSerialToClock(serial);
				const iso = excelSerialToIso(serial, ctx.date1904);
				if (iso !== undefined) return iso;
			}
			return formatExcelNumber(raw);
		}
	}
}

/** Builds text columns row by row; rows before the header and blank rows are not data. */
class SheetTable {
	header: string[] | null = null;
	headerRow = 0;
	columns: string[][] = [];
	lines: number[] = [];
	blankLines = 0;
	private rowValues: (string | undefined)[] = [];
	private touched: number[] = [];
	private lastRow = 0;

	constructor(private readonly onProgress?: (rowsRead: number) => void) {}

	set(col: number, value: string): void {
		if (value === '' || col < 0) return;
		if (this.rowValues[col] === undefined) this.touched.push(col);
		this.rowValues[col] = value;
	}

	endRow(row: number): void {
		const touched = this.touched;
		let blank = true;
		for (let k = 0; k < touched.length && blank; k++) blank = this.rowValues[touched[k]]!.trim() === '';
		if (this.header !== null) this.blankLines += Math.max(0, row - this.lastRow - 1);
		this.lastRow = row;
		if (blank) {
			if (this.header !== null) this.blankLines++;
		} else if (this.header === null) {
			this.header = [];
			for (const c of touched) this.header[c] = this.rowValues[c]!.trim();
			this.headerRow = row;
		} else {
			const rowIndex = this.lines.length;
			for (const c of touched) {
				while (this.columns.length <= c) this.columns.push([]);
			}
			const values = this.rowValues;
			const columns = this.columns;
			for (let c = 0; c < columns.length; c++) {
				const column = columns[c];
				while (column.length < rowIndex) column.push('');
				column.push(values[c] ?? '');
			}
			this.lines.push(row);
			if (this.onProgress && this.lines.length % PROGRESS_EVERY === 0) this.onProgress(this.lines.length);
		}
		for (const c of touched) this.rowValues[c] = undefined;
		touched.length = 0;
	}

	/** Keeps the columns that have a header or a value; names untitled ones after their letter. */
	result(): TextSource | null {
		if (this.header === null) return null;
		const width = Math.max(this.header.length, this.columns.length);
		const rows = this.lines.length;
		const header: string[] = [];
		const columns: string[][] = [];
		for (let c = 0; c < width; c++) {
			const name = this.header[c] ?? '';
			const values = this.columns[c];
			const hasValue = values !== undefined && values.some((v) => v !== '');
			if (name === '' && !hasValue) continue;
			const column = values ?? [];
			while (column.length < rows) column.push('');
			header.push(name === '' ? `Colonne ${columnLetters(c)}` : name);
			columns.push(column);
		}
		return { kind: 'text', header, columns, lines: this.lines, malformed: [], blankLines: this.blankLines };
	}
}

/**
 * Reads a worksheet's XML into a text table: header = first non-blank row,
 * `lines` = Excel row numbers, every cell as text. Returns null when the
 * sheet has no non-blank row.
 */
export function parseSheetXml(
	bytes: Uint8Array,
	ctx: SheetContext,
	onProgress?: (rowsRead: number) => void
): TextSource | null {
	const table = new SheetTable(onProgress);
	let row = 0;
	let inRow = false;
	let col = -1;
	let type = 'n';
	let kind: NumberKind = 'number';
	let raw = '';
	let inInline = false;
	let inPhonetic = false;

	for (const xml of xmlSlices(bytes)) {
		const tag = new XmlScanner(xml);
		while (tag.next()) {
			const name = tag.name;
			if (name === 'c') {
				if (tag.kind === 'close') {
					table.set(col, cellText(type, raw, kind, ctx));
					continue;
				}
				const ref = tag.attr('r');
				const refCol = ref === undefined ? -1 : columnIndex(ref);
				col = refCol >= 0 ? refCol : col + 1;
				type = tag.attr('t') ?? 'n';
				const style = tag.attr('s');
				kind = style === undefined ? 'number' : (ctx.styleKinds[Number(style)] ?? 'number');
				raw = '';
			} else if (name === 'v') {
				if (tag.kind === 'close') raw = tag.textBefore();
			} else if (name === 't') {
				if (tag.kind === 'close' && inInline && !inPhonetic) raw += tag.textBefore();
			} else if (name === 'is') {
				inInline = tag.kind === 'open';
			} else if (name === 'rPh') {
				inPhonetic = tag.kind === 'open';
			} else if (name === 'row') {
				if (tag.kind === 'close') {
					if (inRow) table.endRow(row);
					inRow = false;
					continue;
				}
				const r = Number(tag.attr('r'));
				row = Number.isInteger(r) && r > 0 ? r : row + 1;
				col = -1;
				inRow = true;
				if (tag.kind === 'empty') {
					table.endRow(row);
					inRow = false;
				}
			}
		}
	}
	return table.result();
}
