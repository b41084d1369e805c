/**
 * Coded columns (import/column-codes): text columns with few distinct values
 * cross from the import worker as integer codes plus a dictionary. Their
 * values decode back exactly, and an import read through the worker (a
 * Parquet file's columns coded) gives the same tables, rejected rows and
 * warnings as the same files read as text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DataType, Dictionary, Int32, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { ByteDictionary, TableCoder } from '../../src/lib/import/column-codes';
import { handleReadRequest } from '../../src/lib/import/worker-protocol';
import { RawRows } from '../../src/lib/import/raw-rows';
import { readFile, type ReadFileOptions } from '../../src/lib/import/read-file';
import type { ParquetModule } from '../../src/lib/import/readers/parquet';
import { importFiles } from '../../src/lib/import/import-files';
import { newPseudonymKey, pseudonymiser } from '../../src/lib/import/pseudonym';
import { loadParquetModule } from '../../src/lib/import/readers/parquet-node';
import type { ReadResult } from '../../src/lib/import/source';
import type { Engine } from '../../src/lib/db/engine';
import { TABLES } from '../../src/lib/model/schema';
import { emptyEngine, FIXTURES } from './engine-helpers';
import { IdentifierWork, type IdentifierColumns } from '../../src/lib/import/identifiers';
import { EMPTY_PROFILE } from '../../src/lib/import/mapping';

const encoder = new TextEncoder();

/** Decodes a coded piece back to text with the coder's dictionaries. */
function decodePiece(ipc: Uint8Array, dictionaries: Record<string, Uint8Array>): Record<string, (string | null)[]> {
	const table = tableFromIPC(ipc);
	const out: Record<string, (string | null)[]> = {};
	for (const field of table.schema.fields) {
		const column = Array.from({ length: table.numRows }, (_, i) => table.getChild(field.name)!.get(i));
		const dict = dictionaries[field.name];
		if (!dict) out[field.name] = column.map((v) => (v === null ? null : String(v)));
		else {
			const entries = tableFromIPC(dict).getChild('v')!;
			out[field.name] = column.map((k) => (k === null ? null : entries.get(k as number)));
		}
	}
	return out;
}

describe('ByteDictionary', () => {
	it('gives each distinct byte string one code, in order of first sight, across growth', () => {
		const dict = new ByteDictionary();
		const words = Array.from({ length: 5000 }, (_, i) => `v${i % 1700}é`);
		const codes = words.map((w) => {
			const b = encoder.encode(`[${w}]`);
			return dict.code(b, 1, b.length - 1);
		});
		expect(dict.size).toBe(1700);
		expect(codes.slice(0, 3)).toEqual([0, 1, 2]);
		expect(codes[1700]).toBe(0);
		expect(Array.from({ length: 1700 }, (_, i) => dict.values().get(i))).toEqual(words.slice(0, 1700));
	});
});

describe('TableCoder', () => {
	it('codes columns with few distinct values, keeps identifiers and non-text columns, and keeps its choice for later pieces', () => {
		const coder = new TableCoder();
		const piece = (from: number, n: number) =>
			tableToIPC(
				new Table({
					id: vectorFromArray(Array.from({ length: n }, (_, i) => `A${from + i}`), new Utf8()),
					dispositif: vectorFromArray(Array.from({ length: n }, (_, i) => (i % 5 === 4 ? null : ['jeunes', 'long', ' jeunes'][i % 3])), new Utf8()),
					code: vectorFromArray(Array.from({ length: n }, (_, i) => ['x', 'y'][i % 2]), new Dictionary(new Utf8(), new Int32())),
					n: vectorFromArray(Int32Array.from({ length: n }, (_, i) => i % 2))
				}),
				'stream'
			);
		const first = coder.encode(piece(0, 10_000));
		const second = coder.encode(piece(10_000, 7));
		const types = (ipc: Uint8Array) => tableFromIPC(ipc).schema.fields.map((f) => String(f.type));
		expect(types(first)).toEqual(['Utf8', 'Int32', 'Int32', 'Int32']);
		expect(types(second)).toEqual(types(first));
		const dictionaries = coder.dictionaries();
		expect(Object.keys(dictionaries)).toEqual(['dispositif', 'code']);
		const rows = decodePiece(second, dictionaries);
		expect(rows.dispositif).toEqual(['jeunes', 'long', ' jeunes', 'jeunes', null, ' jeunes', 'jeunes']);
		expect(rows.code).toEqual(['x', 'y', 'x', 'y', 'x', 'y', 'x']);
		expect(rows.id[0]).toBe('A10000');
	});

	it('decodes back to the same values, for text and dictionary columns (generated)', () => {
		const value = fc.oneof(
			fc.constantFrom(null, '', ' ', '\u00a0x', 'é', 'E\u0301', '😀', 'Nouméa', 'NOUMEA'),
			fc.string({ maxLength: 3 })
		);
		fc.assert(
			fc.property(fc.array(value, { minLength: 1, maxLength: 200 }), fc.boolean(), (values, dictionaryInput) => {
				const repeated = [...values, ...values, ...values];
				const type = dictionaryInput ? new Dictionary(new Utf8(), new Int32()) : new Utf8();
				const coder = new TableCoder();
				const ipc = coder.encode(tableToIPC(new Table({ v: vectorFromArray(repeated, type) }), 'stream'));
				const coded = DataType.isInt(tableFromIPC(ipc).schema.fields[0].type);
				const back = decodePiece(ipc, coder.dictionaries()).v;
				expect(back).toEqual(repeated);
				return coded || new Set(repeated).size * 2 > repeated.length;
			}),
			{ numRuns: 300 }
		);
	});
});

type ParquetSource = ReadFileOptions['parquet'];

/**
 * parquet-wasm, except that the file `bytes` decodes to `table` as is: Arrow
 * dictionaries keep entries of no row (parquet-wasm's round trip drops them).
 */
async function parquetServing(bytes: Uint8Array, table: Table): Promise<ParquetModule> {
	const real = await loadParquetModule();
	return {
		readParquet: (file, options) =>
			file.length === bytes.length && file.every((b, i) => b === bytes[i])
				? { intoIPCStream: () => tableToIPC(options?.offset ? table.slice(0, 0) : table, 'stream') }
				: real.readParquet(file, options)
	};
}

/**
 * Reads a file as the page does: in the worker protocol (coded pieces), its rows put into DuckDB by RawRows;
 * with `early`, the identifier work done while it is read, with that key (see import/identifiers).
 */
async function readThroughWorker(engine: Engine, fileName: string, bytes: Uint8Array, parquet: ParquetSource, early?: Uint8Array): Promise<ReadResult> {
	const raw = new RawRows(engine);
	let result: ReadResult | undefined;
	let work: { columns: IdentifierColumns; work: IdentifierWork } | undefined;
	await handleReadRequest(
		{ fileName, bytes: bytes.slice().buffer as ArrayBuffer, ...(early ? { profile: EMPTY_PROFILE } : {}) },
		(message) => {
			if (message.type === 'rows') raw.add(message.table, message.ipc, message.firstLine);
			else if (message.type === 'identifiers') work = { columns: message.columns, work: new IdentifierWork(early!, message.columns) };
			else if (message.type === 'ids') work!.work.add(tableFromIPC(message.ipc));
			else if (message.type === 'done') {
				const identifiers = work && { pseudonymKey: early!, columns: work.columns, result: Promise.resolve(work.work.finish()) };
				result = raw.attach(message.result, identifiers);
			} else if (message.type === 'error') throw new Error(message.message);
		},
		parquet
	);
	return result!;
}

/** Every canonical table's rows, in a stable order. */
async function contents(engine: Engine): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const def of Object.values(TABLES)) out[def.name] = await engine.query(`SELECT * FROM ${def.name} ORDER BY ALL`);
	return out;
}

describe('an import read through the worker (coded columns)', () => {
	it('gives the tables, rejected rows and warnings of the same files read as text', async () => {
		const dir = join(FIXTURES, 'export-brut');
		const files: [string, Uint8Array][] = readdirSync(dir)
			.filter((f) => f.endsWith('.csv'))
			.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]);
		// A Parquet file with rejected rows and warnings, its text columns as dictionaries (as Arrow writers give them).
		const n = 2000;
		const parcours = {
			id_parcours: Array.from({ length: n }, (_, i) => `Q${i === n - 1 ? 5 : i}`),
			id_personne: Array.from({ length: n }, (_, i) => (i % 7 === 6 ? 'X9' : `IND-000${(i % 6) + 1}`)),
			dispositif: Array.from({ length: n }, (_, i) => ['Accompagnement long', 'jeunes', 'inconnu', null, 'JEUNES'][i % 5]),
			commune_suivi: Array.from({ length: n }, (_, i) => ['98818', 'NOUMEA', 'Atlantide'][i % 3]),
			date_entree: Array.from({ length: n }, (_, i) => ['03/02/2024', '2024-05-06', 'bientôt', ''][i % 4]),
			date_sortie: Array.from({ length: n }, (_, i) => ['', '2024-01-01', '2024-12-31', '31/12/2024', '', '', ''][i % 7]),
			motif_sortie: Array.from({ length: n }, (_, i) => ['cdi', '', 'autre chose', '', '', 'CDI', '', '', '', '', ''][i % 11])
		};
		const writer = (await loadParquetModule()) as unknown as { Table: { fromIPCStream(b: Uint8Array): unknown }; writeParquet(t: unknown): Uint8Array };
		const columns = Object.fromEntries(Object.entries(parcours).map(([k, v]) => [k, vectorFromArray(v, new Dictionary(new Utf8(), new Int32()))]));
		// A dictionary entry of no row (as a writer may keep one): its code is a gap in the lookup.
		columns.commune_suivi = vectorFromArray(['98800', ...parcours.commune_suivi], new Dictionary(new Utf8(), new Int32())).slice(1);
		const table = new Table(columns);
		const parquetBytes = writer.writeParquet(writer.Table.fromIPCStream(tableToIPC(table, 'stream')));
		files.push(['parcours-2.parquet', parquetBytes]);
		const parquet = await parquetServing(parquetBytes, table);

		const key = newPseudonymKey();
		const asText = await emptyEngine();
		const textReads = await Promise.all(files.map(([f, b]) => readFile(f, b, { parquet })));
		const expected = await importFiles(asText, textReads, { pseudonym: pseudonymiser(key) });

		// Coded columns cast through hash joins (a small import), then through lists (as a large one is); then with the
		// identifier work done during the read, with the import's key (used), and with another key (not used).
		const variants: { listLookupRows?: number; early?: Uint8Array }[] = [{}, { listLookupRows: 0 }, { early: key }, { listLookupRows: 0, early: newPseudonymKey() }];
		for (const { listLookupRows, early } of variants) {
			const coded = await emptyEngine();
			const workerReads: ReadResult[] = [];
			for (const [f, b] of files) workerReads.push(await readThroughWorker(coded, f, b, parquet, early));
			const codedSources = workerReads.flatMap((r) => r.tables.map((t) => (t.source.kind === 'arrow' ? Object.keys(t.source.staged?.codes ?? {}) : [])));
			expect(codedSources).toEqual([[], [], [], ['id_personne', 'dispositif', 'commune_suivi', 'date_entree', 'date_sortie', 'motif_sortie']]);
			const actual = await importFiles(coded, workerReads, { pseudonym: pseudonymiser(key), listLookupRows });

			const messy = actual.report.tables.find((t) => t.fichier === 'parcours-2.parquet')!;
			expect(messy.lignes_lues).toBe(n);
			expect(messy.lignes_chargees).toBeGreaterThan(200);
			expect(messy.avertissements.map((w) => w.probleme)).toEqual(
				expect.arrayContaining(['code inconnu', 'commune non reconnue', 'motif de sortie inconnu : catégorie non déduite', 'sortie sans motif ni catégorie'])
			);
			expect(actual.report).toEqual(expected.report);
			expect(await contents(coded)).toEqual(await contents(asText));
			const leftovers = await coded.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'raw%' OR table_name LIKE 'stg%' OR table_name LIKE 'chk%'");
			expect(leftovers).toEqual([]);
		}
	});

	it('skips the search for repeated keys only when the read found none, with the same rows loaded and rejected', async () => {
		const key = newPseudonymKey();
		const csv = (ids: string[]) =>
			new TextEncoder().encode(['id_parcours;id_personne;date_entree', ...ids.map((id, i) => `${id};P${i % 3};0${(i % 9) + 1}/02/2024`)].join('\n'));
		for (const [ids, searched] of [
			[['PA1', 'PA2', 'PA3', 'PA4'], false],
			[['PA1', 'PA2', ' PA1', 'PA4'], true]
		] as const) {
			const textEngine = await emptyEngine();
			const expected = { engine: textEngine, ...(await importFiles(textEngine, [await readFile('parcours.csv', csv([...ids]))], { pseudonym: pseudonymiser(key) })) };
			const engine = await emptyEngine();
			const statements: string[] = [];
			const exec = engine.exec.bind(engine);
			engine.exec = (sql) => (statements.push(sql), exec(sql));
			const read = await readThroughWorker(engine, 'parcours.csv', csv([...ids]), undefined, key);
			// The pseudonyms come from the read: the import computes none.
			const pseudonym = { ...pseudonymiser(key), mapIds: () => Promise.reject(new Error('calculés pendant la lecture')) };
			const actual = await importFiles(engine, [read], { pseudonym });
			expect(actual.report).toEqual(expected.report);
			expect(await engine.query('SELECT * FROM parcours ORDER BY ALL')).toEqual(await expected.engine.query('SELECT * FROM parcours ORDER BY ALL'));
			expect(statements.some((sql) => /CREATE OR REPLACE TEMP TABLE "[^"]*__doublons"/.test(sql))).toBe(searched);
		}
		const rejected = (await importFiles(await emptyEngine(), [await readFile('parcours.csv', csv(['PA1', ' PA1']))], { pseudonym: pseudonymiser(key) })).report;
		expect(rejected.tables[0].motifs_rejet).toEqual({ 'identifiant en double': 1 });
	});
});
