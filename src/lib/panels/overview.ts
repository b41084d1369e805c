/**
 * What the overview's panels show, computed end to end (SQL → secrecy) so a
 * component only formats ready rows. Also used by the benchmark and tests.
 */
import type { Engine } from '../db/engine';
import { ALL_LEVELS, parcoursIndicatorsSql, PARCOURS_MEASURES, type ParcoursIndicators } from '../queries/parcours';
import { previousPeriod, type Filters } from '../queries/filters';
import { trendSql, TREND_MEASURES, type TrendGrain, type TrendRow } from '../queries/trend';
import { applySecrecy, applySecrecyByGroup, type MaskedRow } from '../secrecy/apply';
import { DEFAULT_POLICY, isMasked, type SecrecyPolicy } from '../secrecy/policy';
import { territoryHierarchy, type TerritoryRow } from '../reference/hierarchy';
import type { Territory } from '../reference/territory';
import { CATEGORIES_SORTIE } from '../model/codes';

export type Indicators = ParcoursIndicators & Record<string, unknown>;
export type MaskedIndicators = MaskedRow<Indicators>;

/**
 * The overview's one query: indicators of every level for `f` and the totals
 * of the previous period. KPI tiles, exit categories, the territory table and
 * the map ask this same SQL, run once through the engine's cache.
 */
export function overviewSql(f: Filters): string {
	return parcoursIndicatorsSql(f, ALL_LEVELS, { withPrevious: true });
}

async function allLevels(engine: Engine, f: Filters): Promise<Indicators[]> {
	return (await engine.query<Indicators>(overviewSql(f))).filter((r) => r.periode === 'courante');
}

async function total(engine: Engine, f: Filters, periode: 'courante' | 'precedente' = 'courante'): Promise<Indicators> {
	const rows = await engine.query<Indicators>(overviewSql(f));
	return rows.find((r) => r.periode === periode && r.niveau === 'total')!;
}

export interface KpiData {
	current: MaskedIndicators;
	previous: MaskedIndicators;
	previousPeriod: { du: string; au: string };
}

/** Totals of the period and of the previous one, after secrecy. */
export async function kpiData(engine: Engine, f: Filters, policy: SecrecyPolicy = DEFAULT_POLICY): Promise<KpiData> {
	const prev = previousPeriod(f);
	const current = await total(engine, f);
	const previous = await total(engine, f, 'precedente');
	return {
		current: applySecrecy([current], PARCOURS_MEASURES, policy)[0],
		previous: applySecrecy([previous], PARCOURS_MEASURES, policy)[0],
		previousPeriod: prev
	};
}

export interface CategoryRow {
	categorie: string;
	sorties: number;
	part: number | null;
}

const CATEGORY_COLUMNS: Record<string, keyof ParcoursIndicators> = {
	emploi_durable: 'sorties_emploi_durable',
	emploi_transition: 'sorties_emploi_transition',
	sortie_positive: 'sorties_positives',
	autre_sortie: 'sorties_autres',
	neutralisee: 'sorties_neutralisees',
	projet_de_vie: 'sorties_projet_de_vie',
	non_categorisee: 'sorties_non_categorisees'
};

/** Exits of the period by category, under the exits total (secondary secrecy within). */
export async function exitCategories(
	engine: Engine,
	f: Filters,
	policy: SecrecyPolicy = DEFAULT_POLICY
): Promise<{ total: MaskedRow<{ sorties: number }>; rows: MaskedRow<CategoryRow>[] }> {
	const t = await total(engine, f);
	const rows: (CategoryRow & { cle: string })[] = [...CATEGORIES_SORTIE, 'non_categorisee' as const]
		.map((c) => ({ cle: c, categorie: c, sorties: t[CATEGORY_COLUMNS[c]] as number, part: null as number | null }))
		.filter((r) => r.categorie !== 'non_categorisee' || r.sorties > 0)
		.map((r) => ({ ...r, part: t.sorties ? r.sorties / t.sorties : null }));
	const all = [{ cle: 'total', categorie: 'total', sorties: t.sorties, part: 1 }, ...rows];
	const masked = applySecrecy(
		all,
		{ sorties: { kind: 'count' }, part: { kind: 'follows', count: 'sorties' } },
		policy,
		{ key: (r) => r.cle, parent: (r) => (r.cle === 'total' ? null : 'total') }
	);
	return { total: masked[0], rows: masked.slice(1) };
}

/** Share of masked cells above which the trend is shown by year rather than by quarter. */
const MAX_MASKED_SHARE = 0.25;

export interface TrendData {
	grain: TrendGrain;
	rows: MaskedRow<TrendRow>[];
}

/**
 * Entries and exits by quarter, quarters protected under their year; by year
 * when too many quarters would be secret (small territories).
 */
export async function trendData(engine: Engine, f: Filters, dataEnd: string, policy: SecrecyPolicy = DEFAULT_POLICY): Promise<TrendData> {
	const quarters = await engine.query<TrendRow & Record<string, unknown>>(trendSql(f, 'quarter', dataEnd));
	const masked = applySecrecyByGroup(quarters, TREND_MEASURES, (r) => String(r.annee), policy);
	const cells = masked.flatMap((r) => [r.entrees, r.sorties]);
	if (cells.filter(isMasked).length <= cells.length * MAX_MASKED_SHARE) return { grain: 'quarter', rows: masked };
	const years = await engine.query<TrendRow & Record<string, unknown>>(trendSql(f, 'year', dataEnd));
	return { grain: 'year', rows: applySecrecy(years, TREND_MEASURES, policy) };
}

export type MaskedTerritoryRow = TerritoryRow<MaskedIndicators>;

/** Indicators by province, ETH and commune in one table, with secondary secrecy along the hierarchy. */
export async function territoryTable(
	engine: Engine,
	f: Filters,
	territory: Territory,
	policy: SecrecyPolicy = DEFAULT_POLICY
): Promise<MaskedTerritoryRow[]> {
	const all = await allLevels(engine, f);
	const at = (level: string) => all.filter((r) => r.niveau === level);
	const rows = territoryHierarchy(
		territory,
		{ total: at('total'), province: at('province'), eth: at('eth'), commune: at('commune') },
		(r) => r.cle
	);
	const flat = rows.map((r) => ({ ...r.valeurs, __cle: r.cle, __parent: r.parent }));
	const masked = applySecrecy(flat, PARCOURS_MEASURES, policy, { key: (r) => r.__cle, parent: (r) => r.__parent });
	return rows.map((r, i) => ({ ...r, valeurs: masked[i] as MaskedIndicators }));
}
