/**
 * Map hook of the competences plan: registry entries in the shape of
 * `MAP_INDICATORS` (src/lib/map/indicators.ts) with their own source,
 * `competences`, and the loader of that source in the shape of `MAP_SOURCES`
 * (src/lib/panels/map.ts). To make them selectable on the map, the map's
 * owner appends the entries to MAP_INDICATORS, adds `'competences'` to
 * `MapSourceId` and `competences: competencesMapSource` to MAP_SOURCES.
 */
import type { Engine } from '../db/engine';
import type { Filters } from '../queries/filters';
import { STAGE_MEASURES, stagesByLevelSql, type StageIndicators } from '../queries/competences';
import type { MapIndicator } from '../map/indicators';
import type { TerritoryRow } from '../reference/hierarchy';
import type { Territory } from '../reference/territory';
import { DEFAULT_POLICY, type SecrecyPolicy } from '../secrecy/policy';
import { protectLevels, STAGE_SUMS } from './competences';

/** A map registry entry whose data comes from the competences source. */
export type CompetenceMapIndicator = Omit<MapIndicator, 'source'> & { source: 'competences' };

/** The plan's indicators that read on a map (one value per territory of residence). */
export const COMPETENCE_MAP_INDICATORS: readonly CompetenceMapIndicator[] = [
	{ key: 'ce_reperage', label: 'Compétences essentielles : personnes repérées', group: 'Effectifs', kind: 'count', source: 'competences', column: 'reperage',
		definition: 'Personnes avec un frein savoirs de base, maîtrise de la langue ou numérique relevé, une entrée dans le dispositif compétences essentielles ou un positionnement dans la période.' },
	{ key: 'ce_positionnement', label: 'Compétences essentielles : personnes positionnées', group: 'Effectifs', kind: 'count', source: 'competences', column: 'positionnement',
		definition: 'Personnes ayant une évaluation initiale dans la période (tous référentiels).' },
	{ key: 'ce_formation', label: 'Compétences essentielles : personnes en formation', group: 'Effectifs', kind: 'count', source: 'competences', column: 'formation',
		definition: 'Personnes entrées dans la période dans une action savoirs de base.' },
	{ key: 'ce_evaluation_finale', label: 'Compétences essentielles : évaluations finales', group: 'Effectifs', kind: 'count', source: 'competences', column: 'evaluation_finale',
		definition: 'Personnes ayant une évaluation finale dans la période.' },
	{ key: 'ce_taux_progression', label: 'Compétences essentielles : part en progression', group: 'Taux', kind: 'rate', source: 'competences', column: 'taux_progression',
		numerator: { column: 'personnes_progression', label: 'personnes en progression' },
		denominator: { column: 'personnes_appariees', label: 'personnes évaluées au début et à la fin' },
		definition: 'Personnes ayant gagné au moins un niveau dans au moins un domaine ÷ personnes ayant une évaluation initiale et finale dans la période.' }
];

/**
 * Loader of the `competences` source: the chain for every territory (all
 * referentials and publics), masked along the hierarchy exactly as on the
 * competences page. `f` is already the map's scope (no territory filter).
 */
export async function competencesMapSource(
	engine: Engine,
	f: Filters,
	territory: Territory,
	policy: SecrecyPolicy = DEFAULT_POLICY
): Promise<TerritoryRow<Record<string, unknown>>[]> {
	const rows = await engine.query<StageIndicators & Record<string, unknown>>(stagesByLevelSql(f, {}));
	return protectLevels(territory, rows, STAGE_MEASURES, policy, STAGE_SUMS) as TerritoryRow<Record<string, unknown>>[];
}
