/**
 * Targets of the plan (table `objectifs`) against what was achieved, per
 * calendar year and territory (province, ETH or commune, as the target is
 * set). Targets are yearly and set for everybody: the achieved counts use
 * whole calendar years and ignore the other filters (sex, age, structure,
 * public, referential). Achieved, by person's commune of residence:
 * - personnes_positionnees: people with an initial assessment (with a level) in the year;
 * - personnes_formees: people entering an action (any type) in the year.
 */
import type { Measures } from '../secrecy/apply';
import { levelColumns } from './persons';
import { lit, litList } from './sql';

/** The indicators of `objectifs` this page follows, with their French labels. */
export const COMPETENCE_OBJECTIVES: Record<string, string> = {
	personnes_positionnees: 'Personnes positionnées',
	personnes_formees: 'Personnes entrées en formation'
};

export interface ObjectiveRow {
	annee: number;
	niveau_territoire: 'province' | 'eth' | 'commune';
	code_territoire: string;
	indicateur: string;
	cible: number;
	realise: number;
}

export const OBJECTIVE_MEASURES: Measures = {
	cible: { kind: 'public' },
	realise: { kind: 'count' }
};

/**
 * Targets of the years `from`–`to` (every year when omitted) for the followed
 * indicators, with the achieved count. Each year is computed on its own, so the
 * rows of a year are the same whatever the range asked.
 */
export function objectivesSql(from?: number, to?: number): string {
	const years =
		from === undefined || to === undefined ? 'IS NOT NULL' : `BETWEEN ${lit(Math.trunc(from))} AND ${lit(Math.trunc(to))}`;
	const sets = (a: string) =>
		`GROUPING SETS ((${a}.annee, ${a}.province), (${a}.annee, ${a}.eth), (${a}.annee, ${a}.code_insee))`;
	const achieved = (indicator: string, source: string) => `
  SELECT ${lit(indicator)} AS indicateur, p.annee, ${levelColumns('p')}, count(DISTINCT p.id_personne) AS realise
  FROM ${source} p GROUP BY ${sets('p')}`;
	return `
WITH pos AS (
  SELECT year(e.date) AS annee, e.id_personne, e.code_insee, e.eth, e.province
  FROM v_evaluations e WHERE e.moment = 'initial' AND year(e.date) ${years}),
frm AS (
  SELECT year(i.date_entree) AS annee, i.id_personne, i.code_insee, i.eth, i.province
  FROM v_inscriptions i WHERE year(i.date_entree) ${years}),
ach AS (${achieved('personnes_positionnees', 'pos')}
  UNION ALL ${achieved('personnes_formees', 'frm')})
SELECT o.annee, o.niveau_territoire, o.code_territoire, o.indicateur, o.cible, coalesce(a.realise, 0) AS realise
FROM objectifs o
LEFT JOIN ach a ON a.indicateur = o.indicateur AND a.annee = o.annee AND a.niveau = o.niveau_territoire AND a.cle = o.code_territoire
WHERE o.annee ${years} AND o.indicateur IN ${litList(Object.keys(COMPETENCE_OBJECTIVES))}
  AND o.cible IS NOT NULL AND o.code_territoire IS NOT NULL
ORDER BY o.annee, o.indicateur, o.niveau_territoire DESC, o.code_territoire`;
}
