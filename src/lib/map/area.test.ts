import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { AUTHALIC_RADIUS, geodesicArea, geodesicAreaKm2 } from './area';

const file = (p: string) => readFileSync(fileURLToPath(new URL(`../../../${p}`, import.meta.url)), 'utf8');

/** Geodesic areas (km², WGS84) published in shared/geo/README.md for the source file. */
const PUBLISHED_KM2: Record<string, number> = {
	'98801': 54.7, '98802': 834.9, '98803': 769.5, '98804': 421.0, '98805': 245.1, '98806': 47.0,
	'98807': 948.2, '98808': 935.8, '98809': 157.7, '98810': 748.5, '98811': 354.9, '98812': 544.9,
	'98813': 453.6, '98814': 1133.4, '98815': 658.7, '98816': 317.2, '98817': 622.9, '98818': 46.3,
	'98819': 632.2, '98820': 136.1, '98821': 685.3, '98822': 672.6, '98823': 693.5, '98824': 192.2,
	'98825': 668.9, '98826': 439.9, '98827': 826.25, '98828': 95.2, '98829': 969.2, '98830': 273.1,
	'98831': 783.9, '98832': 1326.5, '98833': 381.3
};

describe('geodesicArea', () => {
	it("mesure une cellule de 1° × 1° à l'équateur comme la formule de zone de l'ellipsoïde", () => {
		const cell: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
		// 12 308.46 km²: WGS84 zone formula between 0° and 1°, for 1° of longitude.
		expect(geodesicAreaKm2(cell)).toBeCloseTo(12308.46, 0);
	});

	it("ne dépend pas du sens de parcours des anneaux", () => {
		const ring = [[166, -22], [166.1, -22], [166.1, -21.9], [166, -21.9], [166, -22]];
		const ccw = geodesicArea({ type: 'Polygon', coordinates: [ring] });
		const cw = geodesicArea({ type: 'Polygon', coordinates: [[...ring].reverse()] });
		expect(cw).toBeCloseTo(ccw, 6);
		expect(ccw).toBeGreaterThan(100e6);
	});

	it('retranche les trous', () => {
		const outer = [[166, -22], [166.2, -22], [166.2, -21.8], [166, -21.8], [166, -22]];
		const hole = [[166.05, -21.95], [166.1, -21.95], [166.1, -21.9], [166.05, -21.9], [166.05, -21.95]];
		const full = geodesicArea({ type: 'Polygon', coordinates: [outer] });
		const holeArea = geodesicArea({ type: 'Polygon', coordinates: [hole] });
		expect(geodesicArea({ type: 'Polygon', coordinates: [outer, hole] })).toBeCloseTo(full - holeArea, 3);
	});

	it('utilise le rayon authalique du WGS84', () => {
		expect(AUTHALIC_RADIUS).toBeCloseTo(6371007.18, 1);
	});

	it('retrouve les surfaces publiées des 33 communes et de l’IRIS Poya Sud', () => {
		const source = JSON.parse(file('data/geo/source/nc_communes_simp.geojson')) as FeatureCollection<Geometry, { code_com: string }>;
		for (const f of source.features) {
			const expected = PUBLISHED_KM2[f.properties.code_com];
			expect(Math.abs(geodesicAreaKm2(f.geometry) - expected), f.properties.code_com).toBeLessThanOrEqual(0.06);
		}
		const iris = JSON.parse(file('data/geo/source/poya_sud_iris2706.geojson')) as Feature;
		expect(geodesicAreaKm2(iris.geometry)).toBeCloseTo(281.3, 1);
	});

	it('rend 0 pour une géométrie sans surface', () => {
		expect(geodesicArea(null)).toBe(0);
		expect(geodesicArea({ type: 'Point', coordinates: [166, -22] })).toBe(0);
	});
});
