/**
 * Turns file bytes into text: detects UTF-8 (with or without BOM), UTF-16 (BOM)
 * and Windows-1252, and refuses binary files with a French message.
 */

export type TextEncodingName = 'utf-8' | 'utf-8 (BOM)' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
	text: string;
	encoding: TextEncodingName;
}

/** A problem that stops a file's import; the message is for the user, in French. */
export class ImportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportError';
	}
}

function looksBinary(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 8192);
	let control = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i];
		if (b === 0) return true;
		if (b < 9 || (b > 13 && b < 32)) control++;
	}
	return control > n * 0.05;
}

/** Magic numbers of formats a user may drop by mistake or on purpose. */
export function sniffBinaryFormat(bytes: Uint8Array): 'xlsx' | 'parquet' | 'xls' | 'pdf' | null {
	const head = (n: number) => Array.from(bytes.subarray(0, n));
	if (bytes.length >= 4 && head(4).join() === [0x50, 0x4b, 0x03, 0x04].join()) return 'xlsx';
	if (bytes.length >= 4 && String.fromCharCode(...head(4)) === 'PAR1') return 'parquet';
	if (bytes.length >= 4 && head(4).join() === [0xd0, 0xcf, 0x11, 0xe0].join()) return 'xls';
	if (bytes.length >= 4 && String.fromCharCode(...head(4)) === '%PDF') return 'pdf';
	return null;
}

/** Characters of Windows-1252 bytes 0x80–0x9F (WHATWG index; undefined bytes keep their C1 code). */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Windows-1252 text. Node 20's TextDecoder('windows-1252') decodes as Latin-1 (seen on 20.20: byte
 * 0x80 gives U+0080, not €), so map 0x80–0x9F ourselves; browsers already do it right.
 */
function decodeWindows1252(bytes: Uint8Array): string {
	const text = new TextDecoder('windows-1252').decode(bytes);
	return /[\x80-\x9f]/.test(text) ? text.replace(/[\x80-\x9f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]) : text;
}

/** The encoding a byte-order mark announces, if any. */
function bomEncoding(bytes: Uint8Array): 'utf-8 (BOM)' | 'utf-16le' | 'utf-16be' | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8 (BOM)';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

function refuseEmptyOrBinary(bytes: Uint8Array): void {
	if (bytes.length === 0) throw new ImportError('Le fichier est vide (0 octet) : il n’y a rien à importer.');
	if (bomEncoding(bytes) === null && looksBinary(bytes)) {
		throw new ImportError(
			'Ce fichier n’est pas un fichier texte (CSV) : il contient des données binaires. ' +
				'Exportez-le en CSV, ou déposez-le tel quel s’il s’agit d’un classeur .xlsx ou d’un fichier Parquet.'
		);
	}
}

function isAscii(bytes: Uint8Array): boolean {
	let any = 0;
	for (let i = 0; i < bytes.length; i++) any |= bytes[i];
	return any < 0x80;
}

/** Decodes a text file, detecting its encoding. Throws ImportError for empty or binary files. */
export function decodeText(bytes: Uint8Array): DecodedText {
	refuseEmptyOrBinary(bytes);
	const bom = bomEncoding(bytes);
	if (bom === 'utf-8 (BOM)') return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: bom };
	if (bom) return { text: new TextDecoder(bom).decode(bytes.subarray(2)), encoding: bom };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
	}
}

/**
 * The same detection as {@link decodeText}, giving UTF-8 bytes (without BOM)
 * instead of a string: a UTF-8 file is used as is, without decoding it.
 */
export function toUtf8(bytes: Uint8Array): { bytes: Uint8Array; encoding: TextEncodingName } {
	refuseEmptyOrBinary(bytes);
	const bom = bomEncoding(bytes);
	if (bom === 'utf-8 (BOM)') return { bytes: bytes.subarray(3), encoding: bom };
	if (bom === null && isAscii(bytes)) return { bytes, encoding: 'utf-8' };
	const { text, encoding } = decodeText(bytes);
	return { bytes: encoding === 'utf-8' ? bytes : new TextEncoder().encode(text), encoding };
}
