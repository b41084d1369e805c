/**
 * Competences plan indicators on the hand-made « compétences et secteurs »
 * fixture; every expected value is derived in
 * tests/fixtures/competences-secteurs/README.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/db/engine';
import type { Filters } from '../../src/lib/queries/filters';
import { stagesByLevelSql, stagesByYearSql, type StageIndicators } from '../../src/lib/queries/competences';
import { competencesPageSql, levelFlowsSql, progressionSql, referentialSummarySql, type DomainProgression } from '../../src/lib/queries/progression';
import { objectivesSql } from '../../src/lib/queries/objectifs';
import { chainByTerritory, progressionData } from '../../src/lib/panels/competences';
import { objectivesData, objectiveSignal } from '../../src/lib/panels/objectifs';
import { competencesMapSource } from '../../src/lib/panels/competences-map';
import { MAP_INDICATORS } from '../../src/lib/map/indicators';
import { readTerritory, type Territory } from '../../src/lib/reference/territory';
import { DEFAULT_POLICY } from '../../src/lib/secrecy/policy';
import { FREINS_SENSIBLES } from '../../src/lib/model/codes';
import { fixtureEngine } from './engine-helpers';
import { readFileSync } from 'node:fs';

const Y2025: Filters = { du: '2025-01-01', au: '2025-12-31' };
const OPEN = { ...DEFAULT_POLICY, effectif_min: 1, denominateur_min: 1, secret_secondaire: false };
let engine: Engine;
let territory: Territory;

type Row = StageIndicators & Record<string, unknown>;
async function levels(f: Filters, c = {}): Promise<Record<string, Row>> {
	const rows = await engine.query<Row>(stagesByLevelSql(f, c));
	return Object.fromEntries(rows.map((r) => [`${r.niveau}:${r.cle}`, r]));
}

beforeAll(async () => {
	({ engine } = await fixtureEngine('competences-secteurs'));
	territory = await readTerritory(engine);
});

describe('la chaîne repérage → positionnement → formation → évaluation finale (2025)', () => {
	it('counts distinct people at each stage, with training hours', async () => {
		expect((await levels(Y2025))['total:total']).toMatchObject({
			reperage: 6,
			positionnement: 5,
			formation: 3,
			evaluation_finale: 5,
			heures_formation: 290,
			personnes_appariees: 3,
			personnes_progression: 2,
			attrition: 2
		});
		expect((await levels(Y2025))['total:total'].taux_progression).toBeCloseTo(2 / 3, 12);
	});

	it('puts people in the territory of their residence, not where they were assessed', async () => {
		const l = await levels(Y2025);
		expect(l['commune:98811']).toMatchObject({ reperage: 2, positionnement: 2, formation: 2, evaluation_finale: 3, heures_formation: 210, attrition: 1 });
		expect(l['commune:98818']).toMatchObject({ reperage: 2, positionnement: 2, formation: 1, evaluation_finale: 2, personnes_appariees: 2 });
		expect(l['commune:98801']).toMatchObject({ reperage: 1, positionnement: 0, formation: 0 });
		expect(l['eth:grand_nord']).toMatchObject({ reperage: 2, positionnement: 1 });
		expect(l['province:PN']).toMatchObject({ reperage: 4, positionnement: 3, attrition: 2 });
	});

	it('never uses a sensitive barrier: P8 (santé, justice only) is not screened in Poindimié', async () => {
		const l = await levels(Y2025);
		expect(l['commune:98822']?.reperage ?? 0).toBe(0);
		const sql = stagesByLevelSql(Y2025) + stagesByYearSql(Y2025);
		for (const code of FREINS_SENSIBLES) expect(sql).not.toContain(`'${code}'`);
	});

	it('by year over the whole data: 2024, 2025 and the 2026 final assessment', async () => {
		const rows = await engine.query<Record<string, unknown>>(stagesByYearSql(Y2025));
		expect(rows.map((r) => [r.annee, r.reperage, r.positionnement, r.formation, r.evaluation_finale])).toEqual([
			[2024, 1, 1, 0, 0],
			[2025, 6, 5, 3, 5],
			[2026, 0, 0, 0, 1]
		]);
	});

	it('public scolaire: repérage is the positioning, formation is not computed', async () => {
		expect((await levels(Y2025, { public: 'scolaire' }))['total:total']).toMatchObject({
			reperage: 1,
			positionnement: 1,
			formation: null,
			evaluation_finale: 1
		});
	});

	it('a referential chosen: repérage and formation are not computed', async () => {
		expect((await levels(Y2025, { referentiel: 'CCE' }))['total:total']).toMatchObject({
			reperage: null,
			positionnement: 2,
			formation: null,
			evaluation_finale: 1,
			personnes_appariees: 1
		});
	});
});

describe('progression entre évaluation initiale et finale (2025)', () => {
	it('per referential × domain: pairs, mean gain, shares, attrition', async () => {
		const rows = await engine.query<DomainProgression & Record<string, unknown>>(progressionSql(Y2025));
		const pick = (r: DomainProgression) => [r.referentiel, r.domaine, r.personnes_evaluees, r.personnes_initial_et_final, r.gain_moyen_niveaux, r.part_progression, r.part_niveau_cible, r.attrition];
		expect(rows.map(pick)).toEqual([
			['ANLCI', 'calcul', 2, 1, 0, 0, 1, 1],
			['ANLCI', 'lire', 4, 2, 1, 0.5, 1, 1],
			['CCE', 'calcul', 1, 1, 1, 1, 1, 0],
			['CCE', 'lire', 2, 1, 0, 0, 0, 1]
		]);
	});

	it('per referential: distinct people positioned, finally assessed, paired', async () => {
		const rows = await engine.query<Record<string, unknown>>(referentialSummarySql(Y2025));
		expect(rows.map((r) => [r.referentiel, r.personnes_evaluees, r.personnes_positionnees, r.personnes_evaluation_finale, r.personnes_appariees, r.attrition])).toEqual([
			['ANLCI', 4, 3, 4, 2, 1],
			['CCE', 2, 2, 1, 1, 1]
		]);
	});

	it('level-to-level flows of a referential', async () => {
		const rows = await engine.query<Record<string, unknown>>(levelFlowsSql(Y2025, {}, 'ANLCI'));
		expect(rows.map((r) => [r.domaine, r.niveau_initial, r.niveau_final, r.personnes])).toEqual([
			['calcul', 3, 3, 1],
			['lire', 1, 3, 1],
			['lire', 2, 2, 1]
		]);
	});

	it('data/niveaux-cibles.csv: ANLCI degree 2 by default, one line per referential, UTF-8 with LF', async () => {
		const text = readFileSync('data/niveaux-cibles.csv', 'utf8');
		expect(text.includes('\r')).toBe(false);
		expect(text.endsWith('\n')).toBe(true);
		const rows = await engine.query<{ referentiel: string; niveau_cible: number }>('SELECT referentiel, niveau_cible FROM ref_niveaux_cibles ORDER BY referentiel');
		expect(rows).toContainEqual({ referentiel: 'ANLCI', niveau_cible: 2 });
		expect(rows.map((r) => r.referentiel).sort()).toEqual(['ANLCI', 'CCE', 'CECRL', 'CLEA', 'interne']);
	});

	it('the target level comes from data/niveaux-cibles.csv and can be changed', async () => {
		await engine.exec(`UPDATE ref_niveaux_cibles SET niveau_cible = 3 WHERE referentiel = 'ANLCI'`);
		try {
			const rows = await engine.query<DomainProgression & Record<string, unknown>>(progressionSql(Y2025));
			expect(rows.find((r) => r.referentiel === 'ANLCI' && r.domaine === 'lire')?.part_niveau_cible).toBe(0.5);
		} finally {
			await engine.exec(`UPDATE ref_niveaux_cibles SET niveau_cible = 2 WHERE referentiel = 'ANLCI'`);
		}
	});

	it('the page’s one-pass query gives the same rows as the five queries', async () => {
		const all = await engine.query<Record<string, unknown>>(competencesPageSql(Y2025));
		const part = (grain: string, columns: string[]) => all.filter((r) => r.grain === grain).map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
		const levels = await engine.query<Record<string, unknown>>(stagesByLevelSql(Y2025));
		expect(part('niveau', Object.keys(levels[0]))).toEqual(levels);
		const years = await engine.query<Record<string, unknown>>(stagesByYearSql(Y2025));
		expect(years.length).toBeGreaterThan(0);
		expect(part('annee', Object.keys(years[0]))).toEqual(years);
		const domains = await engine.query<Record<string, unknown>>(progressionSql(Y2025));
		expect(part('domaine', Object.keys(domains[0]))).toEqual(domains);
		const refs = await engine.query<Record<string, unknown>>(referentialSummarySql(Y2025));
		expect(part('referentiel', Object.keys(refs[0]))).toEqual([...refs].sort((a, b) => String(a.referentiel).localeCompare(String(b.referentiel))));
		const flows = await engine.query<Record<string, unknown>>(levelFlowsSql(Y2025, {}, 'ANLCI'));
		expect(part('flux', ['referentiel', ...Object.keys(flows[0])]).filter((r) => r.referentiel === 'ANLCI').map(({ referentiel: _r, ...r }) => r)).toEqual(flows);
	});

	it('the panel picks the referential with most pairs for the flow chart', async () => {
		const data = await progressionData(engine, Y2025, {}, OPEN);
		expect(data.flowReferential).toBe('ANLCI');
		expect(data.flows).toHaveLength(3);
	});
});

describe('secret statistique', () => {
	it('small counts are « s », rates and means over fewer than 11 people are hidden', async () => {
		const data = await progressionData(engine, Y2025, {});
		const lire = data.domains.find((r) => r.referentiel === 'ANLCI' && r.domaine === 'lire')!;
		expect(lire.personnes_initial_et_final).toEqual({ secret: 'effectif' });
		expect(lire.gain_moyen_niveaux).toEqual({ secret: 'denominateur' });
		expect(lire.part_progression).toEqual({ secret: 'denominateur' });
		expect(data.flows.every((f) => typeof f.personnes === 'object')).toBe(true);
	});

	it('the territory table is masked along the hierarchy', async () => {
		const rows = await chainByTerritory(engine, Y2025, {}, territory);
		const total = rows.find((r) => r.niveau === 'total')!;
		expect(total.valeurs.reperage).toBe(6);
		expect(total.valeurs.positionnement).toBe(5);
		expect(total.valeurs.attrition).toEqual({ secret: 'effectif' });
		expect(rows.find((r) => r.cle === 'commune:98811')!.valeurs.reperage).toEqual({ secret: 'effectif' });
	});

	it('the map hook returns the same masked rows for the registry’s columns', async () => {
		const rows = await competencesMapSource(engine, Y2025, territory);
		expect(rows.find((r) => r.niveau === 'total')!.valeurs.reperage).toBe(6);
		for (const i of MAP_INDICATORS.filter((m) => m.source === 'competences')) expect(i.column in rows[0].valeurs).toBe(true);
	});
});

describe('objectifs et réalisations', () => {
	it('achieved over the calendar year by residence, only the followed indicators', async () => {
		const rows = await engine.query<Record<string, unknown>>(objectivesSql(2025, 2025));
		expect(rows.map((r) => [r.indicateur, r.code_territoire, r.cible, r.realise])).toEqual([
			['personnes_formees', 'PS', 2, 1],
			['personnes_positionnees', 'PN', 10, 3],
			['personnes_positionnees', 'espace_ouest', 2, 2],
			['personnes_positionnees', 'grand_nord', 1, 1]
		]);
	});

	it('every year at once: a year’s rows are those of that year asked alone (one query for any period)', async () => {
		const all = await engine.query<Record<string, unknown>>(objectivesSql());
		const years = [...new Set(all.map((r) => r.annee))];
		expect(years.length).toBeGreaterThan(1);
		for (const y of years as number[]) expect(all.filter((r) => r.annee === y)).toEqual(await engine.query(objectivesSql(y, y)));
	});

	it('signals: met / missed for a complete year; masked achieved gives no signal', async () => {
		const open = await objectivesData(engine, Y2025, '2026-11-15', territory, OPEN);
		expect(open.map((r) => [r.code_territoire, r.signal])).toEqual([
			['PS', 'non_atteint'],
			['PN', 'non_atteint'],
			['espace_ouest', 'atteint'],
			['grand_nord', 'atteint']
		]);
		const masked = await objectivesData(engine, Y2025, '2026-11-15', territory);
		expect(masked.every((r) => r.signal === 'secret' && r.taux_atteinte === null)).toBe(true);
		const pnOnly = await objectivesData(engine, { ...Y2025, eth: 'grand_nord', province: 'PN' }, '2026-11-15', territory, OPEN);
		expect(pnOnly.map((r) => r.code_territoire)).toEqual(['PN', 'grand_nord']);
	});

	it('a year under way is compared with the target prorated to the elapsed days', () => {
		// Data up to 2025-07-01: 182 days of 365 elapsed, target 100 → 49.9 expected by then.
		expect(objectiveSignal(50, 100, 2025, '2025-07-01')).toBe('trajectoire');
		expect(objectiveSignal(49, 100, 2025, '2025-07-01')).toBe('retard');
		expect(objectiveSignal(0, 100, 2026, '2025-12-31')).toBe('a_venir');
		expect(objectiveSignal(100, 100, 2025, '2025-12-31')).toBe('atteint');
		expect(objectiveSignal({ secret: 'effectif' }, 100, 2025, '2025-12-31')).toBe('secret');
	});
});
