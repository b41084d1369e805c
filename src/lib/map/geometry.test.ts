import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { geodesicArea } from './area';
import { boundsOf, decodeTopology, dissolveCommunes, labelPoints, largestPolygon, type TerritoryTopology } from './geometry';
import { pointInRings } from './label';

const file = (p: string) => readFileSync(fileURLToPath(new URL(`../../../${p}`, import.meta.url)), 'utf8');
const topo = JSON.parse(file('static/geo/nouvelle-caledonie.topojson')) as TerritoryTopology;
const layers = decodeTopology(topo);
const communeArea = new Map(layers.communes.features.map((f) => [f.properties.code_insee, geodesicArea(f.geometry)]));
const poyaSouthArea = geodesicArea(layers.poya.features.find((f) => f.properties.partie === 'sud')!.geometry);

/** Default ETH grouping of Province Nord (shared/domain.md §2). */
const DEFAULT_ETH: Record<string, string[]> = {
	grand_nord: ['98801', '98810', '98812', '98819', '98826'],
	espace_ouest: ['98831', '98811', '98825', '98827'],
	cote_oceanienne: ['98807', '98822', '98823', '98824', '98830'],
	sud_minier: ['98804', '98808', '98833']
};
const groupingOf = (groups: Record<string, string[]>) =>
	new Map(Object.entries(groups).flatMap(([group, codes]) => codes.map((c) => [c, group] as [string, string])));
const sumOf = (codes: string[]) => codes.reduce((s, c) => s + (communeArea.get(c) ?? NaN), 0);
const areaByCode = (fc: { features: { properties: { code: string }; geometry: Geometry }[] }) =>
	new Map(fc.features.map((f) => [f.properties.code, geodesicArea(f.geometry)]));

describe('decodeTopology', () => {
	it('rend trois FeatureCollection de polygones', () => {
		expect(layers.communes.features).toHaveLength(33);
		expect(layers.poya.features).toHaveLength(2);
		expect(layers.provinces.features).toHaveLength(3);
		for (const f of layers.communes.features) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
	});

	it('refuse un fichier sans objet « provinces »', () => {
		const broken = { ...topo, objects: { communes: topo.objects.communes, poya: topo.objects.poya } } as unknown as TerritoryTopology;
		expect(() => decodeTopology(broken)).toThrow(/provinces/);
	});
});

describe('dissolveCommunes', () => {
	it('fusionne les communes de la Province Nord en 4 ETH de surface égale à la somme des communes', () => {
		const eth = dissolveCommunes(topo, groupingOf(DEFAULT_ETH));
		expect(eth.features.map((f) => f.properties.code)).toEqual(Object.keys(DEFAULT_ETH));
		const areas = areaByCode(eth);
		for (const [group, codes] of Object.entries(DEFAULT_ETH)) {
			expect(Math.abs(areas.get(group)! / sumOf(codes) - 1), group).toBeLessThan(0.005);
		}
	});

	it('suit un regroupement modifié', () => {
		const changed = { ...DEFAULT_ETH, espace_ouest: ['98831', '98811', '98825'], sud_minier: ['98804', '98808', '98833', '98827'] };
		const areas = areaByCode(dissolveCommunes(topo, groupingOf(changed)));
		expect(areas.get('espace_ouest')! / sumOf(changed.espace_ouest)).toBeCloseTo(1, 3);
		expect(areas.get('sud_minier')! / sumOf(changed.sud_minier)).toBeCloseTo(1, 3);
		expect(areas.get('sud_minier')! - areaByCode(dissolveCommunes(topo, groupingOf(DEFAULT_ETH))).get('sud_minier')!).toBeCloseTo(
			communeArea.get('98827')!,
			-5
		);
	});

	it('omet les communes absentes du regroupement', () => {
		const eth = dissolveCommunes(topo, new Map([['98811', 'A'], ['98825', 'A'], ['98818', 'B']]));
		expect(eth.features.map((f) => f.properties.code)).toEqual(['A', 'B']);
		expect(geodesicArea(eth.features[1].geometry) / communeArea.get('98818')!).toBeCloseTo(1, 4);
	});

	it('ne garde que la partie nord de Poya sur demande', () => {
		const areas = areaByCode(dissolveCommunes(topo, groupingOf(DEFAULT_ETH), { poya: 'nord' }));
		expect(areas.get('espace_ouest')! / (sumOf(DEFAULT_ETH.espace_ouest) - poyaSouthArea)).toBeCloseTo(1, 3);
	});

	it("fusionne le long des frontières : l'Espace de l'Ouest est d'un seul tenant", () => {
		const eth = dissolveCommunes(topo, groupingOf(DEFAULT_ETH));
		for (const f of eth.features) {
			const main = geodesicArea({ type: 'Polygon', coordinates: largestPolygon(f.geometry) });
			// Islets aside, one block per ETH; no hole left between two communes.
			expect(main / geodesicArea(f.geometry), f.properties.code).toBeGreaterThan(0.95);
			for (const polygon of f.geometry.coordinates) expect(polygon.length, f.properties.code).toBe(1);
		}
	});
});

describe('boundsOf', () => {
	it('encadre le territoire', () => {
		const [[minLon, minLat], [maxLon, maxLat]] = boundsOf(layers.communes)!;
		// Source extent: lon 163.5759…168.1332, lat −22.6930…−19.5395 (shared/geo/README.md).
		expect(minLon).toBeCloseTo(163.5759, 3);
		expect(maxLon).toBeCloseTo(168.1332, 3);
		expect(minLat).toBeCloseTo(-22.693, 3);
		expect(maxLat).toBeCloseTo(-19.5395, 3);
	});

	it('rend null pour une collection vide', () => {
		expect(boundsOf({ type: 'FeatureCollection', features: [] })).toBeNull();
	});
});

describe('labelPoints', () => {
	const inside = (point: Position, geometry: Geometry) =>
		(geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : []).some(
			(polygon) => pointInRings(point[0], point[1], polygon)
		);

	it('place chaque étiquette dans sa commune, sur la plus grande île', () => {
		const labels = labelPoints(layers.communes);
		expect(labels.features).toHaveLength(33);
		layers.communes.features.forEach((commune, i) => {
			const label = labels.features[i];
			expect(label.properties).toEqual(commune.properties);
			const main = largestPolygon(commune.geometry);
			expect(pointInRings(label.geometry.coordinates[0], label.geometry.coordinates[1], main), commune.properties.nom).toBe(true);
		});
	});

	it('place aussi les étiquettes des provinces et des deux parties de Poya', () => {
		for (const layer of [layers.provinces, layers.poya]) {
			const labels = labelPoints(layer as FeatureCollection<Polygon>);
			labels.features.forEach((label, i) => expect(inside(label.geometry.coordinates, layer.features[i].geometry)).toBe(true));
		}
	});

	it("reste à l'intérieur d'un polygone en C, où le centroïde tombe dehors", () => {
		const crescent: Polygon = {
			type: 'Polygon',
			coordinates: [[[165, -21], [166, -21], [166, -21.2], [165.2, -21.2], [165.2, -21.8], [166, -21.8], [166, -22], [165, -22], [165, -21]]]
		};
		const [point] = labelPoints({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: crescent }] }).features;
		expect(inside(point.geometry.coordinates, crescent)).toBe(true);
		expect(pointInRings(165.5, -21.5, crescent.coordinates)).toBe(false); // the centroid region is outside
	});
});
