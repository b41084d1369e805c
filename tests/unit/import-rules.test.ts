/**
 * Import rules on small files written for the purpose: rejections with
 * reasons, personal data dropped, pseudonyms, communes, value cleaning,
 * update by identifier — and a messy export giving the same indicators
 * as its clean equivalent.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/db/engine';
import { importFiles } from '../../src/lib/import/import-files';
import { rejectedRowsCsv } from '../../src/lib/import/report';
import { newPseudonymKey, pseudonymiser, pseudonymWebCrypto } from '../../src/lib/import/pseudonym';
import { parcoursIndicatorsSql } from '../../src/lib/queries/parcours';
import { emptyEngine, FIXTURES, fixtureEngine } from './engine-helpers';
import { readCsvFile, windows1252 } from './import-helpers';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { ReadResult } from '../../src/lib/import/source';
import { TABLES } from '../../src/lib/model/schema';
import { ANALYSIS_TABLES, VIEWS_SQL } from '../../src/lib/model/ddl';
import { RawRows } from '../../src/lib/import/raw-rows';
import { readFile } from '../../src/lib/import/read-file';
import { loadParquetModule } from '../../src/lib/import/readers/parquet-node';

const PERSONNES = `id_personne,sexe,annee_naissance,commune_residence
P1,F,1990,98811
P2,M,1985,98818
`;

async function load(files: Record<string, string | Uint8Array>, opts: Parameters<typeof importFiles>[2] = {}, engine?: Engine) {
	const e = engine ?? (await emptyEngine());
	const { report } = await importFiles(e, Object.entries(files).map(([n, c]) => readCsvFile(n, c)), opts);
	return { engine: e, report, table: (name: string) => report.tables.find((t) => t.table === name)! };
}

describe('rejected rows', () => {
	it('rejects missing and repeated ids, bad required dates, exits before entry, orphans — and counts add up', async () => {
		const { table } = await load({
			'personnes.csv': PERSONNES,
			'parcours.csv': `id_parcours,id_personne,date_entree,date_sortie
A1,P1,01/02/2024,
A1,P2,2024-03-01,
,P1,2024-03-01,
A3,P1,,
A4,P1,31/02/2024,
A5,P2,2024-05-10,2024-05-01
A6,P9,2024-05-10,
A7,P2,2024-06-01,2024-07-01
`
		});
		const p = table('parcours');
		expect(p.lignes_lues).toBe(8);
		expect(p.lignes_chargees).toBe(2);
		expect(p.lignes_rejetees).toBe(6);
		expect(p.lignes_lues).toBe(p.lignes_chargees + p.lignes_rejetees);
		const reasons = Object.fromEntries(p.rejets.lignes.map((r) => [r.ligne, r.motif]));
		expect(reasons[3]).toBe('identifiant en double : A1 déjà présent ligne 2');
		expect(reasons[4]).toBe('identifiant manquant (id_parcours)');
		expect(reasons[5]).toBe('date_entree manquante');
		expect(reasons[6]).toBe('date_entree invalide : «31/02/2024»');
		expect(reasons[7]).toBe('date_sortie (01/05/2024) antérieure à date_entree (10/05/2024)');
		expect(reasons[8]).toBe('id_personne absent de la table personnes');
		const csv = rejectedRowsCsv(p);
		expect(csv.startsWith('\uFEFFligne;motif;id_parcours;id_personne;date_entree;date_sortie\r\n')).toBe(true);
		expect(csv).toContain('6;date_entree invalide : «31/02/2024»;A4;P1;31/02/2024;');
	});

	it('rejects events of unknown parcours and events without a valid date', async () => {
		const { table } = await load({
			'personnes.csv': PERSONNES,
			'parcours.csv': 'id_parcours,id_personne,date_entree\nA1,P1,2024-01-01\n',
			'evenements.csv': 'id_evenement,id_parcours,date,type\nE1,A1,2024-01-02,entretien_individuel\nE2,A9,2024-01-02,bilan\nE3,A1,,bilan\nE4,A1,hier,bilan\n'
		});
		const e = table('evenements');
		expect([e.lignes_lues, e.lignes_chargees, e.lignes_rejetees]).toEqual([4, 1, 3]);
		expect(e.rejets.lignes.map((r) => r.motif)).toEqual([
			'id_parcours «A9» absent de la table parcours',
			'date manquante',
			'date invalide : «hier»'
		]);
	});

	it('keeps a malformed record (wrong number of fields) as a rejected row', async () => {
		const { table } = await load({ 'personnes.csv': 'id_personne;sexe\nP1;F\nP2;M;extra\nP3;F\n' });
		const p = table('personnes');
		expect([p.lignes_lues, p.lignes_chargees, p.lignes_rejetees]).toEqual([3, 2, 1]);
		expect(p.rejets.lignes[0]).toMatchObject({ ligne: 3, motif: 'nombre de colonnes incorrect : 3 au lieu de 2' });
	});
});

describe('personal data', () => {
	it('drops direct identifiers, lists them, and keeps only the year of a full date of birth', async () => {
		const { engine, table } = await load({
			'personnes.csv': 'Identifiant;Nom;Prénom;Adresse;Téléphone;Courriel;N° CAFAT;Date de naissance;Commentaires\nX1;DUPONT;Marie;1 rue A;771234;m@x.nc;123456;14/07/1994;suivi difficile\n'
		});
		const p = table('personnes');
		expect(p.colonnes_ecartees).toEqual(['Nom', 'Prénom', 'Adresse', 'Téléphone', 'Courriel', 'N° CAFAT', 'Commentaires']);
		const rows = await engine.query('SELECT * FROM personnes');
		expect(rows).toHaveLength(1);
		expect(rows[0].annee_naissance).toBe(1994);
		expect(JSON.stringify(rows)).not.toMatch(/DUPONT|Marie|771234|m@x\.nc|123456|14\/07|difficile/);
	});
});

describe('pseudonyms', () => {
	it('replaces person identifiers by HMAC-SHA-256 pseudonyms, stable for a key, linked across tables', async () => {
		const key = newPseudonymKey();
		const files = { 'personnes.csv': PERSONNES, 'parcours.csv': 'id_parcours,id_personne,date_entree\nA1,P1,2024-01-01\nA2,P2,2024-01-01\n' };
		const first = await load(files, { pseudonym: pseudonymiser(key) });
		const second = await load(files, { pseudonym: pseudonymiser(key) });
		const other = await load(files, { pseudonym: pseudonymiser(newPseudonymKey()) });
		const ids = async (e: Engine) => (await e.query<{ id_personne: string }>('SELECT id_personne FROM parcours ORDER BY id_parcours')).map((r) => r.id_personne);
		const a = await ids(first.engine);
		expect(a).toEqual([await pseudonymWebCrypto(key, 'P1'), await pseudonymWebCrypto(key, 'P2')]);
		expect(await ids(second.engine)).toEqual(a);
		expect(await ids(other.engine)).not.toEqual(a);
		const joined = await first.engine.query('SELECT count(*) AS n FROM parcours JOIN personnes USING (id_personne)');
		expect(joined[0].n).toBe(2);
	});

	it('finds a person identifier repeated in the file by its pseudonym (a tab around it, trimmed as for the pseudonym, is the same person)', async () => {
		const table = tableFromArrays({ id_personne: ['P1', 'P2', '\tP1', 'P3'], sexe: ['F', 'M', 'H', 'F'] });
		const source = { kind: 'arrow' as const, header: ['id_personne', 'sexe'], ipc: tableToIPC(table, 'stream'), rowCount: 4 };
		const engine = await emptyEngine();
		const { report } = await importFiles(engine, [{ fileName: 'personnes.parquet', format: 'parquet', tables: [{ source }] }], { pseudonym: pseudonymiser(newPseudonymKey()) });
		const personnes = report.tables.find((t) => t.table === 'personnes')!;
		expect(personnes.rejets.lignes.map((r) => r.ligne)).toEqual([3]); // Arrow rows are numbered from 1
		expect(personnes.rejets.lignes[0].motif).toMatch(/^identifiant en double : p[0-9a-f]{24} déjà présent ligne 1$/);
		expect(await engine.query('SELECT sexe FROM personnes ORDER BY sexe')).toEqual([{ sexe: 'F' }, { sexe: 'F' }, { sexe: 'M' }]);
	});

	it('gives a person the same pseudonym from CSV text, Arrow text and Arrow integers, spaces aside; a blank id is missing', async () => {
		const key = newPseudonymKey();
		const arrow = (fileName: string, columns: Record<string, unknown>): ReadResult => {
			const table = tableFromArrays(columns as Parameters<typeof tableFromArrays>[0]);
			return { fileName, format: 'parquet', tables: [{ source: { kind: 'arrow', header: Object.keys(columns), ipc: tableToIPC(table, 'stream'), rowCount: table.numRows } }] };
		};
		const engine = await emptyEngine();
		const { report } = await importFiles(
			engine,
			[
				readCsvFile('personnes.csv', 'id_personne,sexe\n 12 ,F\n13,M\n'),
				arrow('parcours.parquet', { id_parcours: ['A1', 'A2', 'A3'], id_personne: ['12', '13 ', '  '], date_entree: ['2024-01-01', '2024-01-01', '2024-01-01'] }),
				arrow('inscriptions.parquet', { id_inscription: ['I1', 'I2'], id_action: ['X1', 'X2'], id_personne: Int32Array.from([12, 13]) })
			],
			{ pseudonym: pseudonymiser(key) }
		);
		const rows = await engine.query<{ t: string; id: string }>(
			`SELECT 'pe' AS t, id_personne AS id FROM personnes UNION ALL SELECT 'pa', id_personne FROM parcours UNION ALL SELECT 'in', id_personne FROM inscriptions ORDER BY 1, 2`
		);
		const [p12, p13] = [await pseudonymWebCrypto(key, '12'), await pseudonymWebCrypto(key, '13')].sort();
		expect(rows).toEqual([
			{ t: 'in', id: p12 }, { t: 'in', id: p13 },
			{ t: 'pa', id: p12 }, { t: 'pa', id: p13 },
			{ t: 'pe', id: p12 }, { t: 'pe', id: p13 }
		]);
		const parcours = report.tables.find((t) => t.table === 'parcours')!;
		expect(parcours.rejets.lignes.map((r) => [r.ligne, r.motif])).toEqual([[3, 'id_personne manquant']]);
	});
});

describe('Arrow sources', () => {
	it.each([false, true])('numbers the rows of an Arrow table (Parquet) by their place in the file, across record batches (transaction: %s)', async (transaction) => {
		const n = 120_000;
		const ids = Array.from({ length: n }, (_, i) => `A${i + 1}`);
		ids[100_000] = 'A7'; // line 100 001 repeats line 7
		const dates = ids.map(() => '2024-01-01');
		dates[n - 1] = 'plus tard';
		const batch = (from: number, to: number) => tableFromArrays({ id_parcours: ids.slice(from, to), id_personne: ids.slice(from, to), date_entree: dates.slice(from, to) });
		const table = batch(0, 50_000).concat(batch(50_000, 100_000), batch(100_000, n));
		expect(table.batches.length).toBeGreaterThan(2);
		const source = { kind: 'arrow' as const, header: ['id_parcours', 'id_personne', 'date_entree'], ipc: tableToIPC(table, 'stream'), rowCount: n };
		const { report } = await importFiles(await emptyEngine(), [{ fileName: 'parcours.parquet', format: 'parquet', tables: [{ source }] }], { transaction });
		const parcours = report.tables.find((t) => t.table === 'parcours')!;
		expect(parcours.rejets.lignes).toEqual([
			{ ligne: 100_001, motif: 'identifiant en double : A7 déjà présent ligne 7', valeurs: ['A7', 'A7', '2024-01-01'] },
			{ ligne: n, motif: 'date_entree invalide : «plus tard»', valeurs: [`A${n}`, `A${n}`, 'plus tard'] }
		]);
		expect([parcours.lignes_lues, parcours.lignes_chargees, parcours.lignes_rejetees]).toEqual([n, n - 2, 2]);
	});
});

describe('rows put into DuckDB while the file is read (page)', () => {
	it('are imported from their raw table; a failed import keeps them for the next try, a successful one drops them', async () => {
		const n = 300_000;
		const ids = Array.from({ length: n }, (_, i) => `A${i + 1}`);
		ids[n - 1] = 'A3';
		const writer = (await loadParquetModule()) as unknown as { Table: { fromIPCStream(b: Uint8Array): unknown }; writeParquet(t: unknown): Uint8Array };
		const table = tableFromArrays({ id_parcours: ids, id_personne: ids.map((id) => 'P' + id), date_entree: ids.map(() => '2024-01-01') });
		const bytes = writer.writeParquet(writer.Table.fromIPCStream(tableToIPC(table, 'stream')));
		const engine = await emptyEngine();
		const raw = new RawRows(engine);
		let pieces = 0;
		const read = await readFile('parcours.parquet', bytes, { parquet: loadParquetModule, onRows: (ipc, firstLine) => (pieces++, raw.add(0, ipc, firstLine)) });
		expect(pieces).toBeGreaterThan(1);
		const source = raw.attach(read).tables[0].source;
		expect(source).toMatchObject({ kind: 'arrow', rowCount: n, ipc: undefined, staged: { view: expect.stringMatching(/^raw_lecture_/) } });

		const failing: Engine = {
			...engine,
			exec: (sql) => (sql.includes('CREATE OR REPLACE TABLE v_parcours') ? engine.exec("SELECT CAST('x' AS INTEGER)") : engine.exec(sql))
		};
		const result = raw.attach(read);
		await expect(importFiles(failing, [result], { transaction: true })).rejects.toThrow(/Could not convert/);
		const { report } = await importFiles(engine, [result], { transaction: true, pseudonym: pseudonymiser(newPseudonymKey()) });
		const parcours = report.tables.find((t) => t.table === 'parcours')!;
		expect([parcours.lignes_lues, parcours.lignes_chargees, parcours.lignes_rejetees]).toEqual([n, n - 1, 1]);
		expect(parcours.rejets.lignes).toEqual([{ ligne: n, motif: 'identifiant en double : A3 déjà présent ligne 3', valeurs: ['A3', 'PA3', '2024-01-01'] }]);
		expect(await engine.query("SELECT count(DISTINCT id_personne) AS n FROM parcours WHERE id_personne LIKE 'p%'")).toEqual([{ n: n - 1 }]);
		const leftovers = await engine.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'raw%' OR table_name LIKE 'stg%'");
		expect(leftovers).toEqual([]);
	});
});

describe('line numbers of raw rows given by piece', () => {
	it.each([false, true])('follow the file across pieces, from the row ids (inside a transaction: %s)', async (transaction) => {
		const engine = await emptyEngine();
		if (transaction) await engine.exec('BEGIN TRANSACTION;');
		const raw = new RawRows(engine);
		const piece = (from: number, to: number) => tableToIPC(tableFromArrays({ v: Array.from({ length: to - from }, (_, i) => `x${from + i}`) }), 'stream');
		raw.add(0, piece(0, 3), 1);
		raw.add(0, piece(3, 5), 4);
		const result = raw.attach({ fileName: 'p.parquet', format: 'parquet', tables: [{ source: { kind: 'arrow', header: ['v'], rowCount: 5, lineColumn: '__ligne' } }] });
		const source = result.tables[0].source;
		if (source.kind !== 'arrow' || !source.staged) throw new Error('lignes non déposées');
		await source.staged.ready;
		const rows = await engine.query(`SELECT __ligne AS l, v FROM ${source.staged.view}`);
		expect(rows).toEqual(['x0', 'x1', 'x2', 'x3', 'x4'].map((v, i) => ({ l: i + 1, v })));
		await raw.drop();
		expect(await engine.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'raw%'")).toEqual([]);
	});
});

describe('raw rows of a file removed while it is read', () => {
	it('are dropped, and a piece arriving afterwards is not inserted', async () => {
		const engine = await emptyEngine();
		const raw = new RawRows(engine);
		const piece = tableToIPC(tableFromArrays({ v: ['a', 'b'] }), 'stream');
		raw.add(0, piece, 1);
		await raw.drop();
		raw.add(0, piece, 3);
		const result = raw.attach({ fileName: 'p.parquet', format: 'parquet', tables: [{ source: { kind: 'arrow', header: ['v'], rowCount: 4, lineColumn: '__ligne' } }] });
		expect(result.tables[0].source).not.toHaveProperty('staged');
		await engine.query('SELECT 1'); // after the inserts posted so far
		expect(await engine.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'raw%'")).toEqual([]);
	});
});

describe('communes', () => {
	const read = async (values: string[]) => {
		const csv = 'id_personne;commune_residence\n' + values.map((v, i) => `P${i};${v}`).join('\n') + '\n';
		const { engine, table } = await load({ 'personnes.csv': csv });
		const rows = await engine.query<{ c: string | null }>('SELECT commune_residence AS c FROM personnes ORDER BY id_personne');
		return { codes: rows.map((r) => r.c), report: table('personnes') };
	};

	it('reads a column of postal codes as postal codes (98833 is Voh’s postal code, Kouaoua’s INSEE code)', async () => {
		const { codes, report } = await read(['98833', '98800', '98859', '98811']);
		expect(report.lecture_communes[0].lecture).toBe('postal');
		expect(codes).toEqual(['98831', '98818', '98811', '98801']);
	});

	it('reads a column of INSEE codes as INSEE codes', async () => {
		const { codes, report } = await read(['98833', '98818', '98811']);
		expect(report.lecture_communes[0].lecture).toBe('insee');
		expect(codes).toEqual(['98833', '98818', '98811']);
	});

	it('matches names whatever the case, accents, hyphens, articles, Kanak names and variants; never guesses', async () => {
		const { codes, report } = await read(['LE MONT DORE', 'Mont-Dore', 'ILE DES PINS', 'Koohnê', 'KONE', 'Boulouparis', 'Houailou', 'Nouméa', 'Paris', 'Nouma']);
		expect(codes).toEqual(['98817', '98817', '98809', '98811', '98811', '98802', '98808', '98818', null, null]);
		expect(report.communes_non_reconnues).toBe(2);
		expect(report.avertissements.find((w) => w.probleme === 'commune non reconnue')?.exemples).toEqual(['Nouma', 'Paris']);
		expect(report.lignes_chargees).toBe(10);
	});

	it('reports values that are an INSEE code and another commune’s postal code in a mixed column', async () => {
		const { codes, report } = await read(['Koné', '98811', '98800']);
		expect(report.lecture_communes[0]).toMatchObject({ lecture: 'mixte', ambigus: ['98811'] });
		expect(codes).toEqual(['98811', '98811', '98818']);
	});
});

describe('value cleaning', () => {
	it('reads French dates, Excel serials, decimal commas, booleans and codes in any case', async () => {
		const { engine } = await load({
			'personnes.csv': 'id_personne;sexe;handicap;lieu_vie\nP1;femme;oui;TRIBU\nP2;H;x;Sans domicile fixe\nP3;F;Non;village\n',
			'actions.csv': 'id_action;date_debut;heures;cout_prevu_xpf;type_action\nA1;45292;12,5;1 500 000;Savoirs de base\nA2;03-02-24;35;2000000;QUALIFIANTE\n'
		});
		expect(await engine.query('SELECT sexe, handicap, lieu_vie FROM personnes ORDER BY id_personne')).toEqual([
			{ sexe: 'F', handicap: true, lieu_vie: 'tribu' },
			{ sexe: 'M', handicap: true, lieu_vie: 'sans_domicile' },
			{ sexe: 'F', handicap: false, lieu_vie: 'village' }
		]);
		expect(await engine.query('SELECT date_debut, heures, cout_prevu_xpf, type_action FROM actions ORDER BY id_action')).toEqual([
			{ date_debut: '2024-01-01', heures: 13, cout_prevu_xpf: 1500000, type_action: 'savoirs_de_base' },
			{ date_debut: '2024-02-03', heures: 35, cout_prevu_xpf: 2000000, type_action: 'qualifiante' }
		]);
	});

	it('applies the profile’s value map and warns about unknown codes without rejecting', async () => {
		const { engine, table } = await load(
			{ 'parcours.csv': 'id_parcours,id_personne,date_entree,dispositif\nA1,P1,2024-01-01,Accomp. long\nA2,P2,2024-01-01,Atelier bidule\n' },
			{ profile: { fichiers: {}, colonnes: {}, valeurs: { 'parcours.dispositif': { 'Accomp. long': 'accompagnement_long' } } } }
		);
		expect((await engine.query('SELECT dispositif FROM parcours ORDER BY 1')).map((r) => r.dispositif)).toEqual(['Atelier bidule', 'accompagnement_long']);
		expect(table('parcours').avertissements).toContainEqual({ colonne: 'dispositif', probleme: 'code inconnu', lignes: 1, exemples: ['Atelier bidule'] });
	});
});

describe('warnings', () => {
	it('lists every kind of warning per column, counting the accepted rows and showing the values as typed', async () => {
		const { table } = await load({
			'personnes.csv': 'id_personne;sexe;handicap;commune_residence\nP1;F;peut-être;Nouméa\nP2;M;oui;Paris\nP3;F;non;Paris\n',
			'parcours.csv':
				'id_parcours;id_personne;date_entree;date_sortie;motif_sortie;projet_secteur;dispositif\n' +
				'A1;P1;01/02/2024;bientôt;;btp;jeunes\n' +
				'A2;P2;01/02/2024;01/03/2024;parti ailleurs;astronautique;jeunes\n' +
				'A3;P3;01/02/2024;01/04/2024;;;Atelier bidule\n' +
				'A4;P3;;01/04/2024;;astronautique;Atelier bidule\n',
			'actions.csv': 'id_action;date_debut;heures\nACT1;01/02/2024;beaucoup\nACT2;01/03/2024;12\n'
		});
		const warnings = (name: string) => table(name).avertissements.map((w) => [w.colonne, w.probleme, w.lignes, w.exemples]);
		expect(warnings('personnes')).toEqual([
			['commune_residence', 'commune non reconnue', 2, ['Paris']],
			['handicap', 'oui/non illisible', 1, ['peut-être']]
		]);
		// A4 is rejected (no entry date): its values are not counted.
		expect(warnings('parcours')).toEqual([
			['date_sortie', 'date illisible', 1, ['bientôt']],
			['date_sortie', 'sortie sans motif ni catégorie', 1, ['01/04/2024']],
			['dispositif', 'code inconnu', 1, ['Atelier bidule']],
			['motif_sortie', 'motif de sortie inconnu : catégorie non déduite', 1, ['parti ailleurs']],
			['projet_secteur', 'secteur inconnu', 1, ['astronautique']]
		]);
		expect(warnings('actions')).toEqual([['heures', 'nombre illisible', 1, ['beaucoup']]]);
	});
});

describe('loading into the canonical table', () => {
	it('a first file becomes the table (columns and types of the schema); a second file of the same table adds its rows', async () => {
		const { engine, report } = await load({
			'personnes.csv': PERSONNES,
			'parcours.csv': 'id_parcours,id_personne,date_entree\nA1,P1,01/02/2024\nA2,P9,01/02/2024\n',
			'parcours_suite.csv': 'id_parcours,id_personne,date_entree,dispositif\nB1,P2,2024-03-01,jeunes\nB2,,2024-03-01,jeunes\n'
		});
		const loaded = engine.query('SELECT id_parcours, id_personne IS NOT NULL AS personne, date_entree, dispositif FROM parcours ORDER BY 1');
		expect(await loaded).toEqual([
			{ id_parcours: 'A1', personne: true, date_entree: '2024-02-01', dispositif: null },
			{ id_parcours: 'B1', personne: true, date_entree: '2024-03-01', dispositif: 'jeunes' }
		]);
		const files = report.tables.filter((t) => t.table === 'parcours');
		expect(files.map((t) => [t.fichier, t.lignes_lues, t.lignes_chargees, t.lignes_rejetees])).toEqual([
			['parcours.csv', 2, 1, 1],
			['parcours_suite.csv', 2, 1, 1]
		]);
		const columns = await engine.query<{ column_name: string; data_type: string }>(
			"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'parcours' ORDER BY ordinal_position"
		);
		const schema = TABLES.find((t) => t.name === 'parcours')!.columns.map((c) => ({ column_name: c.name, data_type: c.type }));
		expect(columns).toEqual(schema);
		const leftovers = await engine.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'chk%' OR table_name LIKE 'stg%' OR table_name LIKE 'raw%'");
		expect(leftovers).toEqual([]);
	});
});

describe('an import that fails', () => {
	it('in a transaction: the first error is reported, the previous data stays, the import settings are reset', async () => {
		const { engine } = await load({ 'parcours.csv': 'id_parcours,id_personne,date_entree\nA1,P1,2024-02-01\n' });
		// The analysis step fails inside DuckDB, which then refuses every statement until the rollback.
		const failing: Engine = {
			...engine,
			exec: (sql) => (sql.includes('CREATE OR REPLACE TABLE v_parcours') ? engine.exec("SELECT CAST('x' AS INTEGER)") : engine.exec(sql))
		};
		const again = importFiles(failing, [readCsvFile('parcours.csv', 'id_parcours,id_personne,date_entree\nB1,P2,2024-03-01\n')], { transaction: true });
		await expect(again).rejects.toThrow(/Could not convert string 'x'/);
		expect(await engine.query('SELECT id_parcours FROM parcours')).toEqual([{ id_parcours: 'A1' }]);
		expect(await engine.query('SELECT id_parcours FROM v_parcours')).toEqual([{ id_parcours: 'A1' }]);
		expect(await engine.query("SELECT current_setting('disabled_optimizers') AS s")).toEqual([{ s: '' }]);
	});
});

describe('analysis tables after a partial import', () => {
	it('without events nor barriers, the analysis tables are those the full SQL builds', async () => {
		const { engine } = await load({
			'personnes.csv': PERSONNES,
			'parcours.csv': 'id_parcours,id_personne,date_entree,dispositif\nA1,P1,2024-02-01,competences_essentielles\nA2,P2,2024-03-01,jeunes\n'
		});
		const contents = async () => {
			const out: Record<string, unknown[]> = {};
			for (const t of ANALYSIS_TABLES) out[t] = await engine.query(`SELECT * FROM ${t} ORDER BY ALL`);
			return out;
		};
		const partial = await contents();
		expect(partial.v_parcours).toHaveLength(2);
		expect(partial.v_reperage).toHaveLength(1);
		await engine.exec(VIEWS_SQL);
		expect(partial).toEqual(await contents());
	});
});

describe('update by identifier', () => {
	it('adds, updates and keeps rows of a new export, with a summary', async () => {
		const first = await load({ 'personnes.csv': PERSONNES });
		const { table } = await load(
			{ 'personnes.csv': 'id_personne,sexe,annee_naissance,commune_residence\nP2,M,1985,98818\nP1,F,1991,98811\nP3,F,2000,98801\n' },
			{ mode: 'mettre_a_jour' },
			first.engine
		);
		expect(table('personnes').mise_a_jour).toEqual({ ajoutees: 1, modifiees: 1, inchangees: 1 });
		const rows = await first.engine.query('SELECT id_personne, annee_naissance FROM personnes ORDER BY 1');
		expect(rows).toEqual([
			{ id_personne: 'P1', annee_naissance: 1991 },
			{ id_personne: 'P2', annee_naissance: 1985 },
			{ id_personne: 'P3', annee_naissance: 2000 }
		]);
	});
});

describe('a messy export gives the same indicators as its clean equivalent', () => {
	it('Windows-1252, `;`, French headers and labels, dd/mm/yyyy and Excel dates, names in capitals', async () => {
		const dir = join(FIXTURES, 'export-brut');
		const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
		const { engine, report } = await load(Object.fromEntries(files.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])), {
			pseudonym: pseudonymiser(newPseudonymKey())
		});
		expect(report.tables.map((t) => [t.table, t.encodage, t.separateur, t.lignes_chargees, t.lignes_rejetees])).toEqual([
			['personnes', 'windows-1252', ';', 6, 0],
			['parcours', 'windows-1252', ';', 9, 0],
			['evenements', 'windows-1252', ';', 12, 0]
		]);
		expect(report.tables[0].colonnes_ecartees).toEqual(['Nom', 'Prénom', 'Téléphone']);
		expect(report.tables[1].colonnes_ecartees).toEqual(['Observations']);
		expect(report.tables[0].communes_non_reconnues).toBe(1);
		const clean = (await fixtureEngine('cas-limites')).engine;
		for (const level of ['total', 'commune'] as const) {
			const sql = parcoursIndicatorsSql({ du: '2024-01-01', au: '2024-12-31' }, level);
			expect(await engine.query(sql)).toEqual(await clean.query(sql));
		}
	});

	it('refuses an empty file, a header-only file and a broken quote in French, loading nothing', async () => {
		await expect(load({ 'personnes.csv': '' })).rejects.toThrow(/vide/);
		await expect(load({ 'personnes.csv': 'id_personne;sexe\n' })).rejects.toThrow(/que la ligne d’en-tête/);
		await expect(load({ 'personnes.csv': 'id_personne;sexe\nP1;"F\nP2;M\n' })).rejects.toThrow(/Guillemet non fermé à partir de la ligne 2/);
		await expect(load({ 'export.csv': windows1252('truc;machin\n1;2\n') })).rejects.toThrow(/Table non reconnue pour : export.csv/);
	});
});
