/**
 * Sector analysis of the commande publique (domain.md §4), per action and per
 * sector. Definitions (written in the README):
 *
 * - an action belongs to the period by its `date_debut`, to a territory by its
 *   `commune_lieu`; page filters financeur, type d'action and organisme apply;
 * - entrées: enrolments with a `date_entree` (each one is a person who started);
 * - taux de remplissage: entrées ÷ places prévues, over actions with places > 0;
 * - taux d'abandon: enrolments ending in `abandon` ÷ entrées;
 * - sorties dynamiques: distinct participants (people who started) having a
 *   parcours exit in a dynamic category dated from the enrolment's
 *   `date_sortie` to 12 months after it (both included);
 * - coût par participant / par sortie dynamique: realised cost ÷ entrées /
 *   sorties dynamiques, both over the actions whose realised cost is known;
 * - projets: distinct people whose `projet_secteur` is the sector on a
 *   parcours open during the period (territory = commune of residence;
 *   structure, dispositif, sex and age filters apply to them only).
 */
import type { Measures } from '../secrecy/apply';
import { dateLit, lit } from './sql';
import { inPeriod, scopeConditions, territoryConditions, type Filters } from './filters';

/** Page-local filters of the sector page (URL parameters of the same names). */
export interface SectorScope {
	financeur?: string | null;
	type_action?: string | null;
	organisme?: string | null;
}

/** Conditions on `actions` (alias a) joined with `ref_communes` (alias c). */
function actionConditions(f: Filters, s: SectorScope): string {
	const parts = [inPeriod('a.date_debut', f), territoryConditions(f, 'c')];
	if (s.financeur) parts.push(`a.financeur = ${lit(s.financeur)}`);
	if (s.type_action) parts.push(`a.type_action = ${lit(s.type_action)}`);
	if (s.organisme) parts.push(`a.organisme = ${lit(s.organisme)}`);
	return parts.join(' AND ');
}

/**
 * CTEs `act` (actions in scope with ETH/province of their place), `part`
 * (their enrolments with an entry), `dyn` (action × participant pairs with a
 * dynamic exit within 12 months) and `per_action` (entries, drop-outs, hours).
 */
export function actionCtes(f: Filters, s: SectorScope): string {
	return `act AS (
  SELECT a.*, c.eth, c.province FROM actions a LEFT JOIN ref_communes c ON c.code_insee = a.commune_lieu
  WHERE ${actionConditions(f, s)}),
part AS (
  SELECT i.id_action, i.id_personne, i.statut_fin, i.heures_realisees, i.sortie_dynamique
  FROM v_inscriptions i JOIN act a ON a.id_action = i.id_action WHERE i.date_entree IS NOT NULL),
dyn AS (SELECT DISTINCT id_action, id_personne FROM part WHERE sortie_dynamique),
per_action AS (
  SELECT a.id_action, count(i.id_action) AS entrees, coalesce(count_if(i.statut_fin = 'abandon'), 0) AS abandons,
    sum(i.heures_realisees) AS heures_realisees
  FROM act a LEFT JOIN part i ON i.id_action = a.id_action GROUP BY a.id_action)`;
}

/** CTE `proj`: people with a job project, on a parcours open during the period, in the filters' scope. */
export function projectsCte(f: Filters): string {
	return `proj AS (
  SELECT DISTINCT p.id_personne, p.projet_secteur AS secteur, p.code_insee, p.eth, p.province
  FROM v_parcours p
  WHERE p.projet_secteur IS NOT NULL AND p.date_entree <= ${dateLit(f.au)}
    AND (p.date_sortie IS NULL OR p.date_sortie >= ${dateLit(f.du)}) AND ${scopeConditions(f, 'p')})`;
}

/** One action of the period with its results. */
export interface ActionRow {
	id_action: string;
	annee: number | null;
	intitule: string | null;
	type_action: string | null;
	secteur: string | null;
	organisme: string | null;
	financeur: string | null;
	commune_lieu: string | null;
	date_debut: string;
	date_fin: string | null;
	heures: number | null;
	places_prevues: number | null;
	cout_prevu_xpf: number | null;
	cout_realise_xpf: number | null;
	entrees: number;
	abandons: number;
	heures_realisees: number | null;
	taux_remplissage: number | null;
	taux_abandon: number | null;
	cout_par_participant_xpf: number | null;
	sorties_dynamiques: number;
	cout_par_sortie_dynamique_xpf: number | null;
}

/** Secrecy of the action and sector figures: people counted are protected, money and places are public. */
export const SECTOR_MEASURES: Measures = {
	actions: { kind: 'public' },
	places_prevues: { kind: 'public' },
	heures: { kind: 'public' },
	cout_prevu_xpf: { kind: 'public' },
	cout_realise_xpf: { kind: 'public' },
	entrees: { kind: 'count' },
	abandons: { kind: 'count' },
	heures_realisees: { kind: 'follows', count: 'entrees' },
	taux_remplissage: { kind: 'rate', denominator: 'places_prevues' },
	taux_abandon: { kind: 'rate', denominator: 'entrees' },
	entrees_cout_connu: { kind: 'count' },
	cout_par_participant_xpf: { kind: 'rate', denominator: 'entrees_cout_connu' },
	sorties_dynamiques: { kind: 'count' },
	sorties_dynamiques_cout_connu: { kind: 'count' },
	cout_par_sortie_dynamique_xpf: { kind: 'rate', denominator: 'sorties_dynamiques_cout_connu' },
	projets: { kind: 'count' },
	besoin: { kind: 'follows', count: 'projets' }
};

/** CTE `da` (needs `dyn`): dynamic exits per action. */
export const ACTION_CTES = `da AS (SELECT id_action, count(*) AS n FROM dyn GROUP BY id_action)`;

/** One row per action of `act` (needs `per_action`, `da`). */
export const ACTION_SELECT = `SELECT 'action' AS grain, a.id_action, a.annee, a.intitule, a.type_action, a.secteur, a.organisme, a.financeur, a.commune_lieu,
  a.date_debut, a.date_fin, a.heures, a.places_prevues, a.cout_prevu_xpf, a.cout_realise_xpf,
  pa.entrees, pa.abandons, pa.heures_realisees,
  CASE WHEN a.places_prevues > 0 THEN pa.entrees / a.places_prevues END AS taux_remplissage,
  pa.abandons / nullif(pa.entrees, 0) AS taux_abandon,
  CASE WHEN a.cout_realise_xpf IS NOT NULL THEN pa.entrees END AS entrees_cout_connu,
  a.cout_realise_xpf / nullif(pa.entrees, 0) AS cout_par_participant_xpf,
  coalesce(da.n, 0) AS sorties_dynamiques,
  CASE WHEN a.cout_realise_xpf IS NOT NULL THEN coalesce(da.n, 0) END AS sorties_dynamiques_cout_connu,
  a.cout_realise_xpf / nullif(da.n, 0) AS cout_par_sortie_dynamique_xpf
FROM act a JOIN per_action pa ON pa.id_action = a.id_action LEFT JOIN da ON da.id_action = a.id_action`;

/** The actions of the period, one row each, in start order. */
export function actionsSql(f: Filters, s: SectorScope = {}): string {
	return `
WITH ${actionCtes(f, s)},
${ACTION_CTES}
SELECT * EXCLUDE (grain) FROM (${ACTION_SELECT})
ORDER BY date_debut, id_action`;
}

/** Figures of one sector (`niveau` 'secteur'), or of all sectors (`niveau` 'total'). */
export interface SectorRow {
	niveau: 'secteur' | 'total';
	secteur: string | null;
	actions: number;
	places_prevues: number;
	entrees: number;
	taux_remplissage: number | null;
	abandons: number;
	taux_abandon: number | null;
	heures: number;
	heures_realisees: number | null;
	cout_prevu_xpf: number;
	cout_realise_xpf: number;
	actions_cout_connu: number;
	entrees_cout_connu: number;
	cout_par_participant_xpf: number | null;
	sorties_dynamiques: number;
	sorties_dynamiques_cout_connu: number;
	cout_par_sortie_dynamique_xpf: number | null;
	projets: number;
	/** projets − places prévues: the need when positive. */
	besoin: number;
}

export const sectorLevel = (col: string) => `CASE WHEN grouping(${col}) = 1 THEN 'total' ELSE 'secteur' END AS niveau, ${col} AS secteur`;
export const bySector = (col: string) => `GROUP BY GROUPING SETS ((${col}), ())`;

/** CTEs `ag`, `dp`, `dy`, `pj`, `k` (need the action CTEs and `proj`): sector aggregates. */
export const SECTOR_CTES = `ag AS (
  SELECT ${sectorLevel('a.secteur')}, count(*) AS actions,
    coalesce(sum(a.places_prevues), 0) AS places_prevues,
    coalesce(sum(pa.entrees), 0) AS entrees,
    sum(pa.entrees) FILTER (WHERE a.places_prevues > 0) / nullif(sum(a.places_prevues) FILTER (WHERE a.places_prevues > 0), 0) AS taux_remplissage,
    coalesce(sum(pa.abandons), 0) AS abandons,
    sum(pa.abandons) / nullif(sum(pa.entrees), 0) AS taux_abandon,
    coalesce(sum(a.heures), 0) AS heures,
    sum(pa.heures_realisees) AS heures_realisees,
    coalesce(sum(a.cout_prevu_xpf), 0) AS cout_prevu_xpf,
    coalesce(sum(a.cout_realise_xpf), 0) AS cout_realise_xpf,
    count(a.cout_realise_xpf) AS actions_cout_connu,
    coalesce(sum(pa.entrees) FILTER (WHERE a.cout_realise_xpf IS NOT NULL), 0) AS entrees_cout_connu
  FROM act a JOIN per_action pa ON pa.id_action = a.id_action ${bySector('a.secteur')}),
dp AS (
  SELECT a.secteur, d.id_personne, bool_or(a.cout_realise_xpf IS NOT NULL) AS cout_connu
  FROM dyn d JOIN act a ON a.id_action = d.id_action GROUP BY a.secteur, d.id_personne),
dy AS (
  SELECT 'secteur' AS niveau, secteur, count(*) AS sorties_dynamiques, count_if(cout_connu) AS sorties_dynamiques_cout_connu
  FROM dp GROUP BY secteur
  UNION ALL
  SELECT 'total', NULL, count(*), count_if(cout_connu)
  FROM (SELECT id_personne, bool_or(cout_connu) AS cout_connu FROM dp GROUP BY id_personne)),
pj AS (
  SELECT 'secteur' AS niveau, secteur, count(DISTINCT id_personne) AS projets FROM proj GROUP BY secteur
  UNION ALL SELECT 'total', NULL, count(DISTINCT id_personne) FROM proj),
k AS (SELECT 'total' AS niveau, NULL AS secteur UNION SELECT niveau, secteur FROM ag UNION SELECT niveau, secteur FROM pj)`;

/** One row per sector and one for the total (needs {@link SECTOR_CTES}). */
export const SECTOR_SELECT = `SELECT 'secteur' AS grain, k.niveau, k.secteur,
  coalesce(ag.actions, 0) AS actions, coalesce(ag.places_prevues, 0) AS places_prevues,
  coalesce(ag.entrees, 0) AS entrees, ag.taux_remplissage,
  coalesce(ag.abandons, 0) AS abandons, ag.taux_abandon,
  coalesce(ag.heures, 0) AS heures, ag.heures_realisees,
  coalesce(ag.cout_prevu_xpf, 0) AS cout_prevu_xpf, coalesce(ag.cout_realise_xpf, 0) AS cout_realise_xpf,
  coalesce(ag.actions_cout_connu, 0) AS actions_cout_connu, coalesce(ag.entrees_cout_connu, 0) AS entrees_cout_connu,
  CASE WHEN ag.actions_cout_connu > 0 THEN ag.cout_realise_xpf / nullif(ag.entrees_cout_connu, 0) END AS cout_par_participant_xpf,
  coalesce(dy.sorties_dynamiques, 0) AS sorties_dynamiques,
  coalesce(dy.sorties_dynamiques_cout_connu, 0) AS sorties_dynamiques_cout_connu,
  CASE WHEN ag.actions_cout_connu > 0 THEN ag.cout_realise_xpf / nullif(dy.sorties_dynamiques_cout_connu, 0) END AS cout_par_sortie_dynamique_xpf,
  coalesce(pj.projets, 0) AS projets,
  coalesce(pj.projets, 0) - coalesce(ag.places_prevues, 0) AS besoin
FROM k
LEFT JOIN ag ON ag.niveau = k.niveau AND ag.secteur IS NOT DISTINCT FROM k.secteur
LEFT JOIN dy ON dy.niveau = k.niveau AND dy.secteur IS NOT DISTINCT FROM k.secteur
LEFT JOIN pj ON pj.niveau = k.niveau AND pj.secteur IS NOT DISTINCT FROM k.secteur`;

/**
 * Per sector (and the total of all sectors): actions, places, entries, fill
 * and drop-out rates, hours, costs, dynamic exits and costs per outcome,
 * projects. Sectors with actions or projects.
 */
export function sectorsSql(f: Filters, s: SectorScope = {}): string {
	return `
WITH ${actionCtes(f, s)},
${projectsCte(f)},
${SECTOR_CTES}
SELECT * EXCLUDE (grain) FROM (${SECTOR_SELECT})
ORDER BY niveau = 'total', secteur NULLS LAST`;
}
