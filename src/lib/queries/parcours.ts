/**
 * Parcours indicators of domain.md §4, as one SQL definition used by the app,
 * the CLI and the tests: file active, nouveaux accueillis, délai d'entrée,
 * sorties by category, taux de sorties dynamiques / d'emploi durable, durée
 * d'accompagnement, taux de couverture.
 */
import { TYPES_FILE_ACTIVE } from '../model/codes';
import { inPeriod, levelKey, scopeConditions, territoryConditions, type Filters, type Level } from './filters';
import { litList } from './sql';
import type { Measures } from '../secrecy/apply';

/** One row of parcours indicators for a territory (or the total). */
export interface ParcoursIndicators {
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

const FILE_ACTIVE_TYPES = litList(TYPES_FILE_ACTIVE);

/**
 * All parcours indicators for the period and filters of `f`, one row per
 * territory at `level` (`cle` NULL = commune not recognised).
 */
export function parcoursIndicatorsSql(f: Filters, level: Level): string {
	const key = levelKey(level, 'p');
	const popKey = level === 'total' ? `'total'` : level === 'commune' ? 'c.code_insee' : `c.${level}`;
	return `
WITH scope AS (SELECT * FROM v_parcours p WHERE ${scopeConditions(f, 'p')}),
fa AS (
  SELECT ${key} AS cle, count(DISTINCT p.id_personne) AS file_active
  FROM evenements e JOIN scope p ON p.id_parcours = e.id_parcours
  WHERE ${inPeriod('e.date', f)} AND coalesce(e.statut, 'realise') = 'realise' AND e.type IN ${FILE_ACTIVE_TYPES}
  GROUP BY 1),
premier AS (
  SELECT p.id_personne, any_value(${key}) AS cle, min(p.date_premier_contact) AS premier_contact
  FROM scope p GROUP BY p.id_personne),
na AS (SELECT cle, count(*) AS nouveaux_accueillis FROM premier WHERE ${inPeriod('premier_contact', f)} GROUP BY 1),
en AS (
  SELECT ${key} AS cle, count(*) AS entrees,
    count(p.date_premier_contact) AS delai_entree_n,
    quantile_cont(CAST(date_diff('day', p.date_premier_contact, p.date_entree) AS DOUBLE), 0.5) AS delai_entree_median_jours,
    quantile_cont(CAST(date_diff('day', p.date_premier_contact, p.date_entree) AS DOUBLE), 0.9) AS delai_entree_p90_jours
  FROM scope p WHERE ${inPeriod('p.date_entree', f)} GROUP BY 1),
so AS (
  SELECT ${key} AS cle, count(*) AS sorties,
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
  FROM scope p WHERE ${inPeriod('p.date_sortie', f)} GROUP BY 1),
pop AS (
  SELECT ${popKey} AS cle, sum(c.population_2025) AS population
  FROM ref_communes c WHERE ${territoryConditions(f, 'c')} GROUP BY 1),
cles AS (${level === 'total' ? `SELECT 'total' AS cle` : 'SELECT cle FROM fa UNION SELECT cle FROM na UNION SELECT cle FROM en UNION SELECT cle FROM so'})
SELECT k.cle,
  coalesce(fa.file_active, 0) AS file_active,
  coalesce(na.nouveaux_accueillis, 0) AS nouveaux_accueillis,
  coalesce(so.sorties, 0) AS sorties,
  coalesce(so.sorties_emploi_durable, 0) AS sorties_emploi_durable,
  coalesce(so.sorties_emploi_transition, 0) AS sorties_emploi_transition,
  coalesce(so.sorties_positives, 0) AS sorties_positives,
  coalesce(so.sorties_autres, 0) AS sorties_autres,
  coalesce(so.sorties_neutralisees, 0) AS sorties_neutralisees,
  coalesce(so.sorties_projet_de_vie, 0) AS sorties_projet_de_vie,
  coalesce(so.sorties_non_categorisees, 0) AS sorties_non_categorisees,
  coalesce(so.sorties_dynamiques, 0) AS sorties_dynamiques,
  coalesce(so.sorties_retenues, 0) AS sorties_retenues,
  so.sorties_dynamiques / nullif(so.sorties_retenues, 0) AS taux_sorties_dynamiques,
  so.sorties_emploi_durable / nullif(so.sorties_retenues, 0) AS taux_emploi_durable,
  coalesce(en.entrees, 0) AS entrees,
  coalesce(en.delai_entree_n, 0) AS delai_entree_n,
  en.delai_entree_median_jours,
  en.delai_entree_p90_jours,
  coalesce(so.duree_n, 0) AS duree_n,
  so.duree_accompagnement_mediane_jours,
  so.duree_accompagnement_moyenne_jours,
  pop.population,
  1000.0 * coalesce(fa.file_active, 0) / nullif(pop.population, 0) AS taux_couverture_1000
FROM cles k
LEFT JOIN fa ON fa.cle IS NOT DISTINCT FROM k.cle
LEFT JOIN na ON na.cle IS NOT DISTINCT FROM k.cle
LEFT JOIN en ON en.cle IS NOT DISTINCT FROM k.cle
LEFT JOIN so ON so.cle IS NOT DISTINCT FROM k.cle
LEFT JOIN pop ON pop.cle IS NOT DISTINCT FROM k.cle
ORDER BY k.cle NULLS LAST`;
}
