/**
 * `npm run indicators`: the `competences` and `secteurs` sections against an
 * independent computation (tests/independent/competences-secteurs.ts) on the
 * hand-made fixture and on the demo dataset; secrecy with --secret.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { independentPlan, addMonths } from '../independent/competences-secteurs';
import { FIXTURES } from './engine-helpers';

function cli(args: string[]): Record<string, any> {
	return JSON.parse(execFileSync('npx', ['tsx', 'scripts/indicators.ts', ...args], { encoding: 'utf8', timeout: 180_000 }));
}

/** Same rows in the same order; integers equal, fractions and amounts within 1e-9 (relative). */
function expectSameRows(actual: Record<string, unknown>[], expected: Record<string, unknown>[]) {
	expect(actual.map((r) => Object.keys(r))).toEqual(expected.map((r) => Object.keys(r)));
	expected.forEach((row, i) => {
		for (const [k, v] of Object.entries(row)) {
			const a = actual[i][k];
			if (typeof v === 'number' && !Number.isInteger(v)) expect(a as number, `${i}.${k}`).toBeCloseTo(v, Math.max(0, 9 - Math.ceil(Math.log10(Math.abs(v) + 1))));
			else expect(a, `${i}.${k}`).toEqual(v);
		}
	});
}

const FIXTURE = join(FIXTURES, 'competences-secteurs');
const Y2025 = { du: '2025-01-01', au: '2025-12-31' };

describe('npm run indicators — competences et secteurs', () => {
	it('fixture: the documented fields with the hand-computed values, equal to the independent computation', () => {
		const json = cli(['--data', FIXTURE, '--from', Y2025.du, '--to', Y2025.au]);
		expect(json.competences[1]).toEqual({
			referentiel: 'ANLCI', domaine: 'lire', personnes_evaluees: 4, personnes_initial_et_final: 2,
			gain_moyen_niveaux: 1, part_progression: 0.5, part_niveau_cible: 1, attrition: 1
		});
		expect(json.secteurs.find((s: any) => s.secteur === 'btp')).toEqual({
			secteur: 'btp', actions: 2, places_prevues: 8, entrees: 5, taux_remplissage: 0.375, abandons: 1, taux_abandon: 0.2,
			cout_realise_xpf: 3_300_000, sorties_dynamiques: 2, cout_par_sortie_dynamique_xpf: null, projets: 3
		});
		const expected = independentPlan(FIXTURE, Y2025);
		expectSameRows(json.competences, expected.competences);
		expectSameRows(json.secteurs, expected.secteurs);
	});

	it('fixture, by territory: people by residence, actions by place', () => {
		for (const territoire of ['PN', 'PS', '98811']) {
			const json = cli(['--data', FIXTURE, '--from', Y2025.du, '--to', Y2025.au, '--territoire', territoire]);
			const expected = independentPlan(FIXTURE, { ...Y2025, territoire });
			expectSameRows(json.competences, expected.competences);
			expectSameRows(json.secteurs, expected.secteurs);
		}
	});

	it('--secret: counts of 1 to 4 people and rates over fewer than 11 read « s »; money stays', () => {
		const json = cli(['--data', FIXTURE, '--from', Y2025.du, '--to', Y2025.au, '--secret']);
		expect(json.competences[1]).toEqual({
			referentiel: 'ANLCI', domaine: 'lire', personnes_evaluees: 's', personnes_initial_et_final: 's',
			gain_moyen_niveaux: 's', part_progression: 's', part_niveau_cible: 's', attrition: 's'
		});
		expect(json.secteurs.find((s: any) => s.secteur === 'autre')).toMatchObject({
			actions: 1, places_prevues: 10, entrees: 's', taux_remplissage: 's', abandons: 's', cout_realise_xpf: 1_800_000,
			sorties_dynamiques: 's', cout_par_sortie_dynamique_xpf: 's', projets: 0
		});
	});

	it('without evaluations or actions the sections are absent (the parcours output is unchanged)', () => {
		const json = cli(['--data', join(FIXTURES, 'cas-limites'), '--from', '2024-01-01', '--to', '2024-12-31']);
		expect(json).not.toHaveProperty('competences');
		expect(json).not.toHaveProperty('secteurs');
	});

	it('matches the independent computation on the demo dataset', () => {
		expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
		for (const args of [{ ...Y2025, territoire: null }, { du: '2024-01-01', au: '2024-12-31', territoire: 'PN' }]) {
			const json = cli(['--data', 'data/demo', '--from', args.du, '--to', args.au, ...(args.territoire ? ['--territoire', args.territoire] : [])]);
			const expected = independentPlan('data/demo', args);
			expect(json.competences.length).toBeGreaterThan(10);
			expect(json.secteurs.length).toBeGreaterThan(5);
			expectSameRows(json.competences, expected.competences);
			expectSameRows(json.secteurs, expected.secteurs);
		}
	});
});
