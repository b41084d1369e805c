/**
 * Everything MapView needs to repaint after a change, as plain data built by
 * pure functions: the fill expression, the filter of the hatched (secret)
 * territories, the label points with their text, the selected outline.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { isMasked, type Cell } from '../secrecy/policy';
import { SECRET_TEXT } from '../format/number';
import type { Classification } from './choropleth';
import { fillColorExpression, type ColorExpression } from './palette';
import type { AreaCollection } from './geometry';
import type { ShapeProperties } from './levels';

/** Properties of a label point: name, and the value line (« s » when masked). */
export type LabelProperties = ShapeProperties & { valeur: string };

export interface MapPaint {
	/** The inputs this paint answers (filters key): written to `data-for` once painted. */
	key: string;
	/** `performance.now()` when those inputs changed: the recolour time is measured from it. */
	since: number;
	fillColor: ColorExpression;
	/** Codes drawn with the secrecy hatch. */
	secretCodes: string[];
	labels: FeatureCollection<Point, LabelProperties>;
	/** Outline of the territory chosen in the filters (any level), or nothing. */
	selection: AreaCollection;
}

/** MapLibre filter keeping the features whose `code` is in `codes`. */
export function codeFilter(codes: readonly string[]): (string | (string | string[])[])[] {
	return ['in', ['get', 'code'], ['literal', [...codes]]];
}

/**
 * Label features: each shape's anchor with its name and, when `showValues`,
 * its formatted value (« s » for a masked one, nothing without data).
 */
export function labelFeatures(
	points: FeatureCollection<Point, ShapeProperties>,
	valueByCode: ReadonlyMap<string, Cell>,
	format: (cell: Cell) => string,
	showValues: boolean
): FeatureCollection<Point, LabelProperties> {
	return {
		type: 'FeatureCollection',
		features: points.features.map((f): Feature<Point, LabelProperties> => {
			const cell = valueByCode.get(f.properties.code) ?? null;
			const valeur = !showValues || cell === null ? '' : isMasked(cell) ? SECRET_TEXT : format(cell);
			return { type: 'Feature', properties: { ...f.properties, valeur }, geometry: f.geometry };
		})
	};
}

/** Builds the paint of one map from its classification. */
export function buildPaint(input: {
	key: string;
	since: number;
	classification: Classification;
	labelPoints: FeatureCollection<Point, ShapeProperties>;
	format: (cell: Cell) => string;
	showValues: boolean;
	selection: AreaCollection | null;
}): MapPaint {
	const { classification } = input;
	const valueByCode = new Map(classification.entries.map((e) => [e.code, e.value]));
	return {
		key: input.key,
		since: input.since,
		fillColor: fillColorExpression(classification.classByCode, classification.palette, 'code'),
		secretCodes: classification.entries.filter((e) => e.classValue === 'secret').map((e) => e.code),
		labels: labelFeatures(input.labelPoints, valueByCode, input.format, input.showValues),
		selection: input.selection ?? { type: 'FeatureCollection', features: [] }
	};
}
