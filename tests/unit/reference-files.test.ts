import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAIN_TABLE, buildCommunesCsv } from '../../scripts/build-reference';
import { parseCsv, readCsvRecords } from '../../scripts/lib/csv';
import { CATEGORIES_SORTIE } from '../../src/lib/model/codes';

const DATA = join(__dirname, '..', '..', 'data');
const communes = readCsvRecords(join(DATA, 'communes.csv'));
const byCode = new Map(communes.map((c) => [c.code_insee, c]));
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[-'’\s]+/g, ' ').trim();

describe('data/communes.csv', () => {
	it('has the exact header and 33 communes, 98801–98833 once each', () => {
		const [header] = parseCsv(readFileSync(join(DATA, 'communes.csv'), 'utf8'));
		expect(header).toEqual([
			'code_insee', 'nom', 'nom_kanak', 'code_postal', 'province', 'province_secondaire', 'eth', 'aire_coutumiere', 'population_2025', 'variantes'
		]);
		const codes = communes.map((c) => c.code_insee).sort();
		expect(codes).toEqual(Array.from({ length: 33 }, (_, i) => String(98801 + i)));
	});

	it('sums to the 2025 legal population of 264,596', () => {
		expect(communes.reduce((s, c) => s + Number(c.population_2025), 0)).toBe(264_596);
		expect(byCode.get('98818')?.population_2025).toBe('85976');
		expect(byCode.get('98828')?.population_2025).toBe('581');
	});

	it('uses the official INSEE spellings', () => {
		expect(byCode.get('98808')?.nom).toBe('Houaïlou');
		expect(byCode.get('98809')?.nom).toBe("L'Île-des-Pins");
		expect(byCode.get('98817')?.nom).toBe('Le Mont-Dore');
		expect(byCode.get('98810')?.nom).toBe('Kaala-Gomen');
		expect(byCode.get('98811')?.nom_kanak).toBe('Koohnê');
	});

	it('keeps INSEE and postal codes apart where the two numberings overlap', () => {
		const postal = (code: string) => byCode.get(code)?.code_postal;
		expect(byCode.get('98833')?.nom).toBe('Kouaoua');
		expect(postal('98831')).toBe('98833'); // Voh's postal code is Kouaoua's INSEE code
		expect(byCode.get('98818')?.nom).toBe('Nouméa');
		expect(postal('98833')).toBe('98818'); // Kouaoua's postal code is Nouméa's INSEE code
		expect(byCode.get('98811')?.nom).toBe('Koné');
		expect(postal('98801')).toBe('98811'); // Belep's postal code is Koné's INSEE code
		const overlaps = communes.filter((c) => byCode.has(c.code_postal) && c.code_postal !== c.code_insee);
		expect(overlaps.length).toBeGreaterThanOrEqual(10);
	});

	it('gives every Nord commune an ETH listed in eth.csv, and none elsewhere', () => {
		const eth = readCsvRecords(join(DATA, 'eth.csv'));
		const ethCodes = new Set(eth.map((e) => e.code_eth));
		for (const c of communes) {
			expect(['PN', 'PS', 'PIL']).toContain(c.province);
			if (c.province === 'PN') expect(ethCodes.has(c.eth), c.nom).toBe(true);
			else expect(c.eth, c.nom).toBe('');
		}
		expect(new Set(communes.map((c) => c.eth).filter(Boolean))).toEqual(ethCodes);
	});

	it('puts Voh, Koné, Pouembout and Poya in the Espace de l’Ouest', () => {
		const ouest = communes.filter((c) => c.eth === 'espace_ouest').map((c) => `${c.code_insee} ${c.nom}`);
		expect(ouest.sort()).toEqual(['98811 Koné', '98825 Pouembout', '98827 Poya', '98831 Voh']);
	});

	it('marks Poya as Nord with a Sud part, and only Poya', () => {
		const split = communes.filter((c) => c.province_secondaire !== '');
		expect(split.map((c) => [c.code_insee, c.province, c.province_secondaire, c.aire_coutumiere])).toEqual([
			['98827', 'PN', 'PS', 'Ajië-Aro + Paici-Camuki']
		]);
	});

	it('lists spelling variants that resolve to a single commune', () => {
		const owner = new Map<string, string>();
		for (const c of communes) {
			const names = [c.nom, c.nom_kanak, ...c.variantes.split('|')].filter(Boolean);
			for (const n of new Set(names.map(fold))) {
				expect(owner.get(n) ?? c.code_insee, `"${n}" ambigu`).toBe(c.code_insee);
				owner.set(n, c.code_insee);
			}
			for (const v of c.variantes.split('|').filter(Boolean)) expect(v.toLowerCase()).not.toBe(c.nom.toLowerCase());
		}
		expect(byCode.get('98802')?.variantes.split('|')).toContain('Boulouparis');
		expect(byCode.get('98817')?.variantes.split('|')).toEqual(expect.arrayContaining(['Mont-Dore', 'Mont Dore', 'Le Mont Dore']));
		expect(byCode.get('98809')?.variantes.split('|')).toEqual(expect.arrayContaining(['Ile des Pins', 'Île des Pins', 'Ile-des-Pins']));
	});

	it('is what scripts/build-reference.ts derives from the package and the brief', () => {
		expect(buildCommunesCsv(DOMAIN_TABLE)).toBe(readFileSync(join(DATA, 'communes.csv'), 'utf8'));
	});

	it('fails loudly when the brief and the package disagree', () => {
		const wrong = DOMAIN_TABLE.replace('| Sarraméa | 98882 | Sud |  |  | Xârâcùù | 581 |', '| Sarraméa | 98882 | Sud |  |  | Xârâcùù | 582 |');
		expect(() => buildCommunesCsv(wrong)).toThrow(/98828: population 581 \(paquet\) ≠ 582 \(brief\)/);
	});
});

describe('other reference files', () => {
	it('eth.csv: four ETH of the Nord, only Espace de l’Ouest confirmed', () => {
		expect(readCsvRecords(join(DATA, 'eth.csv')).map((e) => [e.code_eth, e.libelle, e.province, e.confirme])).toEqual([
			['grand_nord', 'Grand Nord', 'PN', 'non'],
			['espace_ouest', "Espace de l'Ouest", 'PN', 'oui'],
			['cote_oceanienne', 'Côte Océanienne', 'PN', 'non'],
			['sud_minier', 'Sud Minier', 'PN', 'non']
		]);
	});

	it('provinces.csv: PN, PS, PIL', () => {
		expect(readCsvRecords(join(DATA, 'provinces.csv')).map((p) => [p.code, p.libelle_court])).toEqual([
			['PN', 'Nord'],
			['PS', 'Sud'],
			['PIL', 'Îles']
		]);
	});

	it('secteurs.csv: the 11 default sectors, each labelled', () => {
		const rows = readCsvRecords(join(DATA, 'secteurs.csv'));
		expect(rows.map((r) => r.code)).toEqual([
			'mine_metallurgie', 'btp', 'agriculture_peche_aquaculture', 'tourisme_hotellerie_restauration', 'commerce',
			'services_personne_sante_social', 'transport_logistique', 'industrie_hors_nickel', 'administration', 'numerique', 'autre'
		]);
		expect(rows.every((r) => r.libelle.length > 2)).toBe(true);
	});

	it('motifs-sortie.csv: the default mapping of domain.md, covering every category', () => {
		const rows = readCsvRecords(join(DATA, 'motifs-sortie.csv'));
		const mapping: Record<string, string[]> = {};
		for (const r of rows) (mapping[r.categorie_sortie] ??= []).push(r.motif_sortie);
		expect(mapping).toEqual({
			emploi_durable: ['cdi', 'cdd_6_mois_plus', 'interim_6_mois_plus', 'titularisation', 'creation_entreprise'],
			emploi_transition: ['cdd_moins_6_mois', 'interim_moins_6_mois', 'contrat_aide'],
			sortie_positive: ['formation_qualifiante', 'formation_prequalifiante', 'embauche_structure_insertion'],
			autre_sortie: ['chomage', 'inactivite', 'perdu_de_vue', 'abandon'],
			neutralisee: ['demenagement', 'deces', 'maladie_longue', 'maternite', 'incarceration', 'retraite'],
			projet_de_vie: ['retour_tribu_projet']
		});
		expect(Object.keys(mapping).sort()).toEqual([...CATEGORIES_SORTIE].sort());
		expect(rows.every((r) => r.libelle.length > 2)).toBe(true);
	});

	it('secret.json: the default secrecy policy, documented', () => {
		const secret = JSON.parse(readFileSync(join(DATA, 'secret.json'), 'utf8'));
		expect(secret).toMatchObject({ effectif_min: 5, denominateur_min: 11, secret_secondaire: true, libelle: 'secret statistique appliqué' });
		for (const key of ['effectif_min', 'denominateur_min', 'secret_secondaire', 'libelle']) expect(secret._doc).toContain(key);
	});

	it('all files are UTF-8 with LF line ends and a final newline', () => {
		for (const name of ['communes.csv', 'eth.csv', 'provinces.csv', 'secteurs.csv', 'motifs-sortie.csv', 'secret.json']) {
			const text = readFileSync(join(DATA, name), 'utf8');
			expect(text.includes('\r'), name).toBe(false);
			expect(text.endsWith('\n'), name).toBe(true);
			expect(text.includes('\uFFFD'), name).toBe(false);
		}
	});
});
