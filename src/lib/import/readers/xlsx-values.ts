/**
 * How an Excel cell value becomes text: numbers as JavaScript writes them,
 * dates (numbers with a date format) as ISO text, so that the cleaning step
 * sees the same thing whether the data came from a CSV or a workbook.
 */

/** What a cell format says about the numbers it shows. */
export type NumberKind = 'number' | 'date' | 'time' | 'elapsed';

/** Built-in format ids that show dates (14–17, 22) or times only (18–21, 45–47). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_TIME_IDS = new Set([18, 19, 20, 21, 32, 33, 45, 47, 55, 56]);
const BUILTIN_ELAPSED_ID = 46; // [h]:mm:ss

/**
 * Classifies a number format: `date` when it shows a day, month or year,
 * `time` when it shows only hours/minutes/seconds, `elapsed` for durations
 * (`[h]:mm`), else `number`.
 * Quoted text, escaped characters and `[…]` blocks (colours, locales) are
 * ignored, except elapsed-time blocks such as `[h]`.
 */
export function classifyFormat(numFmtId: number, formatCode: string | undefined): NumberKind {
	if (formatCode === undefined) {
		if (BUILTIN_DATE_IDS.has(numFmtId)) return 'date';
		if (BUILTIN_TIME_IDS.has(numFmtId)) return 'time';
		return numFmtId === BUILTIN_ELAPSED_ID ? 'elapsed' : 'number';
	}
	const unquoted = formatCode.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/_./g, '');
	const elapsed = /\[(h+|m+|s+)\]/i.test(unquoted);
	const code = unquoted.replace(/\[(h+|m+|s+)\]/gi, '$1').replace(/\[[^\]]*\]/g, '').toLowerCase();
	if (code === 'general' || code.trim() === '') return 'number';
	if (/[dy]/.test(code) || (/m/.test(code) && !/[hs]/.test(code))) return 'date';
	if (/[hs]/.test(code)) return elapsed ? 'elapsed' : 'time';
	return 'number';
}

const DAY_MS = 86_400_000;
/** 1899-12-30, the day before Excel's day 1 once the fictitious 1900-02-29 is accounted for. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const MAX_SERIAL = 2_958_465; // 9999-12-31

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

function isoDate(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function clock(seconds: number): string {
	const h = Math.floor(seconds / 3600);
	return `${pad2(h)}:${pad2(Math.floor((seconds % 3600) / 60))}:${pad2(seconds % 60)}`;
}

/**
 * An Excel serial date as ISO text: `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS`
 * when the value has a time of day (to the second). In the 1900 system,
 * serials before 60 are one day off because Excel counts a 29 February 1900
 * that never existed; serial 60 itself is that day and is returned as
 * `1900-02-29`, as Excel shows it (the cleaning step then rejects it).
 * Returns undefined for values outside Excel's date range.
 */
export function excelSerialToIso(serial: number, date1904 = false): string | undefined {
	if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return undefined;
	let days = Math.floor(serial);
	let seconds = Math.round((serial - days) * 86_400);
	if (seconds >= 86_400) {
		days += 1;
		seconds -= 86_400;
	}
	let day: string;
	if (date1904) day = isoDate(EPOCH_1904 + days * DAY_MS);
	else if (days === 60) day = '1900-02-29';
	else day = isoDate(EPOCH_1900 + (days < 60 ? days + 1 : days) * DAY_MS);
	return seconds === 0 ? day : `${day} ${clock(seconds)}`;
}

/** The time of day (or elapsed time) of a serial as `HH:MM:SS`; hours may exceed 23 for durations. */
export function excelSerialToClock(serial: number): string {
	const seconds = Math.round(Math.abs(serial) * 86_400);
	return (serial < 0 ? '-' : '') + clock(seconds);
}

/**
 * A stored number as text: `.` decimals, no thousands separator, integers
 * without `.0`, rounded to 15 significant digits as Excel shows them
 * (so a stored 0.30000000000000004 reads 0.3).
 */
export function formatExcelNumber(raw: string): string {
	const value = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(value)) return raw.trim();
	// Fewer than 16 characters cannot hold more than 15 significant digits: no rounding needed.
	return String(raw.length <= 15 ? value : Number(value.toPrecision(15)));
}

/** `2024-01-02T10:00:00.000Z` (cells of type `d`) → `2024-01-02 10:00:00`, or the date alone at midnight. */
export function isoCellDate(raw: string): string {
	const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(raw.trim());
	if (!m) return raw.trim();
	if (!m[2] || (m[2] === '00' && m[3] === '00' && (m[4] ?? '00') === '00')) return m[1];
	return `${m[1]} ${m[2]}:${m[3]}:${m[4] ?? '00'}`;
}

/** Column letters of a cell reference (`AB12` → 27); -1 when there are none. */
export function columnIndex(ref: string): number {
	let col = 0;
	let i = 0;
	for (; i < ref.length; i++) {
		const c = ref.charCodeAt(i) | 0x20; // lower case
		if (c < 97 || c > 122) break;
		col = col * 26 + (c - 96);
	}
	return i === 0 ? -1 : col - 1;
}

/** Column letters of a 0-based index (27 → `AB`), for naming untitled columns. */
export function columnLetters(index: number): string {
	let s = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** Undoes Excel's `_xHHHH_` escaping of control characters in strings. */
export function unescapeExcelString(s: string): string {
	return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
