/**
 * Geodesic areas of GeoJSON polygons on the WGS84 ellipsoid, without d3-geo.
 *
 * Latitudes are mapped to authalic latitudes, which makes the ellipsoid
 * equal-area with the authalic sphere; the ring area is then the spherical
 * excess on that sphere (same edge-by-edge formula as d3-geo's `geoArea`).
 * Edges are great-circle arcs on the authalic sphere instead of geodesics:
 * for edges of a few km the difference is far below a square metre.
 */
import type { Geometry, Position } from 'geojson';

const WGS84_A = 6_378_137;
const WGS84_F = 1 / 298.257223563;
const E2 = WGS84_F * (2 - WGS84_F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;

/** q(φ) of the authalic latitude formulas (Snyder, Map Projections, eq. 3-12). */
function authalicQ(sinPhi: number): number {
	const eSin = E * sinPhi;
	return (1 - E2) * (sinPhi / (1 - eSin * eSin) - (1 / (2 * E)) * Math.log((1 - eSin) / (1 + eSin)));
}

const Q_POLE = authalicQ(1);
/** Radius of the sphere with the same surface as the WGS84 ellipsoid (≈ 6 371 007 m). */
export const AUTHALIC_RADIUS = WGS84_A * Math.sqrt(Q_POLE / 2);

/** Authalic latitude (radians) of a geodetic latitude in degrees. */
function authalicLatitude(latDeg: number): number {
	const q = authalicQ(Math.sin(latDeg * RAD));
	return Math.asin(Math.max(-1, Math.min(1, q / Q_POLE)));
}

/**
 * Unsigned area of one ring in steradians of the authalic sphere.
 * Winding-agnostic: GeoJSON (RFC 7946, counter-clockwise) and TopoJSON
 * produced by mapshaper (clockwise) rings give the same result.
 */
function ringSteradians(ring: Position[]): number {
	if (ring.length < 4) return 0;
	let sum = 0;
	const last = ring[ring.length - 1];
	let lambda0 = last[0] * RAD;
	const phi0 = authalicLatitude(last[1]) / 2 + Math.PI / 4;
	let cosPhi0 = Math.cos(phi0);
	let sinPhi0 = Math.sin(phi0);
	for (const point of ring) {
		const lambda = point[0] * RAD;
		const phi = authalicLatitude(point[1]) / 2 + Math.PI / 4;
		const dLambda = lambda - lambda0;
		const sdLambda = dLambda >= 0 ? 1 : -1;
		const adLambda = sdLambda * dLambda;
		const cosPhi = Math.cos(phi);
		const sinPhi = Math.sin(phi);
		const k = sinPhi0 * sinPhi;
		const u = cosPhi0 * cosPhi + k * Math.cos(adLambda);
		const v = k * sdLambda * Math.sin(adLambda);
		sum += Math.atan2(v, u);
		lambda0 = lambda;
		cosPhi0 = cosPhi;
		sinPhi0 = sinPhi;
	}
	const excess = Math.abs(2 * sum);
	// A ring winding the "wrong" way measures the rest of the globe.
	return Math.min(excess, 4 * Math.PI - excess);
}

/** Area in m² of one polygon given as rings (first = exterior, others = holes). */
export function polygonArea(rings: Position[][]): number {
	if (rings.length === 0) return 0;
	const r2 = AUTHALIC_RADIUS * AUTHALIC_RADIUS;
	let steradians = ringSteradians(rings[0]);
	for (let i = 1; i < rings.length; i++) steradians -= ringSteradians(rings[i]);
	return steradians * r2;
}

/**
 * Geodesic area in m² of a Polygon or MultiPolygon (WGS84 lon/lat degrees).
 * Used both by the geometry build and by the tests, so that the shipped map
 * and the source file are measured with exactly the same function.
 * Other geometry types have no area and return 0.
 */
export function geodesicArea(geometry: Geometry | null): number {
	if (!geometry) return 0;
	switch (geometry.type) {
		case 'Polygon':
			return polygonArea(geometry.coordinates);
		case 'MultiPolygon':
			return geometry.coordinates.reduce((total, polygon) => total + polygonArea(polygon), 0);
		case 'GeometryCollection':
			return geometry.geometries.reduce((total, g) => total + geodesicArea(g), 0);
		default:
			return 0;
	}
}

/** Geodesic area in km² (convenience for reports and tests). */
export function geodesicAreaKm2(geometry: Geometry | null): number {
	return geodesicArea(geometry) / 1e6;
}
