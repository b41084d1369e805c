/**
 * What the Secteurs page shows, computed end to end (SQL → secrecy) so
 * components, the CSV export and the tests only read masked rows.
 */
import type { Engine } from '../db/engine';
import type { Filters } from '../queries/filters';
import { SECTOR_MEASURES, type ActionRow, type SectorRow, type SectorScope } from '../queries/secteurs';
import {
	EMPLOYMENT_MEASURES,
	SECTOR_FILTER_OPTIONS_SQL,
	sectorPageSql,
	type EmploymentExitRow,
	type NeedRow
} from '../queries/besoins';
import { applySecrecy, type MaskedRow } from '../secrecy/apply';
import { DEFAULT_POLICY, isMasked, type SecrecyPolicy } from '../secrecy/policy';
import { grainRows } from './grain';
import { nextFilters, toggled } from './warm-up';
import type { Territory } from '../reference/territory';

type Raw<T> = T & Record<string, unknown>;
export type MaskedSector = MaskedRow<Raw<SectorRow>>;
export type MaskedAction = MaskedRow<Raw<ActionRow>>;

/**
 * The page's rows in one query (sectors, actions, needs, exits into
 * employment by sector of the job): the panels ask the
 * same SQL, which the browser's engine cache runs once.
 */
function pageRows(engine: Engine, f: Filters, s: SectorScope): Promise<Record<string, unknown>[]> {
	return engine.query<Record<string, unknown>>(sectorPageSql(f, s));
}

/** The page's queries one filter change away (the engine's warm-up, `db/cache.ts`). */
export function sectorWarmUpSql(f: Filters, s: SectorScope, territory: Territory, options: SectorFilterOptions | null): string[] {
	const first = (k: keyof SectorFilterOptions) => options?.[k][0] ?? null;
	const scopes = toggled(s, { financeur: first('financeur'), type_action: first('type_action'), organisme: first('organisme') });
	return [...nextFilters(f, territory).map((v) => sectorPageSql(v, s)), ...scopes.map((v) => sectorPageSql(f, v))];
}

const SECTOR_COLUMNS = [
	'niveau', 'secteur', 'actions', 'places_prevues', 'entrees', 'taux_remplissage', 'abandons', 'taux_abandon', 'heures',
	'heures_realisees', 'cout_prevu_xpf', 'cout_realise_xpf', 'actions_cout_connu', 'entrees_cout_connu', 'cout_par_participant_xpf',
	'sorties_dynamiques', 'sorties_dynamiques_cout_connu', 'cout_par_sortie_dynamique_xpf', 'projets', 'besoin'
];
const ACTION_COLUMNS = [
	'id_action', 'annee', 'intitule', 'type_action', 'secteur', 'organisme', 'financeur', 'commune_lieu', 'date_debut', 'date_fin',
	'heures', 'places_prevues', 'cout_prevu_xpf', 'cout_realise_xpf', 'entrees', 'abandons', 'heures_realisees', 'taux_remplissage',
	'taux_abandon', 'entrees_cout_connu', 'cout_par_participant_xpf', 'sorties_dynamiques', 'sorties_dynamiques_cout_connu',
	'cout_par_sortie_dynamique_xpf'
];
const NEED_COLUMNS = ['secteur', 'niveau', 'territoire', 'projets', 'places_prevues', 'actions', 'besoin'];
const EMPLOYMENT_COLUMNS = ['niveau', 'secteur', 'sorties_emploi', 'sorties_emploi_durable', 'sorties_emploi_transition'];

export interface SectorTables {
	/** One row per sector, then the total (niveau 'total'). */
	sectors: MaskedSector[];
	actions: MaskedAction[];
}

/**
 * Sector figures and the actions of the period, masked together: actions
 * under their sector, sectors under the total (secondary secrecy), so no
 * hidden count can be recomputed from a published sum.
 */
export async function sectorTables(
	engine: Engine,
	f: Filters,
	s: SectorScope,
	policy: SecrecyPolicy = DEFAULT_POLICY
): Promise<SectorTables> {
	const rows = await pageRows(engine, f, s);
	const sectors = grainRows<Raw<SectorRow>>(rows, 'secteur', SECTOR_COLUMNS);
	const actions = grainRows<Raw<ActionRow>>(rows, 'action', ACTION_COLUMNS);
	const sectorKey = (secteur: unknown) => `s:${secteur ?? ''}`;
	const all: Record<string, unknown>[] = [...sectors, ...actions];
	const masked = applySecrecy(all, SECTOR_MEASURES, policy, {
		key: (r) => ('id_action' in r ? `a:${r.id_action}` : r.niveau === 'total' ? 'total' : sectorKey(r.secteur)),
		parent: (r) => ('id_action' in r ? sectorKey(r.secteur) : r.niveau === 'total' ? null : 'total')
	});
	return {
		sectors: masked.slice(0, sectors.length) as MaskedSector[],
		actions: masked.slice(sectors.length) as MaskedAction[]
	};
}

export type MaskedNeed = MaskedRow<Raw<NeedRow>>;

/**
 * The « besoins pour la commande publique »: sector × programming territory
 * where projects exceed places, ranked by the gap. Crossings with a masked
 * number of projects (1 to 4 people) are not ranked.
 */
export async function needsData(engine: Engine, f: Filters, s: SectorScope, policy: SecrecyPolicy = DEFAULT_POLICY): Promise<MaskedNeed[]> {
	const rows = grainRows<Raw<NeedRow>>(await pageRows(engine, f, s), 'besoin', NEED_COLUMNS);
	return applySecrecy(rows, { projets: SECTOR_MEASURES.projets, besoin: SECTOR_MEASURES.besoin }, policy).filter(
		(r) => typeof r.besoin === 'number' && r.besoin > 0 && !isMasked(r.projets)
	) as MaskedNeed[];
}

export type MaskedEmploymentExit = MaskedRow<Raw<EmploymentExitRow>>;

/** Exits into employment by sector of the job (the filters' scope; page filters do not apply), sectors under the total, durable + transition = all. */
export async function employmentExitsData(
	engine: Engine,
	f: Filters,
	s: SectorScope,
	policy: SecrecyPolicy = DEFAULT_POLICY
): Promise<MaskedEmploymentExit[]> {
	const rows = grainRows<Raw<EmploymentExitRow>>(await pageRows(engine, f, s), 'emploi', EMPLOYMENT_COLUMNS);
	return applySecrecy(
		rows,
		EMPLOYMENT_MEASURES,
		policy,
		{ key: (r) => (r.niveau === 'total' ? 'total' : `s:${r.secteur ?? ''}`), parent: (r) => (r.niveau === 'total' ? null : 'total') },
		[{ total: 'sorties_emploi', parts: ['sorties_emploi_durable', 'sorties_emploi_transition'] }]
	);
}

export interface SectorFilterOptions {
	financeur: string[];
	type_action: string[];
	organisme: string[];
}

/** The values the page filters offer (those present in the loaded actions). */
export async function sectorFilterOptions(engine: Engine): Promise<SectorFilterOptions> {
	const rows = await engine.query<{ champ: keyof SectorFilterOptions; valeur: string }>(SECTOR_FILTER_OPTIONS_SQL);
	const out: SectorFilterOptions = { financeur: [], type_action: [], organisme: [] };
	for (const r of rows) out[r.champ]?.push(r.valeur);
	return out;
}
