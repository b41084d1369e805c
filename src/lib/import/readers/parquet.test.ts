import { beforeAll, describe, expect, it } from 'vitest';
import { Bool, DateDay, Float64, Int32, Int64, Table, TimestampMillisecond, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { createNodeEngine } from '../../db/node-engine';
import { ImportError } from '../decode';
import { readParquet, type ParquetModule } from './parquet';
import { loadParquetModule } from './parquet-node';

interface ParquetWriter {
	Table: { fromIPCStream(ipc: Uint8Array): unknown };
	writeParquet(table: unknown): Uint8Array;
}

let parquet: ParquetModule;
let sample: Uint8Array;

/** A small Parquet file written by parquet-wasm from an Arrow table: dates, integers, text, nulls. */
function writeSample(writer: ParquetWriter): Uint8Array {
	const table = new Table({
		id_personne: vectorFromArray(['P1', 'P2', null, 'Païta « é »'], new Utf8()),
		annee: vectorFromArray([1990, null, 2001, 1975], new Int32()),
		compteur: vectorFromArray([1n, 2n ** 40n, null, -5n], new Int64()),
		date_entree: vectorFromArray(
			[new Date('2024-01-02T00:00:00Z'), null, new Date('1999-12-31T00:00:00Z'), new Date('2023-03-15T00:00:00Z')],
			new DateDay()
		),
		horodatage: vectorFromArray([new Date('2024-01-02T10:30:00Z'), null, null, null], new TimestampMillisecond()),
		montant: vectorFromArray([1.5, 0.1, null, -2], new Float64()),
		actif: vectorFromArray([true, false, null, true], new Bool())
	});
	return writer.writeParquet(writer.Table.fromIPCStream(tableToIPC(table, 'stream')));
}

beforeAll(async () => {
	parquet = await loadParquetModule();
	sample = writeSample(parquet as unknown as ParquetWriter);
});

describe('lecteur Parquet', () => {
	it('donne les noms de colonnes et le nombre de lignes du schéma Arrow', () => {
		const source = readParquet(sample, parquet);
		expect(source.kind).toBe('arrow');
		expect(source.header).toEqual(['id_personne', 'annee', 'compteur', 'date_entree', 'horodatage', 'montant', 'actif']);
		expect(source.rowCount).toBe(4);
	});

	it('s’insère dans DuckDB (Node) avec les bonnes valeurs, lues en texte comme le fait le chargeur', async () => {
		const engine = await createNodeEngine();
		await engine.insertArrowIPC('raw_parquet', readParquet(sample, parquet).ipc!, true);
		const rows = await engine.query(
			`SELECT CAST(id_personne AS VARCHAR) AS id, CAST(annee AS VARCHAR) AS annee, CAST(compteur AS VARCHAR) AS compteur,
			        CAST(date_entree AS VARCHAR) AS date_entree, CAST(horodatage AS VARCHAR) AS horodatage,
			        CAST(montant AS VARCHAR) AS montant, CAST(actif AS VARCHAR) AS actif
			 FROM raw_parquet`
		);
		expect(rows).toEqual([
			{ id: 'P1', annee: '1990', compteur: '1', date_entree: '2024-01-02', horodatage: '2024-01-02 10:30:00', montant: '1.5', actif: 'true' },
			{ id: 'P2', annee: null, compteur: '1099511627776', date_entree: null, horodatage: null, montant: '0.1', actif: 'false' },
			{ id: null, annee: '2001', compteur: null, date_entree: '1999-12-31', horodatage: null, montant: null, actif: null },
			{ id: 'Païta « é »', annee: '1975', compteur: '-5', date_entree: '2023-03-15', horodatage: null, montant: '-2.0', actif: 'true' }
		]);
	});

	it('refuse en français un fichier endommagé ou tronqué', () => {
		const truncated = sample.subarray(0, sample.length - 20);
		expect(() => readParquet(truncated, parquet)).toThrow(ImportError);
		expect(() => readParquet(truncated, parquet)).toThrow(/Le fichier Parquet est endommagé ou incomplet/);
		const garbage = new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 4, 0x50, 0x41, 0x52, 0x31]);
		expect(() => readParquet(garbage, parquet)).toThrow(/endommagé ou incomplet/);
	});
});
