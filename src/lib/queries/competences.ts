/**
 * The plan de ré-acquisition des compétences essentielles (domain.md §1, §3):
 * the chain repérage → positionnement → formation → évaluation finale, by
 * territory and by year. Definitions (one place, used by the page, the map
 * hook and the tests; written in the README):
 *
 * - repérage: people with, in the period, a competence barrier
 *   (savoirs_de_base, maitrise_langue, numerique) recorded as identified or in
 *   progress, an entry into the competences_essentielles dispositif, or an
 *   initial assessment (being positioned implies having been screened);
 * - positionnement: people with an `initial` assessment in the period;
 * - formation: people entering (date_entree in the period) a savoirs_de_base action;
 * - évaluation finale: people with a `final` assessment in the period.
 *
 * Every stage counts distinct people; the territory is the person's commune
 * of residence. An assessment without a level or a date is not counted.
 * Barriers and the dispositif concern the public « insertion » and have no
 * referential: with a referential chosen, repérage and formation are not
 * computed (null); with the public « scolaire », formation is not computed.
 */
import { FREINS_COMPETENCES, FREINS_SENSIBLES, TYPE_ACTION_COMPETENCES } from '../model/codes';
import type { Measures } from '../secrecy/apply';
import { inPeriod, scopeConditions, type Filters, type Level } from './filters';
import { levelColumns, levelSets, personConditions } from './persons';
import { lit } from './sql';

/** Page-local filters of the competences page (URL parameters `public`, `referentiel`). */
export interface CompetenceScope {
	public?: string | null;
	referentiel?: string | null;
}

if (FREINS_COMPETENCES.some((b) => (FREINS_SENSIBLES as readonly string[]).includes(b))) {
	throw new Error('Un frein sensible ne peut pas servir au repérage (il serait compté par commune).');
}

/**
 * CTE `ev`: assessments with a level and a date, of people in the filters'
 * scope, with the person's territory; in the period unless `period` is false.
 */
export function assessmentsCte(f: Filters, c: CompetenceScope, period = true, name = 'ev'): string {
	const parts = [personConditions(f, 'e')];
	if (period) parts.push(inPeriod('e.date', f));
	if (c.public) parts.push(`e.public = ${lit(c.public)}`);
	if (c.referentiel) parts.push(`e.referentiel = ${lit(c.referentiel)}`);
	return `${name} AS (
  SELECT e.id_evaluation, e.id_personne, e.date, e.moment, e.public, e.referentiel, e.domaine, e.niveau,
    e.code_insee, e.eth, e.province
  FROM v_evaluations e WHERE ${parts.join(' AND ')})`;
}

/**
 * CTE `pairs` (needs `ev`): one row per person × referential × domain with
 * the earliest initial and the latest final assessment (ties broken by
 * identifier); `apparie` when both exist and the final is not before the
 * initial; `gain` = final level − initial level.
 */
export const PAIRS_CTE = `pg AS (
  SELECT id_personne, referentiel, domaine,
    any_value(code_insee) AS code_insee, any_value(eth) AS eth, any_value(province) AS province,
    min(date) FILTER (WHERE moment = 'initial') AS date_initial,
    arg_min(niveau, strftime(date, '%Y-%m-%d') || '|' || id_evaluation) FILTER (WHERE moment = 'initial') AS niveau_initial,
    max(date) FILTER (WHERE moment = 'final') AS date_final,
    arg_max(niveau, strftime(date, '%Y-%m-%d') || '|' || id_evaluation) FILTER (WHERE moment = 'final') AS niveau_final
  FROM ev GROUP BY id_personne, referentiel, domaine),
pairs AS (
  SELECT *, date_initial IS NOT NULL AS a_initial,
    coalesce(date_initial IS NOT NULL AND date_final >= date_initial, FALSE) AS apparie,
    niveau_final - niveau_initial AS gain
  FROM pg)`;

/** CTE `stage_rows` (needs `ev`): one row per person and stage event, with date and territory. */
function stageRowsCte(f: Filters, c: CompetenceScope, period: boolean, suffix = ''): string {
	const when = (col: string) => (period ? ` AND ${inPeriod(col, f)}` : '');
	const insertion = !c.public || c.public === 'insertion';
	const parts = [
		`SELECT id_personne, date AS d, CASE moment WHEN 'initial' THEN 'positionnement' ELSE 'evaluation_finale' END AS etape,
    NULL::INTEGER AS heures, code_insee, eth, province
  FROM ev${suffix} WHERE moment IN ('initial', 'final')`
	];
	if (insertion && !c.referentiel) {
		parts.push(
			`SELECT p.id_personne, p.date, 'reperage', NULL, p.code_insee, p.eth, p.province
  FROM v_reperage p WHERE ${scopeConditions(f, 'p')}${when('p.date')}`,
			`SELECT i.id_personne, i.date_entree, 'formation', i.heures_realisees, i.code_insee, i.eth, i.province
  FROM v_inscriptions i
  WHERE i.type_action = ${lit(TYPE_ACTION_COMPETENCES)} AND i.date_entree IS NOT NULL AND ${personConditions(f, 'i')}${when('i.date_entree')}`
		);
	}
	return `stage_rows${suffix} AS (\n  ${parts.join('\n  UNION ALL\n  ')})`;
}

/**
 * CTE `sp` (needs `stage_rows`): one row per person (and year when `byYear`)
 * with a flag per stage and the training hours. A person has one territory
 * (their residence), so counting flags per level needs no DISTINCT.
 */
function personStagesCte(byYear: boolean, suffix = ''): string {
	return `sp${suffix} AS (
  SELECT id_personne,${byYear ? ' year(d) AS annee,' : ''} any_value(code_insee) AS code_insee, any_value(eth) AS eth, any_value(province) AS province,
    bool_or(etape IN ('reperage', 'positionnement')) AS reperage, bool_or(etape = 'positionnement') AS positionnement,
    bool_or(etape = 'formation') AS formation, bool_or(etape = 'evaluation_finale') AS evaluation_finale,
    sum(heures) FILTER (WHERE etape = 'formation') AS heures
  FROM stage_rows${suffix} WHERE d IS NOT NULL GROUP BY ALL)`;
}

/** The four stages' counts (and training hours) over `sp` alias `s`, as SELECT columns; null where not computed. */
function stageColumns(c: CompetenceScope, s: string): string {
	const repere = !c.referentiel;
	const trained = (!c.public || c.public === 'insertion') && !c.referentiel;
	return [
		`${repere ? `coalesce(count_if(${s}.reperage), 0)` : 'NULL::BIGINT'} AS reperage`,
		`coalesce(count_if(${s}.positionnement), 0) AS positionnement`,
		`${trained ? `coalesce(count_if(${s}.formation), 0)` : 'NULL::BIGINT'} AS formation`,
		`coalesce(count_if(${s}.evaluation_finale), 0) AS evaluation_finale`,
		`${trained ? `coalesce(sum(${s}.heures), 0)` : 'NULL::BIGINT'} AS heures_formation`
	].join(',\n    ');
}

/** One row of the chain for a territory (or the total). */
export interface StageIndicators {
	niveau: Level;
	cle: string | null;
	reperage: number | null;
	positionnement: number;
	formation: number | null;
	evaluation_finale: number;
	/** Hours attended by the people in training (savoirs de base enrolments entering in the period). */
	heures_formation: number | null;
	/** People with at least one initial–final pair. */
	personnes_appariees: number;
	/** People who gained at least one level in at least one domain. */
	personnes_progression: number;
	taux_progression: number | null;
	/** People positioned in the period without any pair. */
	attrition: number;
}

/** How each column of the chain is protected by secrecy. */
export const STAGE_MEASURES: Measures = {
	reperage: { kind: 'count' },
	positionnement: { kind: 'count' },
	formation: { kind: 'count' },
	evaluation_finale: { kind: 'count' },
	heures_formation: { kind: 'follows', count: 'formation' },
	personnes_appariees: { kind: 'count' },
	personnes_progression: { kind: 'count' },
	taux_progression: { kind: 'rate', denominator: 'personnes_appariees' },
	attrition: { kind: 'count' }
};

/**
 * The chain for the period at every level (total, province, ETH, commune —
 * NULL commune = not recognised) in one query (GROUPING SETS).
 */
export function stagesByLevelSql(f: Filters, c: CompetenceScope = {}): string {
	const stages = stageLevelParts(f, c);
	return `
WITH ${assessmentsCte(f, c)},
${PAIRS_CTE},
${stages.ctes}
SELECT * EXCLUDE (grain) FROM (${stages.select})
ORDER BY niveau, cle NULLS LAST`;
}

/**
 * The chain by level as parts of a larger query (needs `ev` and `pairs`):
 * CTEs `stage_rows`, `sp`, `pp`, `per`, and a SELECT of rows of grain 'niveau'.
 */
export function stageLevelParts(f: Filters, c: CompetenceScope): { ctes: string; select: string } {
	return {
		ctes: `${stageRowsCte(f, c, true)},
${personStagesCte(false)},
pp AS (
  SELECT id_personne, bool_or(apparie) AS apparie, bool_or(apparie AND gain >= 1) AS progression
  FROM pairs GROUP BY id_personne),
per AS (SELECT s.*, coalesce(pp.apparie, FALSE) AS apparie, coalesce(pp.progression, FALSE) AS progression
  FROM sp s LEFT JOIN pp ON pp.id_personne = s.id_personne)`,
		select: `SELECT 'niveau' AS grain, ${levelColumns('s')},
    ${stageColumns(c, 's')},
    coalesce(count_if(s.apparie), 0) AS personnes_appariees,
    coalesce(count_if(s.progression), 0) AS personnes_progression,
    count_if(s.progression) / nullif(count_if(s.apparie), 0) AS taux_progression,
    coalesce(count_if(s.positionnement AND NOT s.apparie), 0) AS attrition
FROM per s GROUP BY ${levelSets('s')}`
	};
}

/** One year of the chain. */
export interface StageYear {
	annee: number;
	reperage: number | null;
	positionnement: number;
	formation: number | null;
	evaluation_finale: number;
}

/** The chain year by year over the whole data (every filter except the period). */
export function stagesByYearSql(f: Filters, c: CompetenceScope = {}): string {
	const years = stageYearParts(f, c);
	return `
WITH ${years.ctes}
SELECT * EXCLUDE (grain) FROM (${years.select}) ORDER BY annee`;
}

/**
 * The chain year by year as parts of a larger query: CTEs `ev_annees`,
 * `stage_rows_annees`, `sp_annees` (every filter except the period), and a
 * SELECT of rows of grain 'annee'.
 */
export function stageYearParts(f: Filters, c: CompetenceScope): { ctes: string; select: string } {
	return {
		ctes: `${assessmentsCte(f, c, false, 'ev_annees')},
${stageRowsCte(f, c, false, '_annees')},
${personStagesCte(true, '_annees')}`,
		select: `SELECT 'annee' AS grain, s.annee,
    ${stageColumns(c, 's')}
FROM sp_annees s GROUP BY s.annee`
	};
}
