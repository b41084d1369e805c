/**
 * Topological repair of the commune layer, step 2 of scripts/build-geometry.ts.
 *
 * mapshaper's `-mosaic` has cut the communes, their gap-filled union and the
 * IRIS "Poya Sud" outline into non-overlapping pieces. Each piece knows which
 * source communes cover it (`codes`) and which layers (`tags`). This module
 * decides, for every piece, which commune owns it and, inside Poya, which part
 * (north/south). Dissolving the pieces by owner then gives communes that share
 * their borders exactly.
 *
 * Why not plain `-clean`: it gives every overlap to the larger neighbour and
 * every gap to one neighbour, which moves small communes by up to 5 % of their
 * area (Pouébo, Farino). Here overlaps and gaps go, piece by piece, to the
 * neighbour whose area is furthest below its source area, then a local search
 * minimises the worst relative change.
 */
import { feature, neighbors } from 'topojson-client';
import type { Topology, GeometryObject } from 'topojson-specification';
import type { Feature, Geometry, Polygon, MultiPolygon, Position } from 'geojson';
import { geodesicArea } from '../../src/lib/map/area';
import { pointInRings, poleOfInaccessibility } from '../../src/lib/map/label';

export const POYA = '98827';

/** One mosaic piece and the decision taken for it. */
export interface Piece {
	index: number;
	/** Source communes covering the piece (0 = gap, ≥ 2 = overlap). */
	codes: string[];
	inUnion: boolean;
	inIris: boolean;
	kind: 'commune' | 'overlap' | 'gap' | 'outside';
	/** m², geodesic. */
	area: number;
	geometry: Polygon | MultiPolygon;
	/** Communes that may receive the piece. */
	candidates: string[];
	owner: string | null;
	/** For Poya's pieces only. */
	part?: 'nord' | 'sud';
	note?: string;
}

function polygonsOf(geometry: Geometry): Position[][][] {
	if (geometry.type === 'Polygon') return [geometry.coordinates];
	if (geometry.type === 'MultiPolygon') return geometry.coordinates;
	return [];
}

/** Interior point of the largest polygon of a geometry (for containment tests). */
function interiorPoint(geometry: Polygon | MultiPolygon): [number, number] {
	const polygons = polygonsOf(geometry);
	let best = polygons[0];
	let bestArea = -1;
	for (const p of polygons) {
		const a = geodesicArea({ type: 'Polygon', coordinates: p });
		if (a > bestArea) [best, bestArea] = [p, a];
	}
	return poleOfInaccessibility(best, 1e-5);
}

/** True when the point is inside one of the holes of the source commune. */
function insideSourceHole(point: [number, number], source: Geometry): boolean {
	return polygonsOf(source).some((polygon) =>
		polygon.slice(1).some((hole) => pointInRings(point[0], point[1], [hole]))
	);
}

/** Reads the mosaic pieces and their adjacency. */
export function readPieces(topo: Topology, objectName: string): { pieces: Piece[]; adjacency: number[][] } {
	const collection = topo.objects[objectName];
	if (collection.type !== 'GeometryCollection') throw new Error(`${objectName}: GeometryCollection attendue`);
	const geometries = collection.geometries as GeometryObject<Record<string, unknown>>[];
	const adjacency = neighbors(geometries);
	const pieces = geometries.map((g, index): Piece => {
		const props: Record<string, unknown> = g.properties ?? {};
		const codes = [...new Set(((props.codes as (string | null)[]) ?? []).filter((c): c is string => !!c))];
		const tags = (props.tags as string[]) ?? [];
		const inUnion = tags.includes('union');
		const geometry = (feature(topo, g) as Feature).geometry as Polygon | MultiPolygon;
		const kind = codes.length === 1 ? 'commune' : codes.length > 1 ? 'overlap' : inUnion ? 'gap' : 'outside';
		return {
			index,
			codes,
			inUnion,
			inIris: tags.includes('iris'),
			kind,
			area: geodesicArea(geometry),
			geometry,
			candidates: kind === 'commune' || kind === 'overlap' ? codes : [],
			owner: kind === 'commune' ? codes[0] : null
		};
	});
	for (const piece of pieces) {
		if (piece.kind !== 'gap') continue;
		const around = new Set<string>();
		for (const j of adjacency[piece.index]) for (const code of pieces[j].codes) around.add(code);
		piece.candidates = [...around].sort();
	}
	return { pieces, adjacency };
}

/**
 * Gives every overlap and gap piece an owner so that each commune's area
 * stays as close as possible to its source area (relative difference).
 * A gap touching a single commune is filled only when it is one of that
 * commune's own (artefact) holes; otherwise it lies between two parts of the
 * commune (an islet touching the main island, usually enclosing sea) and is
 * left empty, as in the source. Returns the final area by commune (m²).
 */
export function assignOwners(pieces: Piece[], sourceArea: Map<string, number>, sourceGeometry: Map<string, Geometry>): Map<string, number> {
	const area = new Map<string, number>([...sourceArea.keys()].map((c) => [c, 0]));
	const add = (code: string, delta: number) => area.set(code, (area.get(code) ?? 0) + delta);
	const rel = (code: string, delta = 0) => ((area.get(code) ?? 0) + delta - (sourceArea.get(code) ?? 1)) / (sourceArea.get(code) ?? 1);

	for (const p of pieces) if (p.owner) add(p.owner, p.area);

	const open = pieces.filter((p) => p.kind === 'overlap' || p.kind === 'gap');
	for (const p of open) {
		if (p.kind === 'gap' && p.candidates.length === 1) {
			const code = p.candidates[0];
			const source = sourceGeometry.get(code);
			if (!source || !insideSourceHole(interiorPoint(p.geometry), source)) {
				p.candidates = [];
				p.note = `enclave entre deux parties de ${code}`;
			}
		}
		if (p.kind === 'gap' && p.candidates.length === 0 && !p.note) p.note = 'trou sans voisin';
	}

	// Greedy pass, largest pieces first.
	const assignable = open.filter((p) => p.candidates.length > 0).sort((a, b) => b.area - a.area);
	for (const p of assignable) {
		const best = [...p.candidates].sort((a, b) => Math.abs(rel(a, p.area)) - Math.abs(rel(b, p.area)) || a.localeCompare(b))[0];
		p.owner = best;
		add(best, p.area);
	}

	// Local search: move a piece when it lowers the worse of the two communes involved.
	for (let round = 0; round < 50; round++) {
		let moved = false;
		for (const p of assignable) {
			const from = p.owner as string;
			for (const to of p.candidates) {
				if (to === from) continue;
				const before = Math.max(Math.abs(rel(from)), Math.abs(rel(to)));
				const after = Math.max(Math.abs(rel(from, -p.area)), Math.abs(rel(to, p.area)));
				if (after < before - 1e-9) {
					add(from, -p.area);
					add(to, p.area);
					p.owner = to;
					moved = true;
					break;
				}
			}
		}
		if (!moved) break;
	}
	return area;
}

/** Connected components of a subset of pieces (indexes into `pieces`). */
function components(members: Piece[], adjacency: number[][]): Piece[][] {
	const inSet = new Set(members.map((p) => p.index));
	const byIndex = new Map(members.map((p) => [p.index, p]));
	const seen = new Set<number>();
	const result: Piece[][] = [];
	for (const start of members) {
		if (seen.has(start.index)) continue;
		const group: Piece[] = [];
		const stack = [start.index];
		seen.add(start.index);
		while (stack.length) {
			const i = stack.pop() as number;
			group.push(byIndex.get(i) as Piece);
			for (const j of adjacency[i]) {
				if (inSet.has(j) && !seen.has(j)) {
					seen.add(j);
					stack.push(j);
				}
			}
		}
		result.push(group);
	}
	return result;
}

function minDistance(a: Piece[], b: Piece[]): number {
	const pts = (ps: Piece[]) => ps.flatMap((p) => polygonsOf(p.geometry).flat(2)) as unknown as number[][];
	const pa = pts(a);
	const pb = pts(b);
	const k = Math.cos((21 * Math.PI) / 180);
	let min = Infinity;
	for (const p of pa) for (const q of pb) min = Math.min(min, Math.hypot((p[0] - q[0]) * k, p[1] - q[1]));
	return min;
}

/**
 * Splits Poya: pieces inside IRIS 2706 are the southern part; of the rest,
 * the largest connected block is the northern part. The other fragments
 * (thin slivers where the two sources were simplified differently, islets)
 * join whichever part is nearer, so that no scrap of Province Nord is left
 * along Poya Sud's coast or its border with Bourail.
 */
export function splitPoya(
	pieces: Piece[],
	adjacency: number[][]
): { north: number; south: number; movedToSouth: number; rawNorth: number; rawSouth: number } {
	const poya = pieces.filter((p) => p.owner === POYA);
	const south = poya.filter((p) => p.inIris);
	const rest = poya.filter((p) => !p.inIris);
	for (const p of south) p.part = 'sud';
	const blocks = components(rest, adjacency).sort(
		(a, b) => b.reduce((s, p) => s + p.area, 0) - a.reduce((s, p) => s + p.area, 0)
	);
	const core = blocks[0] ?? [];
	for (const p of core) p.part = 'nord';
	let movedToSouth = 0;
	for (const block of blocks.slice(1)) {
		const toSouth = minDistance(block, south) < minDistance(block, core);
		for (const p of block) {
			p.part = toSouth ? 'sud' : 'nord';
			if (toSouth) movedToSouth += p.area;
		}
	}
	const total = (list: Piece[]) => list.reduce((s, p) => s + p.area, 0);
	const sum = (part: string) => total(poya.filter((p) => p.part === part));
	return { north: sum('nord'), south: sum('sud'), movedToSouth, rawNorth: total(rest), rawSouth: total(south) };
}
