/**
 * What the map page shows, computed end to end (SQL → secrecy) so that the
 * map, its tooltip, its table and its exports only read masked rows.
 *
 * The map always draws every territory of its level: it is computed for the
 * filters WITHOUT the territory filters (province, ETH, commune), which the
 * page shows by outlining the chosen territory instead of blanking the
 * others. Period, structure, dispositif, sexe and age filters apply.
 *
 * Secrecy is applied along the whole hierarchy (total → province → ETH →
 * commune), exactly as the overview's territory table does, so a commune
 * masked there is masked here, secondary suppression included.
 */
import type { Engine } from '../db/engine';
import { ALL_LEVELS, parcoursIndicatorsSql, partsOf, PARCOURS_MEASURES, type ParcoursIndicators } from '../queries/parcours';
import type { Filters } from '../queries/filters';
import { applySecrecy, type Measures } from '../secrecy/apply';
import { DEFAULT_POLICY, type SecrecyPolicy } from '../secrecy/policy';
import { territoryHierarchy, type LevelResults, type TerritoryRow } from '../reference/hierarchy';
import type { Territory } from '../reference/territory';
import type { MapIndicator, MapSourceId } from '../map/indicators';
import { competencesMapSource } from './competences-map';
import type { MapLevel } from '../map/levels';
import type { MaskedTerritory } from '../map/choropleth';

/** Rows of every level after secrecy: measured columns are Cells. */
export type MapRows = TerritoryRow<Record<string, unknown>>[];

/** The filters the map is computed for: the same without province, ETH and commune. */
export function mapScope(f: Filters): Filters {
	const { province: _p, eth: _e, commune: _c, ...rest } = f;
	return rest;
}

/**
 * Masks indicator rows of the four levels along the territory hierarchy:
 * primary secrecy, then secondary suppression of communes under their ETH
 * (or province) total, ETH under their province, provinces under the total.
 */
export function protectMapRows<R extends { cle: string | null }>(
	territory: Territory,
	results: LevelResults<R>,
	measures: Measures,
	policy: SecrecyPolicy = DEFAULT_POLICY
): MapRows {
	const rows = territoryHierarchy(territory, results, (r) => r.cle);
	const flat = rows.map((r) => ({ ...r.valeurs, __cle: r.cle, __parent: r.parent }));
	const masked = applySecrecy(flat, measures, policy, { key: (r) => r.__cle, parent: (r) => r.__parent });
	return rows.map((r, i) => {
		const { __cle: _k, __parent: _p, ...valeurs } = masked[i] as Record<string, unknown>;
		return { ...r, valeurs };
	});
}

/**
 * The result columns a map of `indicator` reads (value first, then
 * numerator and denominator), so that only the aggregate holding them is
 * computed. Null (every column) for other sources.
 */
export function mapColumns(indicator: MapIndicator): string[] | null {
	if (indicator.source !== 'parcours') return null;
	return [indicator.column, indicator.numerator?.column, indicator.denominator?.column].filter((c): c is string => !!c);
}

/**
 * A rate or a duration is NULL on a territory without its aggregate: such a
 * row reads like no row, so only the computed territories are needed. A
 * count needs every active territory (0, not « no data »).
 */
function rowsFor([value]: readonly string[]): 'active' | 'computed' {
	const kind = PARCOURS_MEASURES[value]?.kind;
	return kind === 'rate' || kind === 'stat' ? 'computed' : 'active';
}

type Loader = (engine: Engine, f: Filters, territory: Territory, policy: SecrecyPolicy, columns: readonly string[] | null) => Promise<MapRows>;

/** One loader per data source of the indicator registry (the map hook). */
export const MAP_SOURCES: Record<MapSourceId, Loader> = {
	async parcours(engine, f, territory, policy, columns) {
		// Every level of the period in one query, without the previous period (the map does not
		// show it) and with only the aggregate the indicator reads: a recolour's query then costs
		// about half of the overview's.
		const sql = parcoursIndicatorsSql(f, ALL_LEVELS, columns ? { parts: partsOf(columns), rows: rowsFor(columns) } : {});
		const rows = await engine.query<ParcoursIndicators & Record<string, unknown>>(sql);
		const results: LevelResults<ParcoursIndicators> = { total: [], province: [], eth: [], commune: [] };
		for (const row of rows) if (row.periode === 'courante') results[row.niveau].push(row);
		return protectMapRows(territory, results, PARCOURS_MEASURES, policy);
	},
	competences: competencesMapSource
};

/** Masked rows of every level for the map's scope of `f`. */
export async function mapRows(
	engine: Engine,
	f: Filters,
	territory: Territory,
	source: MapSourceId,
	columns: readonly string[] | null = null,
	policy: SecrecyPolicy = DEFAULT_POLICY
): Promise<MapRows> {
	return MAP_SOURCES[source](engine, mapScope(f), territory, policy, columns);
}

/**
 * The rows of one map level, as the join expects them, plus the row of the
 * communes not recognised (code null) at every level: it is on no map and is
 * counted aside by the legend and the table.
 */
export function levelRows(rows: MapRows, level: MapLevel): MaskedTerritory[] {
	return rows
		.filter((r) => r.niveau === level || r.cle === 'commune:inconnue')
		.map((r) => ({ code: r.niveau === level ? r.code : null, libelle: r.libelle, valeurs: r.valeurs }));
}
