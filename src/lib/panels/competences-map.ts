/**
 * Map hook of the competences plan: the loader of the `competences` source of
 * the map's indicator registry (entries `ce_*` in src/lib/map/indicators.ts,
 * loader registered in MAP_SOURCES of src/lib/panels/map.ts).
 */
import type { Engine } from '../db/engine';
import type { Filters } from '../queries/filters';
import { STAGE_MEASURES, stagesByLevelSql, type StageIndicators } from '../queries/competences';
import type { TerritoryRow } from '../reference/hierarchy';
import type { Territory } from '../reference/territory';
import { DEFAULT_POLICY, type SecrecyPolicy } from '../secrecy/policy';
import { protectLevels, STAGE_SUMS } from './competences';

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
