/**
 * The shapes drawn at each map level (communes, ETH, provinces), all with
 * the same properties `{ code, nom }` so that one paint expression and one
 * tooltip serve every level. ETH are dissolved here from the territory
 * reference (data/communes.csv, column `eth`), so an edited grouping redraws
 * without rebuilding the geometry. Pure functions: no DOM, no MapLibre.
 */
import type { Feature, FeatureCollection, MultiLineString, Point } from 'geojson';
import { mesh } from 'topojson-client';
import type { Filters } from '../queries/filters';
import { communeLabel, type Territory } from '../reference/territory';
import {
	dissolveCommunes,
	labelPoints,
	type AreaCollection,
	type TerritoryLayers,
	type TerritoryTopology
} from './geometry';

export type MapLevel = 'commune' | 'eth' | 'province';

/** The levels offered, in selector order, with their French labels. */
export const MAP_LEVELS: readonly { key: MapLevel; label: string; singular: string }[] = [
	{ key: 'commune', label: 'Communes', singular: 'commune' },
	{ key: 'eth', label: 'ETH (Province Nord)', singular: 'ETH' },
	{ key: 'province', label: 'Provinces', singular: 'province' }
];

/** Properties of every drawn territory; `poids` (population 2025) orders colliding labels. */
export type ShapeProperties = { code: string; nom: string; poids: number };
export type LevelShapes = AreaCollection<ShapeProperties>;

/** Commune INSEE code → ETH code, for the communes the reference puts in an ETH. */
export function ethGrouping(territory: Pick<Territory, 'communes'>): Map<string, string> {
	const grouping = new Map<string, string>();
	for (const c of territory.communes) if (c.eth) grouping.set(c.code_insee, c.eth);
	return grouping;
}

/** French name of an ETH (its code when the reference does not know it). */
function ethName(territory: Pick<Territory, 'eths'>, code: string): string {
	return territory.eths.find((e) => e.code === code)?.libelle ?? code;
}

function population(territory: Pick<Territory, 'communes'>, keep: (c: Territory['communes'][number]) => boolean): number {
	return territory.communes.filter(keep).reduce((s, c) => s + (c.population ?? 0), 0);
}

/**
 * Borders between provinces only (no coastline), Poya's split line included:
 * drawn over every level so the province line always shows.
 */
export function provinceBorders(topo: TerritoryTopology): FeatureCollection<MultiLineString> {
	const geometry = mesh(topo, topo.objects.provinces, (a, b) => a !== b);
	const feature: Feature<MultiLineString> = { type: 'Feature', properties: {}, geometry };
	return { type: 'FeatureCollection', features: [feature] };
}

/**
 * The territories of `level` as features `{ code, nom }`:
 * - communes: the 33 communes (Poya whole), named with the double name where
 *   Province Nord uses one (« Koohnê / Koné »);
 * - ETH: dissolved from the reference grouping; Province Nord's ETH take
 *   only Poya's northern part, the southern part belonging to Province Sud;
 * - provinces: the three provinces, the Poya line included.
 */
export function levelShapes(
	topo: TerritoryTopology,
	layers: TerritoryLayers,
	level: MapLevel,
	territory: Pick<Territory, 'communes' | 'eths' | 'provinces' | 'communeByInseeCode'>
): LevelShapes {
	if (level === 'commune') {
		return {
			type: 'FeatureCollection',
			features: layers.communes.features.map((f) => {
				const c = territory.communeByInseeCode.get(f.properties.code_insee);
				return {
					type: 'Feature',
					properties: { code: f.properties.code_insee, nom: c ? communeLabel(c) : f.properties.nom, poids: c?.population ?? 0 },
					geometry: f.geometry
				};
			})
		};
	}
	if (level === 'eth') {
		const dissolved = dissolveCommunes(topo, ethGrouping(territory), { poya: 'nord' });
		return {
			type: 'FeatureCollection',
			features: dissolved.features.map((f) => ({
				type: 'Feature',
				properties: {
					code: f.properties.code,
					nom: ethName(territory, f.properties.code),
					poids: population(territory, (c) => c.eth === f.properties.code)
				},
				geometry: f.geometry
			}))
		};
	}
	return {
		type: 'FeatureCollection',
		features: layers.provinces.features.map((f) => ({
			type: 'Feature',
			properties: {
				code: f.properties.code,
				nom: territory.provinces.find((p) => p.code === f.properties.code)?.libelle ?? f.properties.code,
				poids: population(territory, (c) => c.province === f.properties.code)
			},
			geometry: f.geometry
		}))
	};
}

/** Label anchor of every shape (inside its largest polygon), same properties. */
export function shapeLabelPoints(shapes: LevelShapes): FeatureCollection<Point, ShapeProperties> {
	return labelPoints(shapes);
}

/** The territory filter of `f`, at its finest level (commune, then ETH, then province). */
export function selectedTerritory(f: Pick<Filters, 'commune' | 'eth' | 'province'>): { level: MapLevel; code: string } | null {
	if (f.commune) return { level: 'commune', code: f.commune };
	if (f.eth) return { level: 'eth', code: f.eth };
	if (f.province) return { level: 'province', code: f.province };
	return null;
}

/**
 * The filters a click on `code` at `level` sets: the territory and the
 * coarser levels that contain it (so the filter bar stays consistent), or
 * every territory filter removed when the territory is already selected.
 */
export function filtersForClick(
	territory: Pick<Territory, 'communeByInseeCode' | 'eths'>,
	level: MapLevel,
	code: string,
	current: Pick<Filters, 'commune' | 'eth' | 'province'>
): Partial<Record<'province' | 'eth' | 'commune', string | null>> {
	const selected = selectedTerritory(current);
	if (selected && selected.level === level && selected.code === code) return { province: null, eth: null, commune: null };
	if (level === 'commune') {
		const c = territory.communeByInseeCode.get(code);
		return { province: c?.province ?? null, eth: c?.eth ?? null, commune: code };
	}
	if (level === 'eth') return { province: territory.eths.find((e) => e.code === code)?.province ?? null, eth: code };
	return { province: code };
}
