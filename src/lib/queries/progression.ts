/**
 * Progression between the initial and the final assessment (domain.md §4,
 * « progression compétences »). An evaluation pair is a person's earliest
 * `initial` and latest `final` assessment in the same referential and domain,
 * both in the period (the final not before the initial). For the people with
 * a pair: mean gain in levels, share gaining ≥ 1 level, share whose final
 * level reaches the referential's target (data/niveaux-cibles.csv). People
 * with an initial but no pair are the attrition.
 */
import type { Measures } from '../secrecy/apply';
import type { Filters } from './filters';
import { assessmentsCte, PAIRS_CTE, stageLevelParts, stageYearParts, type CompetenceScope } from './competences';

/** Progression in one referential × domain. */
export interface DomainProgression {
	referentiel: string | null;
	domaine: string | null;
	/** People with at least one assessment (any moment) in the period. */
	personnes_evaluees: number;
	personnes_positionnees: number;
	personnes_initial_et_final: number;
	gain_moyen_niveaux: number | null;
	personnes_progression: number;
	part_progression: number | null;
	/** Target level of the referential (null: none set). */
	niveau_cible: number | null;
	personnes_niveau_cible: number;
	part_niveau_cible: number | null;
	attrition: number;
}

export const PROGRESSION_MEASURES: Measures = {
	personnes_evaluees: { kind: 'count' },
	personnes_positionnees: { kind: 'count' },
	personnes_initial_et_final: { kind: 'count' },
	gain_moyen_niveaux: { kind: 'stat', n: 'personnes_initial_et_final' },
	personnes_progression: { kind: 'count' },
	part_progression: { kind: 'rate', denominator: 'personnes_initial_et_final' },
	niveau_cible: { kind: 'public' },
	personnes_niveau_cible: { kind: 'count' },
	part_niveau_cible: { kind: 'rate', denominator: 'personnes_initial_et_final' },
	attrition: { kind: 'count' }
};

const TARGETS = `cible AS (SELECT referentiel, max(niveau_cible) AS niveau_cible FROM ref_niveaux_cibles GROUP BY referentiel)`;

/** Per referential × domain over `pairs` (needs `cible`). */
const DOMAIN_SELECT = `SELECT 'domaine' AS grain, p.referentiel, p.domaine,
  count(*) AS personnes_evaluees,
  count_if(p.a_initial) AS personnes_positionnees,
  count_if(p.apparie) AS personnes_initial_et_final,
  avg(CAST(p.gain AS DOUBLE)) FILTER (WHERE p.apparie) AS gain_moyen_niveaux,
  count_if(p.apparie AND p.gain >= 1) AS personnes_progression,
  count_if(p.apparie AND p.gain >= 1) / nullif(count_if(p.apparie), 0) AS part_progression,
  any_value(t.niveau_cible) AS niveau_cible,
  count_if(p.apparie AND p.niveau_final >= t.niveau_cible) AS personnes_niveau_cible,
  CASE WHEN any_value(t.niveau_cible) IS NOT NULL
    THEN count_if(p.apparie AND p.niveau_final >= t.niveau_cible) / nullif(count_if(p.apparie), 0) END AS part_niveau_cible,
  count_if(p.a_initial AND NOT p.apparie) AS attrition
FROM pairs p LEFT JOIN cible t ON t.referentiel = p.referentiel
GROUP BY p.referentiel, p.domaine`;

/** Progression per referential × domain for the period (rows with at least one person assessed). */
export function progressionSql(f: Filters, c: CompetenceScope = {}): string {
	return `
WITH ${assessmentsCte(f, c)},
${PAIRS_CTE},
${TARGETS}
SELECT * EXCLUDE (grain) FROM (${DOMAIN_SELECT})
ORDER BY referentiel NULLS LAST, domaine NULLS LAST`;
}

/** The chain's assessment stages for one referential (distinct people). */
export interface ReferentialSummary {
	referentiel: string | null;
	personnes_evaluees: number;
	personnes_positionnees: number;
	personnes_evaluation_finale: number;
	/** People with a pair in at least one domain. */
	personnes_appariees: number;
	/** People positioned without a pair in any domain. */
	attrition: number;
}

export const REFERENTIAL_MEASURES: Measures = {
	personnes_evaluees: { kind: 'count' },
	personnes_positionnees: { kind: 'count' },
	personnes_evaluation_finale: { kind: 'count' },
	personnes_appariees: { kind: 'count' },
	attrition: { kind: 'count' }
};

/** CTE `pr` (needs `pairs`): one row per person × referential. */
const PERSON_REFERENTIAL_CTE = `pr AS (
  SELECT id_personne, referentiel, bool_or(a_initial) AS a_initial, bool_or(date_final IS NOT NULL) AS a_final,
    bool_or(apparie) AS apparie
  FROM pairs GROUP BY id_personne, referentiel)`;

/** Per referential over `pr`. */
const REFERENTIAL_SELECT = `SELECT 'referentiel' AS grain, referentiel,
  count(*) AS personnes_evaluees,
  count_if(a_initial) AS personnes_positionnees,
  count_if(a_final) AS personnes_evaluation_finale,
  count_if(apparie) AS personnes_appariees,
  count_if(a_initial AND NOT apparie) AS attrition
FROM pr GROUP BY referentiel`;

/** Per referential: people assessed, positioned, finally assessed, paired, and attrition. */
export function referentialSummarySql(f: Filters, c: CompetenceScope = {}): string {
	return `
WITH ${assessmentsCte(f, c)},
${PAIRS_CTE},
${PERSON_REFERENTIAL_CTE}
SELECT * EXCLUDE (grain) FROM (${REFERENTIAL_SELECT})
ORDER BY personnes_evaluees DESC, referentiel NULLS LAST`;
}

/** People of one referential × domain going from one level to another. */
export interface LevelFlow {
	domaine: string | null;
	niveau_initial: number;
	niveau_final: number;
	personnes: number;
}

export const FLOW_MEASURES: Measures = { personnes: { kind: 'count' } };

/** Pairs per referential × domain × initial level × final level. */
const FLOW_SELECT = `SELECT 'flux' AS grain, referentiel, domaine, niveau_initial, niveau_final, count(*) AS personnes
FROM pairs WHERE apparie GROUP BY referentiel, domaine, niveau_initial, niveau_final`;

/** Initial level → final level of the pairs of `referentiel`, per domain. */
export function levelFlowsSql(f: Filters, c: CompetenceScope, referentiel: string): string {
	return `
WITH ${assessmentsCte(f, { ...c, referentiel })},
${PAIRS_CTE}
SELECT domaine, niveau_initial, niveau_final, personnes FROM (${FLOW_SELECT})
ORDER BY domaine NULLS LAST, niveau_initial, niveau_final`;
}

/**
 * What the Compétences page shows after a filter change, in one pass over
 * the same assessments and pairs: rows of `grain` 'niveau' (the chain at
 * every level, as `stagesByLevelSql`), 'annee' (the chain year by year, as
 * `stagesByYearSql`), 'domaine', 'referentiel' and 'flux'
 * (as `progressionSql`, `referentialSummarySql`, `levelFlowsSql` for every
 * referential); columns a grain does not have are NULL.
 */
export function competencesPageSql(f: Filters, c: CompetenceScope = {}): string {
	const stages = stageLevelParts(f, c);
	const years = stageYearParts(f, c);
	return `
WITH ${assessmentsCte(f, c)},
${PAIRS_CTE},
${TARGETS},
${PERSON_REFERENTIAL_CTE},
${stages.ctes},
${years.ctes}
SELECT * FROM ((${stages.select})
  UNION ALL BY NAME (${years.select})
  UNION ALL BY NAME (${DOMAIN_SELECT})
  UNION ALL BY NAME (${REFERENTIAL_SELECT})
  UNION ALL BY NAME (${FLOW_SELECT}))
ORDER BY grain, annee, niveau, cle NULLS LAST, referentiel NULLS LAST, domaine NULLS LAST, niveau_initial, niveau_final`;
}

/** The target level of each referential, as loaded from data/niveaux-cibles.csv. */
export const TARGET_LEVELS_SQL = `SELECT referentiel, niveau_cible, libelle FROM ref_niveaux_cibles ORDER BY referentiel`;
