/**
 * Sector indicators on the hand-made « compétences et secteurs » fixture;
 * every expected value is derived in tests/fixtures/competences-secteurs/README.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/db/engine';
import type { Filters } from '../../src/lib/queries/filters';
import { actionsSql, sectorsSql, type ActionRow, type SectorRow } from '../../src/lib/queries/secteurs';
import { employmentExitsSql, needsSql, sectorPageSql } from '../../src/lib/queries/besoins';
import { employmentExitsData, needsData, sectorFilterOptions, sectorTables } from '../../src/lib/panels/secteurs';
import { DEFAULT_POLICY } from '../../src/lib/secrecy/policy';
import { fixtureEngine } from './engine-helpers';

const Y2025: Filters = { du: '2025-01-01', au: '2025-12-31' };
const OPEN = { ...DEFAULT_POLICY, effectif_min: 1, denominateur_min: 1, secret_secondaire: false };
let engine: Engine;

async function sectors(f: Filters, s = {}): Promise<Record<string, SectorRow>> {
	const rows = await engine.query<SectorRow & Record<string, unknown>>(sectorsSql(f, s));
	return Object.fromEntries(rows.map((r) => [r.niveau === 'total' ? 'total' : String(r.secteur), r]));
}

beforeAll(async () => {
	({ engine } = await fixtureEngine('competences-secteurs'));
});

describe('par action (2025)', () => {
	it('an action belongs to the period by its start date; entries need a date_entree', async () => {
		const rows = await engine.query<ActionRow & Record<string, unknown>>(actionsSql(Y2025));
		expect(rows.map((r) => [r.id_action, r.entrees, r.abandons, r.sorties_dynamiques])).toEqual([
			['ACT1', 3, 2, 3],
			['ACT2', 3, 1, 2],
			['ACT3', 2, 0, 0],
			['ACT5', 0, 0, 0]
		]);
	});

	it('zero places: no fill rate; no participant: no drop-out rate; no cost: no cost per participant', async () => {
		const byId = Object.fromEntries((await engine.query<ActionRow & Record<string, unknown>>(actionsSql(Y2025))).map((r) => [r.id_action, r]));
		expect(byId.ACT1).toMatchObject({ taux_remplissage: 0.3, cout_par_participant_xpf: 600_000, cout_par_sortie_dynamique_xpf: 600_000 });
		expect(byId.ACT1.taux_abandon).toBeCloseTo(2 / 3, 12);
		expect(byId.ACT2).toMatchObject({ taux_remplissage: 0.375, cout_realise_xpf: null, cout_par_participant_xpf: null });
		expect(byId.ACT3).toMatchObject({ taux_remplissage: null, taux_abandon: 0, cout_par_participant_xpf: 1_650_000, cout_par_sortie_dynamique_xpf: null });
		expect(byId.ACT5).toMatchObject({ taux_remplissage: 0, taux_abandon: null });
	});
});

describe('par secteur (2025)', () => {
	it('autre: one action, fill 0.3, drop-out 2/3, 600 000 XPF per dynamic exit', async () => {
		const s = (await sectors(Y2025)).autre;
		expect(s).toMatchObject({ actions: 1, places_prevues: 10, entrees: 3, taux_remplissage: 0.3, abandons: 2, cout_realise_xpf: 1_800_000, sorties_dynamiques: 3, cout_par_sortie_dynamique_xpf: 600_000, projets: 0 });
		expect(s.taux_abandon).toBeCloseTo(2 / 3, 12);
	});

	it('btp: the zero-place action is out of the fill rate, the uncosted one out of the costs; several enrolments', async () => {
		expect((await sectors(Y2025)).btp).toMatchObject({
			actions: 2,
			places_prevues: 8,
			entrees: 5,
			taux_remplissage: 0.375,
			abandons: 1,
			taux_abandon: 0.2,
			heures: 1000,
			cout_prevu_xpf: 9_000_000,
			cout_realise_xpf: 3_300_000,
			cout_par_participant_xpf: 1_650_000,
			sorties_dynamiques: 2,
			sorties_dynamiques_cout_connu: 0,
			cout_par_sortie_dynamique_xpf: null,
			projets: 3,
			besoin: -5
		});
	});

	it('sectors with projects but no action; an action with no participant', async () => {
		const s = await sectors(Y2025);
		expect(s.commerce).toMatchObject({ actions: 0, places_prevues: 0, entrees: 0, taux_remplissage: null, projets: 2, besoin: 2 });
		expect(s.mine_metallurgie).toMatchObject({ actions: 0, projets: 1 });
		expect(s.transport_logistique).toMatchObject({ actions: 1, places_prevues: 5, entrees: 0, taux_remplissage: 0, taux_abandon: null, sorties_dynamiques: 0, cout_par_sortie_dynamique_xpf: null });
	});

	it('total: distinct participants and people, costs over the costed actions', async () => {
		const t = (await sectors(Y2025)).total;
		expect(t).toMatchObject({ actions: 4, places_prevues: 23, entrees: 8, abandons: 3, taux_abandon: 0.375, cout_realise_xpf: 6_000_000, sorties_dynamiques: 4, cout_par_participant_xpf: 1_200_000, cout_par_sortie_dynamique_xpf: 2_000_000, projets: 6 });
		expect(t.taux_remplissage).toBeCloseTo(6 / 23, 12);
	});

	it('page filters and territory: financeur, type, organisme; actions by their place', async () => {
		expect((await sectors(Y2025, { financeur: 'Province Sud' })).total).toMatchObject({ actions: 1, entrees: 2 });
		expect((await sectors(Y2025, { type_action: 'permis' })).total).toMatchObject({ actions: 1, places_prevues: 5 });
		expect((await sectors(Y2025, { organisme: 'AFPA NC' })).btp).toMatchObject({ actions: 1, entrees: 3 });
		const ps = await sectors({ ...Y2025, province: 'PS' });
		expect(ps.btp).toMatchObject({ actions: 1, entrees: 2, projets: 0 });
		expect(ps.commerce).toMatchObject({ projets: 1 });
		expect((await sectors({ du: '2024-01-01', au: '2024-12-31' })).commerce).toMatchObject({ actions: 1, entrees: 1 });
	});

	it('needs: projects by residence vs places by the action’s place, ETH in the Nord, ranked', async () => {
		const rows = await engine.query<Record<string, unknown>>(needsSql(Y2025));
		expect(rows.filter((r) => (r.besoin as number) > 0).map((r) => [r.secteur, r.territoire, r.projets, r.places_prevues, r.besoin])).toEqual([
			['btp', 'grand_nord', 1, 0, 1],
			['commerce', 'PS', 1, 0, 1],
			['commerce', 'espace_ouest', 1, 0, 1],
			['mine_metallurgie', 'grand_nord', 1, 0, 1]
		]);
		expect(rows.find((r) => r.secteur === 'btp' && r.territoire === 'espace_ouest')).toMatchObject({ projets: 2, places_prevues: 8, besoin: -6 });
		expect(await needsData(engine, Y2025, {})).toEqual([]);
		expect(await needsData(engine, Y2025, {}, OPEN)).toHaveLength(4);
	});

	it('exits into employment by sector of the job', async () => {
		const rows = await engine.query<Record<string, unknown>>(employmentExitsSql(Y2025));
		expect(rows.map((r) => [r.niveau, r.secteur, r.sorties_emploi, r.sorties_emploi_durable])).toEqual([
			['secteur', 'btp', 1, 1],
			['secteur', 'commerce', 1, 1],
			['secteur', 'mine_metallurgie', 1, 1],
			['total', null, 3, 3]
		]);
	});
});

describe('the page’s one-pass query', () => {
	it('gives the same rows as the sector, action, need and employment-exit queries', async () => {
		for (const [f, sc] of [[Y2025, {}], [{ ...Y2025, province: 'PN' }, { financeur: 'Province Nord' }]] as const) {
			const all = await engine.query<Record<string, unknown>>(sectorPageSql(f, sc));
			const part = (grain: string) => all.filter((r) => r.grain === grain).map(({ grain: _g, ...r }) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
			const strip = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
			expect(part('secteur')).toEqual(strip(await engine.query(sectorsSql(f, sc))));
			expect(part('action')).toEqual(strip(await engine.query(actionsSql(f, sc))));
			expect(part('besoin')).toEqual(strip(await engine.query(needsSql(f, sc))));
			expect(part('emploi')).toEqual(strip(await engine.query(employmentExitsSql(f))));
			expect(part('emploi').length).toBeGreaterThan(0);
		}
	});
});

describe('secret statistique', () => {
	it('counts of people masked, money and places public, rates and costs per person over < 11 hidden', async () => {
		const { sectors: rows, actions } = await sectorTables(engine, Y2025, {});
		const btp = rows.find((r) => r.secteur === 'btp')!;
		expect(btp.places_prevues).toBe(8);
		expect(btp.cout_realise_xpf).toBe(3_300_000);
		// 5 entries, but « autre » (3) is the only other non-zero sector under the published total of 8.
		expect(btp.entrees).toEqual({ secret: 'secondaire' });
		expect(btp.taux_remplissage).toEqual({ secret: 'denominateur' });
		expect(btp.cout_par_participant_xpf).toEqual({ secret: 'denominateur' });
		const act1 = actions.find((a) => a.id_action === 'ACT1')!;
		expect(act1.entrees).toEqual({ secret: 'effectif' });
		expect(act1.taux_remplissage).toEqual({ secret: 'denominateur' });
		expect(rows.find((r) => r.niveau === 'total')!.entrees).toBe(8);
	});

	it('exits by sector: small counts masked, with their split', async () => {
		const rows = await employmentExitsData(engine, Y2025, {});
		expect(rows.find((r) => r.niveau === 'total')!.sorties_emploi).toEqual({ secret: 'effectif' });
		expect(rows.find((r) => r.secteur === 'btp')!.sorties_emploi_durable).toEqual({ secret: 'effectif' });
	});

	it('page filter options come from the loaded actions', async () => {
		const o = await sectorFilterOptions(engine);
		expect(o.financeur).toEqual(['Province Nord', 'Province Sud']);
		expect(o.type_action).toContain('savoirs_de_base');
		expect(o.organisme).toHaveLength(5);
	});
});
