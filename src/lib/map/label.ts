/**
 * Label placement: pole of inaccessibility of a polygon (the interior point
 * farthest from its outline), after Mapbox's "polylabel" algorithm
 * (https://github.com/mapbox/polylabel, ISC), rewritten here to avoid a
 * dependency. Unlike a centroid, the point is always inside the polygon, even
 * for crescent-shaped or deeply indented communes.
 *
 * Longitudes are scaled by cos(latitude) so that distances are roughly
 * isotropic at New Caledonia's latitude (≈ 21° S).
 */
import type { Position } from 'geojson';

interface Cell {
	x: number;
	y: number;
	half: number;
	distance: number;
	max: number;
}

/** True when (x, y) lies inside the rings (even-odd rule: holes excluded). */
export function pointInRings(x: number, y: number, rings: Position[][]): boolean {
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i];
			const [xj, yj] = ring[j];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

function squaredSegmentDistance(px: number, py: number, a: Position, b: Position): number {
	let [x, y] = a;
	let dx = b[0] - x;
	let dy = b[1] - y;
	if (dx !== 0 || dy !== 0) {
		const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
		if (t > 1) {
			x = b[0];
			y = b[1];
		} else if (t > 0) {
			x += dx * t;
			y += dy * t;
		}
	}
	dx = px - x;
	dy = py - y;
	return dx * dx + dy * dy;
}

/** Signed distance from a point to the outline: positive inside, negative outside. */
function signedDistance(x: number, y: number, rings: Position[][]): number {
	let min = Infinity;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			min = Math.min(min, squaredSegmentDistance(x, y, ring[i], ring[j]));
		}
	}
	return (pointInRings(x, y, rings) ? 1 : -1) * Math.sqrt(min);
}

function makeCell(x: number, y: number, half: number, rings: Position[][]): Cell {
	const distance = signedDistance(x, y, rings);
	return { x, y, half, distance, max: distance + half * Math.SQRT2 };
}

/** Area-weighted centroid of the exterior ring (a good first guess). */
function ringCentroidCell(rings: Position[][]): Cell {
	const ring = rings[0];
	let area = 0;
	let cx = 0;
	let cy = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const f = ring[i][0] * ring[j][1] - ring[j][0] * ring[i][1];
		cx += (ring[i][0] + ring[j][0]) * f;
		cy += (ring[i][1] + ring[j][1]) * f;
		area += f * 3;
	}
	if (area === 0) return makeCell(ring[0][0], ring[0][1], 0, rings);
	return makeCell(cx / area, cy / area, 0, rings);
}

/**
 * Pole of inaccessibility of one polygon (lon/lat rings), within `precision`
 * degrees of the optimum. Returns [lon, lat]. Degenerate polygons return their
 * first vertex.
 */
export function poleOfInaccessibility(polygon: Position[][], precision = 0.0005): [number, number] {
	const outer = polygon[0];
	if (!outer || outer.length === 0) return [NaN, NaN];
	let minY = Infinity;
	let maxY = -Infinity;
	for (const p of outer) {
		minY = Math.min(minY, p[1]);
		maxY = Math.max(maxY, p[1]);
	}
	const scale = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
	const rings = polygon.map((ring) => ring.map(([lon, lat]) => [lon * scale, lat]));

	let minX = Infinity;
	let maxX = -Infinity;
	for (const p of rings[0]) {
		minX = Math.min(minX, p[0]);
		maxX = Math.max(maxX, p[0]);
	}
	const width = maxX - minX;
	const height = maxY - minY;
	const cellSize = Math.min(width, height);
	if (cellSize === 0) return [outer[0][0], outer[0][1]];

	const queue: Cell[] = [];
	const push = (cell: Cell) => {
		queue.push(cell);
		let i = queue.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (queue[parent].max >= queue[i].max) break;
			[queue[parent], queue[i]] = [queue[i], queue[parent]];
			i = parent;
		}
	};
	const pop = (): Cell => {
		const top = queue[0];
		const last = queue.pop() as Cell;
		if (queue.length > 0) {
			queue[0] = last;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < queue.length && queue[l].max > queue[m].max) m = l;
				if (r < queue.length && queue[r].max > queue[m].max) m = r;
				if (m === i) break;
				[queue[m], queue[i]] = [queue[i], queue[m]];
				i = m;
			}
		}
		return top;
	};

	const half = cellSize / 2;
	for (let x = minX; x < maxX; x += cellSize) {
		for (let y = minY; y < maxY; y += cellSize) push(makeCell(x + half, y + half, half, rings));
	}
	let best = ringCentroidCell(rings);
	const boxCell = makeCell(minX + width / 2, minY + height / 2, 0, rings);
	if (boxCell.distance > best.distance) best = boxCell;

	while (queue.length > 0) {
		const cell = pop();
		if (cell.distance > best.distance) best = cell;
		if (cell.max - best.distance <= precision) continue;
		const h = cell.half / 2;
		push(makeCell(cell.x - h, cell.y - h, h, rings));
		push(makeCell(cell.x + h, cell.y - h, h, rings));
		push(makeCell(cell.x - h, cell.y + h, h, rings));
		push(makeCell(cell.x + h, cell.y + h, h, rings));
	}
	return [best.x / scale, best.y];
}
