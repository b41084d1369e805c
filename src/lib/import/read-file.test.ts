import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { Int32, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { ImportError } from './decode';
import { readFile } from './read-file';
import { loadParquetModule } from './readers/parquet-node';
import type { SourceTable, TextSource } from './source';
import { buildXlsx, inlineCell, numberCell } from '../../../tests/fixtures/import/xlsx-builder';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** A read table's header, text columns and line numbers, whichever kind of source the reader gave. */
function text(r: { tables: { source: SourceTable }[] }, i = 0): Pick<TextSource, 'header' | 'columns' | 'lines'> {
	const source = r.tables[i].source;
	if (source.kind === 'text') return source;
	const table = tableFromIPC(source.ipc);
	const values = (name: string) => [...(table.getChild(name) ?? [])] as unknown[];
	return {
		header: source.header,
		columns: source.header.map((h) => values(h) as string[]),
		lines: source.lineColumn ? (values(source.lineColumn) as number[]) : []
	};
}

async function importError(fileName: string, bytes: Uint8Array): Promise<string> {
	try {
		await readFile(fileName, bytes, { parquet: loadParquetModule });
	} catch (error) {
		expect(error).toBeInstanceOf(ImportError);
		return (error as Error).message;
	}
	throw new Error(`${fileName} : aucune erreur`);
}

async function sampleParquet(): Promise<Uint8Array> {
	const pw = (await loadParquetModule()) as unknown as {
		Table: { fromIPCStream(b: Uint8Array): unknown };
		writeParquet(t: unknown): Uint8Array;
	};
	const table = new Table({ id: vectorFromArray(['a', 'b'], new Utf8()), n: vectorFromArray([1, 2], new Int32()) });
	return pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(table, 'stream')));
}

describe('readFile : choix du lecteur', () => {
	it('lit un CSV Windows-1252 à point-virgule et rapporte encodage et séparateur', async () => {
		const bytes = new Uint8Array([...utf8('id;commune\r\n1;'), 0x4e, 0x6f, 0x75, 0x6d, 0xe9, 0x61, ...utf8('\r\n')]);
		const r = await readFile('export.csv', bytes);
		expect(r).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
		expect(text(r).columns).toEqual([['1'], ['Nouméa']]);
	});

	it('lit un .tsv avec la tabulation, et un .xls qui est en fait du texte tabulé', async () => {
		const r = await readFile('a.tsv', utf8('id\tnom, prénom\n1\tx, y\n'));
		expect(r.delimiter).toBe('\t');
		expect(text(r).header).toEqual(['id', 'nom, prénom']);
		const xls = await readFile('export.xls', utf8('id\tcommune\n1\tKoné\n'));
		expect(xls.format).toBe('csv');
		expect(text(xls).columns).toEqual([['1'], ['Koné']]);
	});

	it('reconnaît un classeur .xlsx à sa signature, même mal nommé, et saute les feuilles vides', async () => {
		const xlsx = buildXlsx({
			sheets: [
				{ name: 'Vide', sheetData: '' },
				{ name: 'Données', sheetData: `<row r="1">${inlineCell('A1', 'id')}</row><row r="2">${numberCell('A2', 7)}</row>` }
			]
		});
		const progress: number[] = [];
		const r = await readFile('export.csv', xlsx, { onProgress: (n) => progress.push(n) });
		expect(r.format).toBe('xlsx');
		expect(r.tables.map((t) => t.part)).toEqual(['Données']);
		expect(text(r).columns).toEqual([['7']]);
		expect(progress.at(-1)).toBe(1);
	});

	it('lit un JSON par son extension, ou par son contenu quand l’extension est inconnue', async () => {
		const json = utf8('{"personnes": [{"id": 1}], "parcours": [{"id": 2}, {"id": 3}]}');
		const r = await readFile('export.json', json);
		expect(r.format).toBe('json');
		expect(r.tables.map((t) => [t.part, text({ tables: [t] }).lines.length])).toEqual([
			['personnes', 1],
			['parcours', 2]
		]);
		expect((await readFile('export', json)).format).toBe('json');
		expect((await readFile('export.dat', utf8('a,b\n1,2\n'))).format).toBe('csv');
	});

	it('lit un Parquet avec le module fourni, ou chargé à la demande', async () => {
		const bytes = await sampleParquet();
		const r = await readFile('p.parquet', bytes, { parquet: await loadParquetModule() });
		expect(r.format).toBe('parquet');
		expect(r.tables[0].source).toMatchObject({ kind: 'arrow', header: ['id', 'n'], rowCount: 2 });
		const lazy = await readFile('p.bin', bytes, { parquet: loadParquetModule });
		expect(lazy.tables[0].source.kind).toBe('arrow');
		await expect(readFile('p.parquet', bytes)).rejects.toThrow(/Parquet n’est pas disponible/);
	});

	it('appelle la progression environ toutes les 50 000 lignes puis à la fin', async () => {
		const lines = ['id;n', ...Array.from({ length: 120_000 }, (_, i) => `${i};${i * 2}`)];
		const progress: number[] = [];
		const r = await readFile('big.csv', utf8(lines.join('\n')), { onProgress: (n) => progress.push(n) });
		expect(text(r).lines.length).toBe(120_000);
		expect(progress).toEqual([50_000, 100_000, 120_000]);
	});
});

describe('readFile : fichiers refusés, avec un message en français', () => {
	it('fichier vide, quelle que soit son extension', async () => {
		for (const name of ['a.csv', 'a.xlsx', 'a.parquet', 'a.json']) {
			expect(await importError(name, new Uint8Array())).toMatch(/Le fichier est vide \(0 octet\)/);
		}
	});

	it('fichier binaire', async () => {
		const bytes = new Uint8Array(2000).map((_, i) => (i * 37) % 256);
		expect(await importError('donnees.csv', bytes)).toMatch(/n’est pas un fichier texte/);
	});

	it('ancien Excel .xls, classeur chiffré, PDF, .xls qui est une page web', async () => {
		const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
		expect(await importError('vieux.xls', ole)).toBe('Ancien format Excel (.xls) : enregistrez le classeur au format .xlsx ou CSV.');
		expect(await importError('protege.xlsx', ole)).toMatch(/protégé par un mot de passe/);
		expect(await importError('rapport.pdf', utf8('%PDF-1.7\n...'))).toMatch(/Ce fichier est un PDF/);
		expect(await importError('export.xls', utf8('<html><table><tr><td>1</td></tr></table></html>'))).toMatch(/page web/);
	});

	it('extension .xlsx ou .parquet sur un contenu qui n’en est pas', async () => {
		expect(await importError('faux.xlsx', utf8('id;n\n1;2\n'))).toMatch(/n’est pas un classeur Excel valide/);
		expect(await importError('faux.parquet', utf8('id;n\n1;2\n'))).toMatch(/n’est pas un fichier Parquet valide/);
		expect(await importError('tronque.xlsx', strToU8('PK\u0003\u0004 tronqué'))).toMatch(/endommagé ou incomplet/);
	});

	it('guillemet non fermé', async () => {
		expect(await importError('a.csv', utf8('id;nom\n1;"Dupont\n2;Martin\n'))).toMatch(/Guillemet non fermé à partir de la ligne 2/);
	});

	it('en-tête seul : une table de zéro ligne (le chargeur le signale)', async () => {
		const r = await readFile('entete.csv', utf8('id;commune;date_entree\r\n'));
		expect(text(r).header).toEqual(['id', 'commune', 'date_entree']);
		expect(text(r).lines).toEqual([]);
	});

	it('fichier trop gros pour la mémoire : message clair, rien de chargé', async () => {
		const parquet = async () => {
			throw new RangeError('Array buffer allocation failed');
		};
		await expect(readFile('enorme.parquet', utf8('PAR1....PAR1'), { parquet })).rejects.toThrow(
			/« enorme.parquet » est trop volumineux pour la mémoire disponible/
		);
	});
});
