/**
 * What the Compétences essentielles page shows, computed end to end (SQL →
 * secrecy) so components only format ready rows. Also used by the map hook,
 * the benchmark and the tests.
 */
import type { Engine } from '../db/engine';
import type { Filters } from '../queries/filters';
import {
	STAGE_MEASURES,
	type CompetenceScope,
	type StageIndicators,
	type StageYear
} from '../queries/competences';
import {
	competencesPageSql,
	FLOW_MEASURES,
	PROGRESSION_MEASURES,
	REFERENTIAL_MEASURES,
	type DomainProgression,
	type LevelFlow,
	type ReferentialSummary
} from '../queries/progression';
import { applySecrecy, applySecrecyByGroup, type MaskedRow, type Measures, type RowSum } from '../secrecy/apply';
import { DEFAULT_POLICY, type SecrecyPolicy } from '../secrecy/policy';
import { territoryHierarchy, type LevelResults, type TerritoryRow } from '../reference/hierarchy';
import type { Territory } from '../reference/territory';
import { grainRows } from './grain';
import { nextFilters, toggled } from './warm-up';
import { PUBLICS } from '../model/codes';

type Raw<T> = T & Record<string, unknown>;
export type MaskedStages = MaskedRow<Raw<StageIndicators>>;
export type StageTerritoryRow = TerritoryRow<MaskedStages>;

/**
 * Rows of the four levels arranged as the territory hierarchy and masked
 * along it (primary secrecy, then secondary suppression of communes under
 * their ETH or province, ETH under their province, provinces under the total).
 */
export function protectLevels<R extends { niveau: string; cle: string | null }>(
	territory: Territory,
	rows: R[],
	measures: Measures,
	policy: SecrecyPolicy = DEFAULT_POLICY,
	rowSums: readonly RowSum[] = []
): TerritoryRow<MaskedRow<R>>[] {
	const results: LevelResults<R> = { total: [], province: [], eth: [], commune: [] };
	for (const row of rows) results[row.niveau as keyof LevelResults<R>]?.push(row);
	const tree = territoryHierarchy(territory, results, (r) => r.cle);
	const flat = tree.map((r) => ({ ...r.valeurs, __cle: r.cle, __parent: r.parent }));
	const masked = applySecrecy(flat, measures, policy, { key: (r) => r.__cle, parent: (r) => r.__parent }, rowSums);
	return tree.map((r, i) => {
		const { __cle: _k, __parent: _p, ...valeurs } = masked[i] as Record<string, unknown>;
		return { ...r, valeurs: valeurs as MaskedRow<R> };
	});
}

/** Positioned people are either paired or in attrition: one hidden part must not be recomputable. */
export const STAGE_SUMS: readonly RowSum[] = [{ total: 'positionnement', parts: ['personnes_appariees', 'attrition'] }];
const PROGRESSION_SUMS: readonly RowSum[] = [{ total: 'personnes_positionnees', parts: ['personnes_initial_et_final', 'attrition'] }];
const REFERENTIAL_SUMS: readonly RowSum[] = [{ total: 'personnes_positionnees', parts: ['personnes_appariees', 'attrition'] }];

/**
 * The page's rows of one filter change in one query (chain by level and by
 * year, progression by domain and referential, level flows): the panels ask the
 * same SQL, which the browser's engine cache runs once.
 */
function pageRows(engine: Engine, f: Filters, c: CompetenceScope): Promise<Record<string, unknown>[]> {
	return engine.query<Record<string, unknown>>(competencesPageSql(f, c));
}

/** The page's queries one filter change away (the engine's warm-up, `db/cache.ts`). */
export function competencesWarmUpSql(f: Filters, c: CompetenceScope, territory: Territory): string[] {
	return [
		...nextFilters(f, territory).map((v) => competencesPageSql(v, c)),
		...toggled(c, { public: PUBLICS[PUBLICS.length - 1], referentiel: 'ANLCI' }).map((v) => competencesPageSql(f, v))
	];
}

const STAGE_COLUMNS = ['niveau', 'cle', ...Object.keys(STAGE_MEASURES)];
const YEAR_COLUMNS = ['annee', 'reperage', 'positionnement', 'formation', 'evaluation_finale', 'heures_formation'];

/** The chain repérage → positionnement → formation → évaluation finale for the total and every territory. */
export async function chainByTerritory(
	engine: Engine,
	f: Filters,
	c: CompetenceScope,
	territory: Territory,
	policy: SecrecyPolicy = DEFAULT_POLICY
): Promise<StageTerritoryRow[]> {
	const rows = grainRows<Raw<StageIndicators>>(await pageRows(engine, f, c), 'niveau', STAGE_COLUMNS);
	return protectLevels(territory, rows, STAGE_MEASURES, policy, STAGE_SUMS);
}

/** The chain year by year (whole data span, other filters applied). */
export async function chainByYear(
	engine: Engine,
	f: Filters,
	c: CompetenceScope,
	policy: SecrecyPolicy = DEFAULT_POLICY
): Promise<MaskedRow<Raw<StageYear>>[]> {
	const rows = grainRows<Raw<StageYear>>(await pageRows(engine, f, c), 'annee', YEAR_COLUMNS);
	return applySecrecy(rows, STAGE_MEASURES, policy);
}

export interface ProgressionData {
	referentials: MaskedRow<Raw<ReferentialSummary>>[];
	domains: MaskedRow<Raw<DomainProgression>>[];
	/** The referential of the level-to-level chart: the chosen one, else the one with most pairs. */
	flowReferential: string | null;
	/** Pairs of `flowReferential` by domain × initial level × final level. */
	flows: MaskedRow<Raw<LevelFlow>>[];
}

const DOMAIN_COLUMNS = ['referentiel', 'domaine', ...Object.keys(PROGRESSION_MEASURES)];
const REFERENTIAL_COLUMNS = ['referentiel', ...Object.keys(REFERENTIAL_MEASURES)];
const FLOW_COLUMNS = ['referentiel', 'domaine', 'niveau_initial', 'niveau_final', 'personnes'];

/** Progression per referential and domain, and the level-to-level flows of one referential (the page's query). */
export async function progressionData(
	engine: Engine,
	f: Filters,
	c: CompetenceScope,
	policy: SecrecyPolicy = DEFAULT_POLICY
): Promise<ProgressionData> {
	const rows = await pageRows(engine, f, c);
	const rowsOf = <T>(grain: string, columns: readonly string[]) => grainRows<Raw<T>>(rows, grain, columns);
	const domains = rowsOf<DomainProgression>('domaine', DOMAIN_COLUMNS);
	const referentials = rowsOf<ReferentialSummary>('referentiel', REFERENTIAL_COLUMNS).sort(
		(a, b) => b.personnes_evaluees - a.personnes_evaluees || String(a.referentiel).localeCompare(String(b.referentiel))
	);
	const ranked = referentials
		.filter((r) => r.referentiel !== null && r.personnes_appariees > 0)
		.sort((a, b) => b.personnes_appariees - a.personnes_appariees || String(a.referentiel).localeCompare(String(b.referentiel)));
	const flowReferential = c.referentiel ?? ranked[0]?.referentiel ?? null;
	const flows = rowsOf<LevelFlow & { referentiel: string | null }>('flux', FLOW_COLUMNS).filter((r) => r.referentiel === flowReferential);
	return {
		referentials: applySecrecy(referentials, REFERENTIAL_MEASURES, policy, undefined, REFERENTIAL_SUMS),
		domains: applySecrecy(domains, PROGRESSION_MEASURES, policy, undefined, PROGRESSION_SUMS),
		flowReferential,
		// Flows of a domain add up to its published number of pairs: secondary secrecy within the domain.
		flows: applySecrecyByGroup(flows, FLOW_MEASURES, (r) => String(r.domaine), policy)
	};
}
