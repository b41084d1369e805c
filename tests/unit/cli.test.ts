/**
 * The CLI (`npm run indicators`) against an independent computation of
 * domain.md §4, on the hand-made fixture and on the demo dataset.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { independentIndicators } from '../independent/indicators';
import { FIXTURES } from './engine-helpers';

function cli(args: string[]): Record<string, any> {
	const out = execFileSync('npx', ['tsx', 'scripts/indicators.ts', ...args], { encoding: 'utf8', timeout: 180_000 });
	return JSON.parse(out);
}

/** Same shape, integers equal, rates within 1e-12. */
function expectSame(actual: Record<string, any>, expected: Record<string, any>) {
	expect(actual.periode).toEqual(expected.periode);
	for (const [k, v] of Object.entries(expected.indicateurs)) {
		if (typeof v === 'number' && !Number.isInteger(v)) expect(actual.indicateurs[k], k).toBeCloseTo(v, 12);
		else expect(actual.indicateurs[k], k).toEqual(v);
	}
	expect(actual.par_commune.map((c: any) => c.code_insee)).toEqual(expected.par_commune.map((c: any) => c.code_insee));
	expected.par_commune.forEach((c: any, i: number) => {
		const a = actual.par_commune[i];
		expect(a.file_active, c.code_insee).toBe(c.file_active);
		expect(a.sorties, c.code_insee).toBe(c.sorties);
		if (c.taux_sorties_dynamiques === null) expect(a.taux_sorties_dynamiques).toBeNull();
		else expect(a.taux_sorties_dynamiques).toBeCloseTo(c.taux_sorties_dynamiques, 12);
	});
}

describe('npm run indicators', () => {
	const dir = join(FIXTURES, 'cas-limites');

	it('prints the documented JSON for the fixture, matching the hand computation', () => {
		const json = cli(['--data', dir, '--from', '2024-01-01', '--to', '2024-12-31']);
		expect(json.periode).toEqual({ du: '2024-01-01', au: '2024-12-31' });
		expect(json.territoire).toBeNull();
		expect(json.indicateurs).toMatchObject({
			file_active: 3,
			nouveaux_accueillis: 3,
			sorties: 5,
			sorties_neutralisees: 1,
			sorties_dynamiques: 2,
			delai_entree_median_jours: 14,
			duree_accompagnement_mediane_jours: 162
		});
		expect(json.indicateurs.taux_sorties_dynamiques).toBeCloseTo(2 / 3, 12);
		expectSame(json, independentIndicators(dir, { du: '2024-01-01', au: '2024-12-31' }));
	});

	it('defaults to the whole data span and filters by province or commune', () => {
		expectSame(cli(['--data', dir]), independentIndicators(dir));
		expectSame(cli(['--data', dir, '--territoire', 'PN']), independentIndicators(dir, { territoire: 'PN' }));
		expectSame(cli(['--data', dir, '--territoire', '98811']), independentIndicators(dir, { territoire: '98811' }));
	});

	it('--secret masks small counts with « s » and rates over fewer than 11', () => {
		const json = cli(['--data', dir, '--from', '2024-01-01', '--to', '2024-12-31', '--secret']);
		expect(json.indicateurs.file_active).toBe('s');
		expect(json.indicateurs.taux_sorties_dynamiques).toBe('s');
		expect(json.secret_statistique).toBe('secret statistique appliqué');
	});

	it('matches the independent computation on the demo dataset', () => {
		const args = { du: '2025-01-01', au: '2025-12-31' };
		expectSame(cli(['--data', 'data/demo', '--from', args.du, '--to', args.au]), independentIndicators('data/demo', args));
		expectSame(cli(['--data', 'data/demo', '--territoire', 'PN']), independentIndicators('data/demo', { territoire: 'PN' }));
	});
});

describe('npm run indicators — import of real exports', () => {
	it('a messy export folder gives the clean folder’s indicators, with the import block', () => {
		const args = ['--from', '2024-01-01', '--to', '2024-12-31'];
		const messy = cli(['--data', join(FIXTURES, 'export-brut'), ...args]);
		const clean = cli(['--data', join(FIXTURES, 'cas-limites'), ...args]);
		expect(messy.indicateurs).toEqual(clean.indicateurs);
		expect(messy.par_commune).toEqual(clean.par_commune);
		expect(messy.import).toEqual({
			personnes: { lignes_lues: 6, lignes_chargees: 6, lignes_rejetees: 0, communes_non_reconnues: 1 },
			parcours: { lignes_lues: 9, lignes_chargees: 9, lignes_rejetees: 0, communes_non_reconnues: 0 },
			evenements: { lignes_lues: 12, lignes_chargees: 12, lignes_rejetees: 0, communes_non_reconnues: 0 },
			colonnes_ecartees: ['Nom', 'Prénom', 'Téléphone', 'Observations']
		});
	});

	it('--mapping applies a profile (files, columns, values); without it the file is refused in French', () => {
		const dir = join(FIXTURES, 'profil');
		const json = cli(['--data', join(dir, 'donnees'), '--mapping', join(dir, 'profil.json')]);
		expect(json.import.parcours).toEqual({ lignes_lues: 3, lignes_chargees: 3, lignes_rejetees: 0, communes_non_reconnues: 0 });
		expect(json.indicateurs).toMatchObject({ sorties: 2, sorties_dynamiques: 1, taux_sorties_dynamiques: 0.5 });
		expect(() => execFileSync('npx', ['tsx', 'scripts/indicators.ts', '--data', join(dir, 'donnees')], { encoding: 'utf8', stdio: 'pipe' })).toThrow(
			/Table non reconnue pour : extraction_novembre.csv/
		);
	});
});
