/**
 * The warm-up queries (db/cache.ts) are the pages' own SQL one filter change
 * away: every one must run, and each changes one filter only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/db/engine';
import type { Filters } from '../../src/lib/queries/filters';
import { nextFilters } from '../../src/lib/panels/warm-up';
import { competencesWarmUpSql } from '../../src/lib/panels/competences';
import { sectorFilterOptions, sectorWarmUpSql } from '../../src/lib/panels/secteurs';
import { competencesPageSql } from '../../src/lib/queries/progression';
import { sectorPageSql } from '../../src/lib/queries/besoins';
import { readTerritory, type Territory } from '../../src/lib/reference/territory';
import { fixtureEngine } from './engine-helpers';

let engine: Engine;
let territory: Territory;
beforeAll(async () => {
	({ engine } = await fixtureEngine('competences-secteurs'));
	territory = await readTerritory(engine);
});

const YEAR: Filters = { du: '2025-01-01', au: '2025-12-31' };
/** The filters of `v` that differ from `f` (a missing filter counts as null). */
const changed = (f: Filters, v: Filters) =>
	(Object.keys({ ...f, ...v }) as (keyof Filters)[]).filter((k) => (f[k] ?? null) !== (v[k] ?? null));

describe('filters one change away', () => {
	it('set each unset filter of the bar, and move the period one year back', () => {
		const variants = nextFilters(YEAR, territory);
		expect(variants.map((v) => changed(YEAR, v))).toEqual([
			['du', 'au'], ['province'], ['eth'], ['commune'], ['sexe'], ['tranche_age'], ['dispositif'], ['structure']
		]);
		expect(variants[0]).toMatchObject({ du: '2024-01-01', au: '2024-12-31' });
		// The territory variants stay inside one another: the commune is in the ETH, the ETH in the province.
		const commune = territory.communeByInseeCode.get(variants[3].commune!)!;
		expect(commune.eth).toBe(variants[2].eth);
		expect(territory.eths.find((e) => e.code === variants[2].eth)!.province).toBe(variants[1].province);
	});

	it('clear a filter that is set, with the finer territories under a province or an ETH', () => {
		const f: Filters = { ...YEAR, province: 'PN', eth: 'espace_ouest', sexe: 'F', dispositif: 'jeunes' };
		const variants = nextFilters(f, territory);
		expect(variants[1]).toMatchObject({ province: null, eth: null, commune: null });
		expect(changed(f, variants[2])).toEqual(['eth']);
		expect(changed(f, variants[4])).toEqual(['sexe']);
		expect(changed(f, variants[6])).toEqual(['dispositif']);
	});
});

describe('warm-up queries of the pages', () => {
	it('Compétences: the page query for each next filter and each page filter, all runnable', async () => {
		const sqls = competencesWarmUpSql(YEAR, {}, territory);
		expect(sqls).toHaveLength(10);
		expect(sqls).toContain(competencesPageSql(YEAR, { referentiel: 'ANLCI' }));
		expect(sqls).not.toContain(competencesPageSql(YEAR, {}));
		for (const sql of sqls) await expect(engine.query(sql)).resolves.toBeInstanceOf(Array);
	});

	it('Secteurs: the page query for each next filter and each page filter, all runnable', async () => {
		const options = await sectorFilterOptions(engine);
		const sqls = sectorWarmUpSql(YEAR, {}, territory, options);
		expect(sqls).toHaveLength(11);
		expect(sqls).toContain(sectorPageSql(YEAR, { financeur: options.financeur[0] }));
		expect(new Set(sqls).size).toBe(11);
		for (const sql of sqls) await expect(engine.query(sql)).resolves.toBeInstanceOf(Array);
	});
});
