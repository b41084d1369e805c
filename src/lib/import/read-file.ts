/**
 * Reads any supported export (CSV/TSV, .xlsx, JSON, Parquet) into tables,
 * choosing the reader from the file's first bytes, then from its extension.
 * Everything that stops a file is an ImportError with a French message; the
 * same function runs in the import worker, in Node (CLI, tests) and in the page.
 */
import { decodeText, ImportError, sniffBinaryFormat, toUtf8, type DecodedText } from './decode';
import { parseCsvBytes, sniffDialect, type CsvDialect } from './csv';
import { bytesToArrow } from './arrow-staging';
import type { ReadResult, ReadTable } from './source';
import { readJson } from './readers/json';
import { readParquet, type OnParquetRows, type ParquetModule } from './readers/parquet';
import { openWorkbook } from './readers/xlsx';

export interface ReadFileOptions {
	/** Called while reading with the number of rows read so far (about every 50,000), and once at the end. */
	onProgress?(rowsRead: number): void;
	/** Parquet: receives each piece of rows as soon as it is decoded (see OnParquetRows); the source then carries no IPC. */
	onRows?: OnParquetRows;
	/** parquet-wasm, or a function loading it (so it is fetched only when a Parquet file comes). */
	parquet?: ParquetModule | (() => Promise<ParquetModule>);
}

const EXPORT_AGAIN = 'enregistrez le classeur au format .xlsx ou CSV.';

/** Lower-case extension of a file name, without the dot ('' when none). */
function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

function rowCount(tables: ReadTable[]): number {
	return tables.reduce((n, t) => n + (t.source.kind === 'text' ? t.source.lines.length : t.source.rowCount), 0);
}

/** A CSV as an Arrow source, parsed from its UTF-8 bytes (re-encoded first when the file is not UTF-8). */
function readCsv(fileName: string, file: Uint8Array, extension: string, opts: ReadFileOptions): ReadResult {
	const { bytes, encoding } = toUtf8(file);
	const head = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
	if (extension === 'xls' && head.trimStart().startsWith('<')) {
		throw new ImportError(`Ce fichier .xls est en réalité une page web ou un XML Excel 2003 : ouvrez-le dans Excel et ${EXPORT_AGAIN}`);
	}
	const dialect: CsvDialect = extension === 'tsv' ? { delimiter: '\t', quote: '"' } : sniffDialect(head);
	const parsed = parseCsvBytes(bytes, dialect, { onProgress: opts.onProgress });
	return { fileName, format: 'csv', tables: [{ source: bytesToArrow(parsed) }], encoding, delimiter: dialect.delimiter };
}

function readJsonText(fileName: string, { text, encoding }: DecodedText): ReadResult {
	return { fileName, format: 'json', tables: readJson(text), encoding };
}

function readXlsx(fileName: string, bytes: Uint8Array, opts: ReadFileOptions): ReadResult {
	const workbook = openWorkbook(bytes);
	const tables: ReadTable[] = [];
	let before = 0;
	for (const sheet of workbook.sheets) {
		const source = workbook.readSheet(sheet, opts.onProgress && ((rows) => opts.onProgress!(before + rows)));
		if (source === null) continue;
		tables.push({ part: sheet, source });
		before += source.lines.length;
	}
	if (tables.length === 0) throw new ImportError('Le classeur ne contient aucune donnée : toutes ses feuilles sont vides.');
	return { fileName, format: 'xlsx', tables };
}

async function readParquetFile(fileName: string, bytes: Uint8Array, opts: ReadFileOptions): Promise<ReadResult> {
	if (!opts.parquet) throw new ImportError('La lecture des fichiers Parquet n’est pas disponible ici : exportez le fichier en CSV.');
	const parquet = typeof opts.parquet === 'function' ? await opts.parquet() : opts.parquet;
	return { fileName, format: 'parquet', tables: [{ source: readParquet(bytes, parquet, opts.onRows) }] };
}

async function dispatch(fileName: string, bytes: Uint8Array, opts: ReadFileOptions): Promise<ReadResult> {
	const extension = extensionOf(fileName);
	if (bytes.length === 0) throw new ImportError('Le fichier est vide (0 octet) : il n’y a rien à importer.');
	switch (sniffBinaryFormat(bytes)) {
		case 'xlsx':
			return readXlsx(fileName, bytes, opts);
		case 'parquet':
			return readParquetFile(fileName, bytes, opts);
		case 'xls':
			if (extension === 'xlsx' || extension === 'xlsm') {
				throw new ImportError(`Ce classeur est protégé par un mot de passe (chiffré) : ouvrez-le dans Excel, retirez le mot de passe et ${EXPORT_AGAIN}`);
			}
			throw new ImportError(`Ancien format Excel (.xls) : ${EXPORT_AGAIN}`);
		case 'pdf':
			throw new ImportError('Ce fichier est un PDF : ses tableaux ne peuvent pas être lus. Exportez les données depuis le logiciel d’origine au format CSV ou .xlsx.');
	}
	switch (extension) {
		case 'xlsx':
		case 'xlsm':
			throw new ImportError(`Ce fichier porte l’extension .${extension} mais n’est pas un classeur Excel valide : ${EXPORT_AGAIN}`);
		case 'parquet':
			throw new ImportError('Ce fichier porte l’extension .parquet mais n’est pas un fichier Parquet valide (signature PAR1 absente).');
		case 'json':
		case 'jsonl':
		case 'ndjson':
			return readJsonText(fileName, decodeText(bytes));
		case 'csv':
		case 'tsv':
		case 'txt':
		case 'xls':
			return readCsv(fileName, bytes, extension, opts);
	}
	const first = decodeText(bytes.subarray(0, 4096)).text.trimStart()[0];
	return first === '[' || first === '{' ? readJsonText(fileName, decodeText(bytes)) : readCsv(fileName, bytes, extension, opts);
}

/**
 * Reads one file into its tables (one for a CSV, one per non-empty sheet of
 * a workbook, one per list of a JSON object). A CSV with a header and no
 * record gives a table of zero rows: the loader says so. Throws ImportError
 * (in French) for an empty, binary, PDF, old-Excel, damaged or too large file
 * and for a CSV with an unclosed quote.
 */
export async function readFile(fileName: string, bytes: Uint8Array, opts: ReadFileOptions = {}): Promise<ReadResult> {
	try {
		const result = await dispatch(fileName, bytes, opts);
		opts.onProgress?.(rowCount(result.tables));
		return result;
	} catch (error) {
		if (error instanceof RangeError) {
			throw new ImportError(
				`Le fichier « ${fileName} » est trop volumineux pour la mémoire disponible : découpez-le (par année, par exemple) ou exportez-le en Parquet. Les données déjà chargées sont conservées.`
			);
		}
		throw error;
	}
}
