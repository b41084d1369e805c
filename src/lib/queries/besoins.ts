/**
 * The other figures of the Secteurs page: needs for the commande publique
 * (projects vs places per sector × programming territory), exits into
 * employment by sector of the job, the page filters' values — and the one
 * query that gives the page its actions, sectors and needs in one pass.
 */
import type { Measures } from '../secrecy/apply';
import { inPeriod, scopeConditions, type Filters } from './filters';
import {
	ACTION_CTES,
	ACTION_SELECT,
	actionCtes,
	bySector,
	projectsCte,
	SECTOR_CTES,
	SECTOR_SELECT,
	sectorLevel,
	type SectorScope
} from './secteurs';

/** Projects and places of one sector in one programming territory (ETH in the Nord, else province). */
export interface NeedRow {
	secteur: string;
	niveau: 'eth' | 'province';
	territoire: string;
	projets: number;
	places_prevues: number;
	actions: number;
	besoin: number;
}

const territory = (a: string) =>
	`CASE WHEN ${a}.eth IS NOT NULL THEN 'eth' ELSE 'province' END AS niveau, coalesce(${a}.eth, ${a}.province) AS territoire`;

/** CTEs `npl` (places by the action's place) and `npj` (projects by residence), per sector × territory. */
const NEED_CTES = `npl AS (SELECT a.secteur, ${territory('a')}, coalesce(sum(a.places_prevues), 0) AS places_prevues, count(*) AS actions
  FROM act a WHERE a.secteur IS NOT NULL GROUP BY ALL),
npj AS (SELECT p.secteur, ${territory('p')}, count(DISTINCT p.id_personne) AS projets FROM proj p GROUP BY ALL)`;

const NEED_SELECT = `SELECT 'besoin' AS grain, coalesce(npj.secteur, npl.secteur) AS secteur, coalesce(npj.niveau, npl.niveau) AS niveau,
  coalesce(npj.territoire, npl.territoire) AS territoire,
  coalesce(npj.projets, 0) AS projets, coalesce(npl.places_prevues, 0) AS places_prevues, coalesce(npl.actions, 0) AS actions,
  coalesce(npj.projets, 0) - coalesce(npl.places_prevues, 0) AS besoin
FROM npj FULL JOIN npl ON npl.secteur = npj.secteur AND npl.niveau = npj.niveau AND npl.territoire = npj.territoire
WHERE coalesce(npj.territoire, npl.territoire) IS NOT NULL`;

/**
 * Projects (by residence) and places (by the action's place) per sector ×
 * programming territory — the ETH for the Province Nord, the province
 * elsewhere — ranked by need (projects − places).
 */
export function needsSql(f: Filters, s: SectorScope = {}): string {
	return `
WITH ${actionCtes(f, s)},
${projectsCte(f)},
${NEED_CTES}
SELECT * EXCLUDE (grain) FROM (${NEED_SELECT})
ORDER BY besoin DESC, secteur, territoire`;
}

/**
 * What the Secteurs page shows after a filter change, in one pass: rows of
 * `grain` 'secteur' (as `sectorsSql`), 'action' (as `actionsSql`), 'besoin'
 * (as {@link needsSql}) and 'emploi' (as {@link employmentExitsSql}), each in
 * its own order; columns a grain does not have are NULL.
 */
export function sectorPageSql(f: Filters, s: SectorScope = {}): string {
	return `
WITH ${actionCtes(f, s)},
${projectsCte(f)},
${SECTOR_CTES},
${ACTION_CTES},
${NEED_CTES}
SELECT * FROM ((${SECTOR_SELECT})
  UNION ALL BY NAME (${ACTION_SELECT})
  UNION ALL BY NAME (${NEED_SELECT})
  UNION ALL BY NAME (${employmentSelect(f)}))
ORDER BY grain,
  CASE WHEN grain = 'besoin' THEN -besoin END,
  CASE WHEN grain IN ('secteur', 'emploi') THEN niveau = 'total' END,
  CASE WHEN grain = 'action' THEN date_debut END,
  CASE WHEN grain = 'emploi' THEN -sorties_emploi END,
  id_action, secteur NULLS LAST, territoire`;
}

/** Parcours exits into employment of the period, by sector of the job (`secteur_sortie`). */
export interface EmploymentExitRow {
	niveau: 'secteur' | 'total';
	secteur: string | null;
	sorties_emploi: number;
	sorties_emploi_durable: number;
	sorties_emploi_transition: number;
}

export const EMPLOYMENT_MEASURES: Measures = {
	sorties_emploi: { kind: 'count' },
	sorties_emploi_durable: { kind: 'count' },
	sorties_emploi_transition: { kind: 'count' }
};

/** Exits of the period into emploi durable or de transition by `secteur_sortie`, as rows of grain 'emploi'. */
function employmentSelect(f: Filters): string {
	return `SELECT 'emploi' AS grain, ${sectorLevel('p.secteur_sortie')}, count(*) AS sorties_emploi,
  coalesce(count_if(p.categorie = 'emploi_durable'), 0) AS sorties_emploi_durable,
  coalesce(count_if(p.categorie = 'emploi_transition'), 0) AS sorties_emploi_transition
FROM v_parcours p
WHERE ${inPeriod('p.date_sortie', f)} AND p.categorie IN ('emploi_durable', 'emploi_transition') AND ${scopeConditions(f, 'p')}
${bySector('p.secteur_sortie')}`;
}

/** Exits of the period into emploi durable or de transition, by `secteur_sortie` (and in total). */
export function employmentExitsSql(f: Filters): string {
	return `
SELECT * EXCLUDE (grain) FROM (${employmentSelect(f)})
ORDER BY niveau = 'total', sorties_emploi DESC, secteur NULLS LAST`;
}

/** Values offered by the page filters (financeurs, types, organismes present in the actions). */
export const SECTOR_FILTER_OPTIONS_SQL = `
SELECT 'financeur' AS champ, financeur AS valeur, count(*) AS actions FROM actions WHERE financeur IS NOT NULL GROUP BY ALL
UNION ALL SELECT 'type_action', type_action, count(*) FROM actions WHERE type_action IS NOT NULL GROUP BY ALL
UNION ALL SELECT 'organisme', organisme, count(*) FROM actions WHERE organisme IS NOT NULL GROUP BY ALL
ORDER BY champ, valeur`;
