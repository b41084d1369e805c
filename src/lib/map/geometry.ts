/**
 * Territory geometry: decoding the shipped TopoJSON
 * (`static/geo/nouvelle-caledonie.topojson`, built by
 * `scripts/build-geometry.ts`), dissolving communes into groups (ETH) in the
 * browser, bounds and label points. Pure functions: no DOM, no MapLibre.
 *
 * Rings come out clockwise (mapshaper/d3 convention); MapLibre ignores the
 * winding, d3-geo and Observable Plot expect exactly this one.
 */
import { feature, merge } from 'topojson-client';
import type {
	Feature,
	FeatureCollection,
	GeoJsonProperties,
	MultiPolygon,
	Point,
	Polygon,
	Position
} from 'geojson';
import type {
	GeometryCollection,
	MultiPolygon as TopoMultiPolygon,
	Polygon as TopoPolygon,
	Topology
} from 'topojson-specification';
import { geodesicArea } from './area';
import { poleOfInaccessibility } from './label';

/** INSEE code of Poya, the commune split between Province Nord and Province Sud. */
export const POYA_CODE = '98827';

export type ProvinceCode = 'PN' | 'PS' | 'PIL';
export type PoyaPart = 'nord' | 'sud';
export type CommuneProperties = { code_insee: string; nom: string };
export type PoyaProperties = { partie: PoyaPart; province: 'PN' | 'PS' };
export type ProvinceProperties = { code: ProvinceCode };
/** Properties of a dissolved group (ETH or any other grouping of communes). */
export type GroupProperties = { code: string };

export type AreaGeometry = Polygon | MultiPolygon;
export type AreaCollection<P extends GeoJsonProperties = GeoJsonProperties> = FeatureCollection<AreaGeometry, P>;

export type TerritoryObjects = {
	communes: GeometryCollection<CommuneProperties>;
	poya: GeometryCollection<PoyaProperties>;
	provinces: GeometryCollection<ProvinceProperties>;
};
export type TerritoryTopology = Topology<TerritoryObjects>;

export type TerritoryLayers = {
	communes: AreaCollection<CommuneProperties>;
	poya: AreaCollection<PoyaProperties>;
	provinces: AreaCollection<ProvinceProperties>;
};

type TopoArea<P extends GeoJsonProperties> = TopoPolygon<P> | TopoMultiPolygon<P>;

function collection<K extends keyof TerritoryObjects>(topo: TerritoryTopology, name: K): TerritoryObjects[K] {
	const object = topo?.objects?.[name];
	if (!object || object.type !== 'GeometryCollection') {
		throw new Error(`Fond de carte invalide : l'objet « ${name} » est absent du fichier TopoJSON.`);
	}
	return object;
}

function decode<P extends GeoJsonProperties>(topo: TerritoryTopology, object: GeometryCollection<P>): AreaCollection<P> {
	const fc = feature(topo, object as GeometryCollection<P & object>) as FeatureCollection<AreaGeometry | null, P>;
	return {
		type: 'FeatureCollection',
		features: fc.features.filter(
			(f): f is Feature<AreaGeometry, P> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'
		)
	};
}

/**
 * Decodes the territory TopoJSON into the three GeoJSON layers the map draws:
 * 33 communes, the two parts of Poya and the three provinces.
 * Throws (French message) when an object is missing.
 */
export function decodeTopology(topo: TerritoryTopology): TerritoryLayers {
	return {
		communes: decode(topo, collection(topo, 'communes')),
		poya: decode(topo, collection(topo, 'poya')),
		provinces: decode(topo, collection(topo, 'provinces'))
	};
}

/** Options of {@link dissolveCommunes}. */
export interface DissolveOptions {
	/**
	 * Which part of Poya a group containing 98827 receives: the whole commune
	 * (default), or only its northern or southern part. Province Nord's ETH
	 * cover only Poya's northern part: pass `'nord'` for them.
	 */
	poya?: 'whole' | PoyaPart;
}

/**
 * Merges communes into groups along their shared borders (TopoJSON merge, so
 * no slivers): one MultiPolygon feature per group, with property `code` = the
 * group code, in the order groups first appear in `grouping`. Communes absent
 * from `grouping` are left out. Used to draw ETH from the editable ETH file
 * without rebuilding the geometry.
 */
export function dissolveCommunes(
	topo: TerritoryTopology,
	grouping: Map<string, string>,
	options: DissolveOptions = {}
): FeatureCollection<MultiPolygon, GroupProperties> {
	const communes = collection(topo, 'communes').geometries as TopoArea<CommuneProperties>[];
	const byCode = new Map(communes.map((g) => [g.properties?.code_insee, g]));
	const poyaParts = collection(topo, 'poya').geometries as TopoArea<PoyaProperties>[];
	const members = new Map<string, TopoArea<GeoJsonProperties>[]>();
	for (const [communeCode, groupCode] of grouping) {
		let geometry: TopoArea<GeoJsonProperties> | undefined = byCode.get(communeCode);
		if (communeCode === POYA_CODE && options.poya && options.poya !== 'whole') {
			geometry = poyaParts.find((g) => g.properties?.partie === options.poya);
		}
		if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
		const list = members.get(groupCode) ?? [];
		list.push(geometry);
		members.set(groupCode, list);
	}
	return {
		type: 'FeatureCollection',
		features: [...members].map(([code, geometries]) => ({
			type: 'Feature',
			properties: { code },
			geometry: merge(topo, geometries as TopoArea<object>[])
		}))
	};
}

/** Visits every position of the area features. */
function eachPosition(fc: AreaCollection, visit: (p: Position) => void): void {
	for (const f of fc.features) {
		const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		for (const polygon of polygons) for (const ring of polygon) for (const p of ring) visit(p);
	}
}

/**
 * Bounding box `[[minLon, minLat], [maxLon, maxLat]]` of a feature collection,
 * in the form MapLibre's `fitBounds` takes. `null` for an empty collection.
 * (New Caledonia does not cross the antimeridian.)
 */
export function boundsOf(fc: AreaCollection): [[number, number], [number, number]] | null {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	eachPosition(fc, ([x, y]) => {
		if (!Number.isFinite(x) || !Number.isFinite(y)) return;
		minX = Math.min(minX, x);
		minY = Math.min(minY, y);
		maxX = Math.max(maxX, x);
		maxY = Math.max(maxY, y);
	});
	return minX <= maxX ? [[minX, minY], [maxX, maxY]] : null;
}

/** Largest polygon (geodesic area) of an area geometry, as rings. */
export function largestPolygon(geometry: AreaGeometry): Position[][] {
	if (geometry.type === 'Polygon') return geometry.coordinates;
	let best: Position[][] = geometry.coordinates[0] ?? [];
	let bestArea = -1;
	for (const polygon of geometry.coordinates) {
		const area = geodesicArea({ type: 'Polygon', coordinates: polygon });
		if (area > bestArea) [best, bestArea] = [polygon, area];
	}
	return best;
}

/**
 * One label point per feature, same properties: the pole of inaccessibility
 * of the feature's largest polygon (main island rather than an islet). It is
 * always inside that polygon, also for concave communes where the centroid
 * falls outside. `precision` is in degrees (default ≈ 100 m).
 */
export function labelPoints<P extends GeoJsonProperties>(fc: AreaCollection<P>, precision = 0.001): FeatureCollection<Point, P> {
	return {
		type: 'FeatureCollection',
		features: fc.features.map((f) => ({
			type: 'Feature',
			properties: f.properties,
			geometry: { type: 'Point', coordinates: poleOfInaccessibility(largestPolygon(f.geometry), precision) }
		}))
	};
}
