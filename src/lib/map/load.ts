/**
 * Browser side: fetches the shipped territory geometry once (same origin,
 * built into static/geo/) and decodes it.
 */
import { boundsOf, decodeTopology, type TerritoryLayers, type TerritoryTopology } from './geometry';

export interface TerritoryGeometry {
	topo: TerritoryTopology;
	layers: TerritoryLayers;
	/** New Caledonia's extent, Belep, the Loyalty Islands and the Île des Pins included. */
	bounds: [[number, number], [number, number]];
}

/** Where the build puts the geometry (static/geo/nouvelle-caledonie.topojson). */
export const GEOMETRY_URL = '/geo/nouvelle-caledonie.topojson';

let cached: Promise<TerritoryGeometry> | null = null;

/** The territory geometry, fetched on first use. */
export function loadTerritoryGeometry(): Promise<TerritoryGeometry> {
	cached ??= (async () => {
		const response = await fetch(GEOMETRY_URL);
		if (!response.ok) throw new Error(`Fond de carte introuvable (${response.status}) : ${GEOMETRY_URL}`);
		const topo = (await response.json()) as TerritoryTopology;
		const layers = decodeTopology(topo);
		const bounds = boundsOf(layers.communes);
		if (!bounds) throw new Error('Fond de carte vide.');
		return { topo, layers, bounds };
	})();
	cached.catch(() => (cached = null));
	return cached;
}
