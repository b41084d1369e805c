/**
 * Everything MapView needs to repaint after a change, as plain data built by
 * pure functions: each territory's class and colour (pushed as MapLibre
 * feature state), the labels, the selected outline.
 *
 * Why feature state rather than a `["match", ["get", "code"], …]` paint
 * expression (palette.ts `fillColorExpression`): changing a data-driven paint
 * expression makes MapLibre re-lay the source out in its worker (3–4 frames,
 * ~300 ms with software WebGL), while a feature-state change is drawn by the
 * next frame. The paint expressions themselves (FILL_COLOR, SECRET_OPACITY)
 * never change.
 */
import type { FeatureCollection, Point } from 'geojson';
import { isMasked, type Cell } from '../secrecy/policy';
import { SECRET_TEXT } from '../format/number';
import type { Classification } from './choropleth';
import { NO_DATA_COLOR, SECRET_COLOR, type ClassValue } from './palette';
import type { AreaCollection } from './geometry';
import type { ShapeProperties } from './levels';

/** Feature-state value of the two special classes (numbers: `match` labels share one type). */
export const SECRET_STATE = -1;
export const NO_DATA_STATE = -2;

/** What a territory's feature state holds. */
export interface TerritoryState {
	classe: number;
	couleur: string;
}

/** A label drawn over the map: anchor, name, value line, placement priority. */
export interface MapLabel {
	code: string;
	nom: string;
	/** Formatted value (« s » when masked), '' when not shown. */
	valeur: string;
	lngLat: [number, number];
	/** Higher is placed first when labels collide (e.g. population). */
	poids: number;
}

export interface MapPaint {
	/** The inputs this paint answers (filters key): written to `data-for` once painted. */
	key: string;
	/** `performance.now()` when those inputs changed: the recolour time is measured from it. */
	since: number;
	/** Feature state of every territory: class (index, SECRET_STATE or NO_DATA_STATE) and its colour. */
	classes: Map<string, TerritoryState>;
	labels: MapLabel[];
	/** « level:code » of the territory chosen in the filters (any level), outlined; null: none. */
	selection: string | null;
}

/** Number stored in feature state for a class. */
export function classState(value: ClassValue | undefined): number {
	if (value === 'secret') return SECRET_STATE;
	if (value === undefined || value === 'nodata') return NO_DATA_STATE;
	return value;
}

/** `fill-color` of the fill layer: the colour held in feature state (light grey when none). Constant. */
export const FILL_COLOR: unknown[] = ['to-color', ['coalesce', ['feature-state', 'couleur'], NO_DATA_COLOR], NO_DATA_COLOR];

/** Colour of a class: palette colour, grey for secret, light grey without data. */
export function classColor(value: ClassValue | undefined, palette: readonly string[]): string {
	if (value === 'secret') return SECRET_COLOR;
	if (value === undefined || value === 'nodata') return NO_DATA_COLOR;
	return palette[value] ?? NO_DATA_COLOR;
}

/** Feature-state expression true for the territories under secrecy (hatch layer opacity). */
export const SECRET_OPACITY: unknown[] = ['case', ['==', ['feature-state', 'classe'], SECRET_STATE], 1, 0];

/**
 * Labels: each shape's anchor with its name and, when `showValues`, its
 * formatted value (« s » for a masked one, nothing without data).
 */
export function mapLabels(
	points: FeatureCollection<Point, ShapeProperties & { poids?: number }>,
	valueByCode: ReadonlyMap<string, Cell>,
	format: (cell: Cell) => string,
	showValues: boolean
): MapLabel[] {
	return points.features.map((f) => {
		const cell = valueByCode.get(f.properties.code) ?? null;
		const valeur = !showValues || cell === null ? '' : isMasked(cell) ? SECRET_TEXT : format(cell);
		const [lng, lat] = f.geometry.coordinates;
		return { code: f.properties.code, nom: f.properties.nom, valeur, lngLat: [lng, lat], poids: f.properties.poids ?? 0 };
	});
}

/** Builds the paint of one map from its classification. */
export function buildPaint(input: {
	key: string;
	since: number;
	classification: Classification;
	labelPoints: FeatureCollection<Point, ShapeProperties & { poids?: number }>;
	format: (cell: Cell) => string;
	showValues: boolean;
	selection: string | null;
}): MapPaint {
	const { classification } = input;
	const valueByCode = new Map(classification.entries.map((e) => [e.code, e.value]));
	return {
		key: input.key,
		since: input.since,
		classes: new Map(
			classification.entries.map((e) => [e.code, { classe: classState(e.classValue), couleur: classColor(e.classValue, classification.palette) }])
		),
		labels: mapLabels(input.labelPoints, valueByCode, input.format, input.showValues),
		selection: input.selection
	};
}
