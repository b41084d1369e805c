/**
 * The CLI's `competences` and `secteurs` sections: the same queries and
 * secrecy as the Compétences essentielles and Secteurs pages, in the field
 * names of issue 5. Rates are fractions (null without denominator); with
 * secrecy, masked values read « s ».
 */
import type { Engine } from '../db/engine';
import type { Filters } from '../queries/filters';
import { progressionSql, PROGRESSION_MEASURES, type DomainProgression } from '../queries/progression';
import { sectorsSql, SECTOR_MEASURES, type SectorRow } from '../queries/secteurs';
import { applySecrecy, cellsAsText } from '../secrecy/apply';
import type { SecrecyPolicy } from '../secrecy/policy';

/** True when `table` has at least one row. */
export async function hasRows(engine: Engine, table: 'evaluations' | 'actions'): Promise<boolean> {
	const [row] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} LIMIT 1)`);
	return (row?.n ?? 0) > 0;
}

const pick = (row: Record<string, unknown>, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, row[f]]));

const COMPETENCE_FIELDS = [
	'referentiel',
	'domaine',
	'personnes_evaluees',
	'personnes_initial_et_final',
	'gain_moyen_niveaux',
	'part_progression',
	'part_niveau_cible',
	'attrition'
] as const;

/** One row per referential × domain with people assessed in the period. */
export async function competencesJson(engine: Engine, f: Filters, policy: SecrecyPolicy | null): Promise<Record<string, unknown>[]> {
	const rows = await engine.query<DomainProgression & Record<string, unknown>>(progressionSql(f));
	const out = policy ? cellsAsText(applySecrecy(rows, PROGRESSION_MEASURES, policy)) : rows;
	return out.map((r) => pick(r, COMPETENCE_FIELDS));
}

const SECTOR_FIELDS = [
	'secteur',
	'actions',
	'places_prevues',
	'entrees',
	'taux_remplissage',
	'abandons',
	'taux_abandon',
	'cout_realise_xpf',
	'sorties_dynamiques',
	'cout_par_sortie_dynamique_xpf',
	'projets'
] as const;

/** One row per sector with actions starting in the period or people with a project in it. */
export async function secteursJson(engine: Engine, f: Filters, policy: SecrecyPolicy | null): Promise<Record<string, unknown>[]> {
	const rows = (await engine.query<SectorRow & Record<string, unknown>>(sectorsSql(f))).filter((r) => r.niveau === 'secteur');
	const out = policy ? cellsAsText(applySecrecy(rows, SECTOR_MEASURES, policy)) : rows;
	return out.map((r) => pick(r, SECTOR_FIELDS));
}
