/**
 * Parcours indicators on the hand-made « cas limites » fixture; every expected
 * value is derived by hand in tests/fixtures/cas-limites/README.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/db/engine';
import { parcoursIndicatorsSql, type ParcoursIndicators } from '../../src/lib/queries/parcours';
import type { Filters } from '../../src/lib/queries/filters';
import { fixtureEngine } from './engine-helpers';

const YEAR_2024: Filters = { du: '2024-01-01', au: '2024-12-31' };
let engine: Engine;

async function total(f: Filters): Promise<ParcoursIndicators> {
	const [row] = await engine.query<ParcoursIndicators & Record<string, unknown>>(parcoursIndicatorsSql(f, 'total'));
	return row;
}

beforeAll(async () => {
	({ engine } = await fixtureEngine('cas-limites'));
});

describe('indicateurs de parcours — cas limites, année 2024', () => {
	it('file active: realised interviews/diagnostics/bilans/info collectives only, bounds included', async () => {
		expect((await total(YEAR_2024)).file_active).toBe(3);
	});

	it('nouveaux accueillis: earliest first contact over all parcours of the person', async () => {
		expect((await total(YEAR_2024)).nouveaux_accueillis).toBe(3);
	});

	it('délai d’entrée: continuous median and P90, parcours without first contact left out', async () => {
		const r = await total(YEAR_2024);
		expect(r.entrees).toBe(6);
		expect(r.delai_entree_n).toBe(5);
		expect(r.delai_entree_median_jours).toBe(14);
		expect(r.delai_entree_p90_jours).toBeCloseTo(26.6, 10);
	});

	it('sorties by category: explicit category wins, unknown motif stays in the denominator', async () => {
		const r = await total(YEAR_2024);
		expect(r.sorties).toBe(5);
		expect(r.sorties_emploi_durable).toBe(1);
		expect(r.sorties_emploi_transition).toBe(1);
		expect(r.sorties_neutralisees).toBe(1);
		expect(r.sorties_projet_de_vie).toBe(1);
		expect(r.sorties_non_categorisees).toBe(1);
		expect(r.sorties_retenues).toBe(3);
		expect(r.sorties_dynamiques).toBe(2);
		expect(r.taux_sorties_dynamiques).toBeCloseTo(2 / 3, 12);
		expect(r.taux_emploi_durable).toBeCloseTo(1 / 3, 12);
	});

	it('durée d’accompagnement: median and mean over exits of the period', async () => {
		const r = await total(YEAR_2024);
		expect(r.duree_accompagnement_mediane_jours).toBe(162);
		expect(r.duree_accompagnement_moyenne_jours).toBeCloseTo(146.4, 10);
	});

	it('taux de couverture: file active per 1,000 inhabitants of the territory', async () => {
		const r = await total(YEAR_2024);
		expect(r.population).toBe(264596);
		expect(r.taux_couverture_1000).toBeCloseTo((3 / 264596) * 1000, 12);
		const kone = await total({ ...YEAR_2024, commune: '98811' });
		expect(kone.population).toBe(8048);
		expect(kone.file_active).toBe(1);
		expect(kone.taux_couverture_1000).toBeCloseTo(1000 / 8048, 12);
	});

	it('by commune: territory is the person’s residence, unknown commune apart', async () => {
		const rows = await engine.query<ParcoursIndicators & Record<string, unknown>>(parcoursIndicatorsSql(YEAR_2024, 'commune'));
		const byCode = Object.fromEntries(rows.map((r) => [String(r.cle), r]));
		expect(byCode['98811']).toMatchObject({ file_active: 1, sorties: 4, sorties_retenues: 3, sorties_dynamiques: 2 });
		expect(byCode['98818']).toMatchObject({ file_active: 1, sorties: 0, taux_sorties_dynamiques: null });
		expect(byCode['98801']).toMatchObject({ file_active: 1, sorties: 1, sorties_retenues: 0, taux_sorties_dynamiques: null });
		expect(byCode['null']).toMatchObject({ file_active: 0, nouveaux_accueillis: 1, sorties: 0 });
	});

	it('province filter: Poya and the Nord communes in PN; unknown commune excluded', async () => {
		const r = await total({ ...YEAR_2024, province: 'PN' });
		expect(r).toMatchObject({ file_active: 2, nouveaux_accueillis: 1, sorties: 5 });
	});

	it('filters on the parcours: dispositif restricts events, first contacts and exits', async () => {
		const r = await total({ ...YEAR_2024, dispositif: 'accompagnement_court' });
		// A3 (P2), A6 (P5), A8 (P6): file active P5 (E9); first contact within the dispositif:
		// P2 (01/03/2024) and P6 (01/06/2024 — his 2023 contact was in another dispositif); exits A3, A6, A8.
		expect(r).toMatchObject({ file_active: 1, nouveaux_accueillis: 2, sorties: 3, sorties_retenues: 1, sorties_dynamiques: 0 });
	});

	it('period bounds: one day earlier or later changes the counts', async () => {
		const r = await total({ du: '2024-01-02', au: '2024-12-30' });
		// E9 (01/01) and E8 (31/12) fall out: P1 still has E1; P5 drops. A6 and A3 exits fall out.
		expect(r.file_active).toBe(2);
		expect(r.sorties).toBe(3);
	});

	it('an empty period gives zeros and null rates, not errors', async () => {
		const r = await total({ du: '2030-01-01', au: '2030-12-31' });
		expect(r).toMatchObject({ file_active: 0, sorties: 0, taux_sorties_dynamiques: null, delai_entree_median_jours: null });
	});
});

describe('indicateurs de la période précédente dans la même requête', () => {
	it('give the same rows as a query on the previous period itself', async () => {
		const f: Filters = { du: '2024-07-01', au: '2024-12-31' };
		const both = await engine.query<ParcoursIndicators & Record<string, unknown>>(parcoursIndicatorsSql(f, ['total', 'commune'], { withPrevious: true }));
		const previous = await engine.query<ParcoursIndicators & Record<string, unknown>>(
			parcoursIndicatorsSql({ du: '2024-01-01', au: '2024-06-30' }, ['total', 'commune'])
		);
		const strip = (rows: Record<string, unknown>[]) => rows.map(({ periode: _p, ...r }) => r);
		expect(strip(both.filter((r) => r.periode === 'precedente'))).toEqual(strip(previous));
		expect(both.filter((r) => r.periode === 'courante').length).toBeGreaterThan(0);
	});
});

describe('les lignes : chaque territoire actif dans la période', () => {
	const communes = async (options: Parameters<typeof parcoursIndicatorsSql>[2] = {}) =>
		(await engine.query<ParcoursIndicators & Record<string, unknown>>(parcoursIndicatorsSql(YEAR_2024, 'commune', options))).map((r) => r.cle);

	it('are the communes with an event of the file active, a first contact, an entry or an exit in the period, whatever the aggregates computed', async () => {
		const active = await engine.query<{ cle: string | null }>(`
			SELECT DISTINCT code_insee AS cle FROM (
			  SELECT code_insee, date FROM v_evenements_fa
			  UNION ALL SELECT code_insee, date_premier_contact FROM v_parcours UNION ALL SELECT code_insee, date_entree FROM v_parcours
			  UNION ALL SELECT code_insee, date_sortie FROM v_parcours)
			WHERE date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' ORDER BY cle NULLS LAST`);
		const expected = active.map((r) => r.cle);
		expect(await communes()).toEqual(expected);
		for (const part of ['fa', 'na', 'en', 'so'] as const) expect(await communes({ parts: [part] }), part).toEqual(expected);
	});

	it("with rows: 'computed', only the communes the computed aggregates have", async () => {
		const full = await engine.query<ParcoursIndicators & Record<string, unknown>>(parcoursIndicatorsSql(YEAR_2024, 'commune'));
		expect(await communes({ parts: ['so'], rows: 'computed' })).toEqual(full.filter((r) => r.sorties > 0).map((r) => r.cle));
	});
});
