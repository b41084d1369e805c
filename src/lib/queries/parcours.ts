/**
 * Parcours indicators of domain.md §4, as one SQL definition used by the app,
 * the CLI and the tests: file active, nouveaux accueillis, délai d'entrée,
 * sorties by category, taux de sorties dynamiques / d'emploi durable, durée
 * d'accompagnement, taux de couverture.
 */
import { previousPeriod, scopeConditions, territoryConditions, type Filters, type Level } from './filters';
import { dateLit, lit, litList } from './sql';
import type { Measures } from '../secrecy/apply';

/** One row of parcours indicators for a territory (or the total). */
export interface ParcoursIndicators {
	periode: 'courante' | 'precedente';
	niveau: Level;
	cle: string | null;
	file_active: number;
	nouveaux_accueillis: number;
	sorties: number;
	sorties_emploi_durable: number;
	sorties_emploi_transition: number;
	sorties_positives: number;
	sorties_autres: number;
	sorties_neutralisees: number;
	sorties_projet_de_vie: number;
	sorties_non_categorisees: number;
	sorties_dynamiques: number;
	/** sorties − neutralisées − projet de vie: the rates' denominator. */
	sorties_retenues: number;
	taux_sorties_dynamiques: number | null;
	taux_emploi_durable: number | null;
	entrees: number;
	delai_entree_n: number;
	delai_entree_median_jours: number | null;
	delai_entree_p90_jours: number | null;
	duree_n: number;
	duree_accompagnement_mediane_jours: number | null;
	duree_accompagnement_moyenne_jours: number | null;
	population: number | null;
	taux_couverture_1000: number | null;
}

/** How each column is protected by statistical secrecy. */
export const PARCOURS_MEASURES: Measures = {
	file_active: { kind: 'count' },
	nouveaux_accueillis: { kind: 'count' },
	sorties: { kind: 'count' },
	sorties_emploi_durable: { kind: 'count' },
	sorties_emploi_transition: { kind: 'count' },
	sorties_positives: { kind: 'count' },
	sorties_autres: { kind: 'count' },
	sorties_neutralisees: { kind: 'count' },
	sorties_projet_de_vie: { kind: 'count' },
	sorties_non_categorisees: { kind: 'count' },
	sorties_dynamiques: { kind: 'count' },
	sorties_retenues: { kind: 'count' },
	taux_sorties_dynamiques: { kind: 'rate', denominator: 'sorties_retenues' },
	taux_emploi_durable: { kind: 'rate', denominator: 'sorties_retenues' },
	entrees: { kind: 'count' },
	delai_entree_n: { kind: 'count' },
	delai_entree_median_jours: { kind: 'stat', n: 'delai_entree_n' },
	delai_entree_p90_jours: { kind: 'stat', n: 'delai_entree_n' },
	duree_n: { kind: 'count' },
	duree_accompagnement_mediane_jours: { kind: 'stat', n: 'duree_n' },
	duree_accompagnement_moyenne_jours: { kind: 'stat', n: 'duree_n' },
	population: { kind: 'public' },
	taux_couverture_1000: { kind: 'follows', count: 'file_active' }
};

/** Every level, as computed by one query (the territory tables and the map use them all). */
export const ALL_LEVELS: readonly Level[] = ['total', 'province', 'eth', 'commune'];

/** GROUPING SETS of the four levels over alias `a` (which has province, eth, code_insee), within each period. */
function levelSets(a: string, period = 'per.periode'): string {
	return `GROUPING SETS ((${period}), (${period}, ${a}.province), (${period}, ${a}.eth), (${period}, ${a}.code_insee))`;
}

/** `niveau` and `cle` of a grouped row (grouping() bits: province, eth, code_insee). */
function levelColumns(a: string): string {
	const g = `grouping(${a}.province, ${a}.eth, ${a}.code_insee)`;
	return `CASE ${g} WHEN 7 THEN 'total' WHEN 3 THEN 'province' WHEN 5 THEN 'eth' ELSE 'commune' END AS niveau,
    CASE ${g} WHEN 7 THEN 'total' WHEN 3 THEN ${a}.province WHEN 5 THEN ${a}.eth ELSE ${a}.code_insee END AS cle`;
}

const on = (t: string) => `${t}.periode = k.periode AND ${t}.niveau = k.niveau AND ${t}.cle IS NOT DISTINCT FROM k.cle`;

/** The four aggregates of the query, and the measure columns each computes (counts BIGINT, the rest DOUBLE). */
export const PARCOURS_PARTS = {
	fa: { file_active: 'BIGINT' },
	na: { nouveaux_accueillis: 'BIGINT' },
	en: { entrees: 'BIGINT', delai_entree_n: 'BIGINT', delai_entree_median_jours: 'DOUBLE', delai_entree_p90_jours: 'DOUBLE' },
	so: {
		sorties: 'BIGINT', sorties_emploi_durable: 'BIGINT', sorties_emploi_transition: 'BIGINT', sorties_positives: 'BIGINT',
		sorties_autres: 'BIGINT', sorties_neutralisees: 'BIGINT', sorties_projet_de_vie: 'BIGINT', sorties_non_categorisees: 'BIGINT',
		sorties_dynamiques: 'BIGINT', sorties_retenues: 'BIGINT', duree_n: 'BIGINT',
		duree_accompagnement_mediane_jours: 'DOUBLE', duree_accompagnement_moyenne_jours: 'DOUBLE'
	}
} as const;
export type ParcoursPart = keyof typeof PARCOURS_PARTS;

/** The parts a set of result columns needs (`taux_*` from the exits, the coverage from the file active). */
export function partsOf(columns: readonly string[]): ParcoursPart[] {
	const derived: Record<string, string> = { taux_sorties_dynamiques: 'sorties', taux_emploi_durable: 'sorties', taux_couverture_1000: 'file_active' };
	const wanted = new Set(columns.map((c) => derived[c] ?? c));
	return (Object.keys(PARCOURS_PARTS) as ParcoursPart[]).filter((part) => Object.keys(PARCOURS_PARTS[part]).some((c) => wanted.has(c)));
}

export interface IndicatorOptions {
	/** Also compute the previous period of the same length (rows with `periode` = 'precedente'). */
	withPrevious?: boolean;
	/**
	 * Only these aggregates are computed (the others are empty: their counts
	 * are 0 and their statistics NULL). The rows are the same either way
	 * (unless `rows` says otherwise): a territory's row comes from its activity
	 * in the period, not from the aggregates. For a view that shows a few columns only — the map. Default: all.
	 */
	parts?: readonly ParcoursPart[];
	/**
	 * 'computed': only the territories the computed aggregates have rows for —
	 * for a view where a row without a value reads like no row at all (a rate,
	 * a duration). Default 'active': every territory active in the period.
	 */
	rows?: 'active' | 'computed';
}

/**
 * All parcours indicators for the period and filters of `f`: one row per
 * (periode, niveau, cle) of the requested levels — `total`/'total', each
 * province, each ETH (NULL = no ETH), each commune (NULL = commune not
 * recognised) where something happened in the period (an event of the file
 * active, a first contact, an entry or an exit: `actif`); `periode` is
 * 'courante', and 'precedente' for the previous period when asked. Levels and periods are computed in one query (GROUPING
 * SETS): most of a query's time in DuckDB-wasm is planning, so one query is
 * what keeps a filter change fast; panels asking the same SQL share it.
 */
export function parcoursIndicatorsSql(
	f: Filters,
	levels: Level | readonly Level[] = ALL_LEVELS,
	options: IndicatorOptions = {}
): string {
	const wanted = typeof levels === 'string' ? [levels] : levels;
	const periods = [{ periode: 'courante', ...f }];
	if (options.withPrevious) periods.push({ periode: 'precedente', ...f, ...previousPeriod(f) });
	const values = periods.map((p) => `(${lit(p.periode)}, ${dateLit(p.du)}, ${dateLit(p.au)})`).join(', ');
	const within = (column: string) => `JOIN periodes per ON ${column} BETWEEN per.du AND per.au`;
	const parts = (Object.keys(PARCOURS_PARTS) as ParcoursPart[]).filter((part) => !options.parts || options.parts.includes(part));
	const has = (part: ParcoursPart) => parts.includes(part);
	// A part left out is neither computed nor joined: its counts read 0 and its statistics NULL.
	const only = (part: ParcoursPart, body: string) => (has(part) ? `${part} AS (${body}),` : '');
	const count = (part: ParcoursPart, column: string) => (has(part) ? `coalesce(${part}.${column}, 0)` : '0::BIGINT');
	const stat = (part: ParcoursPart, column: string) => (has(part) ? `${part}.${column}` : 'NULL::DOUBLE');
	// The rows: every territory where something happened in the period — an event of the file
	// active (fa's territories, or their distinct list when fa is not computed), a first contact,
	// an entry or an exit — or, with rows: 'computed', only those of the computed aggregates.
	const dated = (column: string) => `p.${column} BETWEEN per.du AND per.au`;
	const keySources =
		options.rows === 'computed'
			? parts.map((part) => `SELECT periode, niveau, cle FROM ${part}`)
			: [
					has('fa')
						? 'SELECT periode, niveau, cle FROM fa'
						: `SELECT p.periode, ${levelColumns('p')} FROM (SELECT DISTINCT per.periode, p.code_insee, p.eth, p.province
      FROM v_evenements_fa p ${within('p.date')} WHERE ${scopeConditions(f, 'p')}) p GROUP BY ${levelSets('p', 'p.periode')}`,
					`SELECT per.periode, ${levelColumns('p')} FROM scope p
      JOIN periodes per ON ${dated('date_premier_contact')} OR ${dated('date_entree')} OR ${dated('date_sortie')}
      GROUP BY ${levelSets('p')}`
				];
	return `
WITH periodes(periode, du, au) AS (VALUES ${values}),
scope AS (
  SELECT id_personne, code_insee, eth, province, date_premier_contact, date_entree, date_sortie,
    categorie, est_dynamique, hors_denominateur
  FROM v_parcours p WHERE ${scopeConditions(f, 'p')}),
${only(
		'fa',
		// A person's territory is the same on all their events (residence): one row per person and
		// period first, then plain counts — cheaper than count(DISTINCT) in every grouping set.
		`
  SELECT p.periode, ${levelColumns('p')}, count(*) AS file_active
  FROM (SELECT per.periode, p.id_personne, any_value(p.code_insee) AS code_insee, any_value(p.eth) AS eth, any_value(p.province) AS province
        FROM v_evenements_fa p ${within('p.date')} WHERE ${scopeConditions(f, 'p')}
        GROUP BY per.periode, p.id_personne) p
  GROUP BY ${levelSets('p', 'p.periode')}`
	)}
${has('na') ? `premier AS (
  SELECT p.id_personne, any_value(p.code_insee) AS code_insee, any_value(p.eth) AS eth, any_value(p.province) AS province,
    min(p.date_premier_contact) AS premier_contact
  FROM scope p GROUP BY p.id_personne),` : ''}
${only(
		'na',
		`
  SELECT per.periode, ${levelColumns('p')}, count(*) AS nouveaux_accueillis
  FROM premier p ${within('p.premier_contact')} GROUP BY ${levelSets('p')}`
	)}
${only(
		'en',
		`
  SELECT per.periode, ${levelColumns('p')}, count(*) AS entrees,
    count(p.date_premier_contact) AS delai_entree_n,
    quantile_cont(CAST(date_diff('day', p.date_premier_contact, p.date_entree) AS DOUBLE), 0.5) AS delai_entree_median_jours,
    quantile_cont(CAST(date_diff('day', p.date_premier_contact, p.date_entree) AS DOUBLE), 0.9) AS delai_entree_p90_jours
  FROM scope p ${within('p.date_entree')} GROUP BY ${levelSets('p')}`
	)}
${only(
		'so',
		`
  SELECT per.periode, ${levelColumns('p')}, count(*) AS sorties,
    count_if(p.categorie = 'emploi_durable') AS sorties_emploi_durable,
    count_if(p.categorie = 'emploi_transition') AS sorties_emploi_transition,
    count_if(p.categorie = 'sortie_positive') AS sorties_positives,
    count_if(p.categorie = 'autre_sortie') AS sorties_autres,
    count_if(p.categorie = 'neutralisee') AS sorties_neutralisees,
    count_if(p.categorie = 'projet_de_vie') AS sorties_projet_de_vie,
    count_if(p.categorie IS NULL) AS sorties_non_categorisees,
    count_if(p.est_dynamique) AS sorties_dynamiques,
    count_if(NOT p.hors_denominateur) AS sorties_retenues,
    count(*) AS duree_n,
    quantile_cont(CAST(date_diff('day', p.date_entree, p.date_sortie) AS DOUBLE), 0.5) AS duree_accompagnement_mediane_jours,
    avg(CAST(date_diff('day', p.date_entree, p.date_sortie) AS DOUBLE)) AS duree_accompagnement_moyenne_jours
  FROM scope p ${within('p.date_sortie')} GROUP BY ${levelSets('p')}`
	)}
pop AS (
  SELECT ${levelColumns('c')}, sum(c.population_2025) AS population
  FROM ref_communes c WHERE ${territoryConditions(f, 'c')}
  GROUP BY GROUPING SETS ((), (c.province), (c.eth), (c.code_insee))),
cles AS (
  SELECT periode, 'total' AS niveau, 'total' AS cle FROM periodes
  ${keySources.map((source) => `UNION ${source}`).join('\n  ')})
SELECT k.periode, k.niveau, k.cle,
  ${count('fa', 'file_active')} AS file_active,
  ${count('na', 'nouveaux_accueillis')} AS nouveaux_accueillis,
  ${['sorties', 'sorties_emploi_durable', 'sorties_emploi_transition', 'sorties_positives', 'sorties_autres', 'sorties_neutralisees',
		'sorties_projet_de_vie', 'sorties_non_categorisees', 'sorties_dynamiques', 'sorties_retenues'].map((c) => `${count('so', c)} AS ${c}`).join(',\n  ')},
  ${has('so') ? 'so.sorties_dynamiques / nullif(so.sorties_retenues, 0)' : 'NULL::DOUBLE'} AS taux_sorties_dynamiques,
  ${has('so') ? 'so.sorties_emploi_durable / nullif(so.sorties_retenues, 0)' : 'NULL::DOUBLE'} AS taux_emploi_durable,
  ${count('en', 'entrees')} AS entrees,
  ${count('en', 'delai_entree_n')} AS delai_entree_n,
  ${stat('en', 'delai_entree_median_jours')} AS delai_entree_median_jours,
  ${stat('en', 'delai_entree_p90_jours')} AS delai_entree_p90_jours,
  ${count('so', 'duree_n')} AS duree_n,
  ${stat('so', 'duree_accompagnement_mediane_jours')} AS duree_accompagnement_mediane_jours,
  ${stat('so', 'duree_accompagnement_moyenne_jours')} AS duree_accompagnement_moyenne_jours,
  pop.population,
  1000.0 * ${count('fa', 'file_active')} / nullif(pop.population, 0) AS taux_couverture_1000
FROM cles k
${parts.map((part) => `LEFT JOIN ${part} ON ${on(part)}`).join('\n')}
LEFT JOIN pop ON pop.niveau = k.niveau AND pop.cle IS NOT DISTINCT FROM k.cle
WHERE k.niveau IN ${litList(wanted)}
ORDER BY k.periode, k.niveau, k.cle NULLS LAST`;
}
