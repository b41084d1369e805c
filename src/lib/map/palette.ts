/**
 * Map colours and MapLibre paint expressions, as plain data (no MapLibre
 * import): the map component passes the result straight to `fill-color`.
 *
 * Palettes are ColorBrewer (Cynthia Brewer, Apache-2.0 licence) schemes
 * flagged colour-blind safe: YlGnBu (sequential) and PuOr (diverging).
 */

/** Sequential YlGnBu, light (low values) to dark (high values), by class count. */
const YL_GN_BU: Record<number, readonly string[]> = {
	3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
	4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
	5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
	6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
	7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84']
};

/** Diverging PuOr, orange (negative) – light grey (around 0) – purple (positive). */
const PU_OR: Record<number, readonly string[]> = {
	3: ['#f1a340', '#f7f7f7', '#998ec3'],
	4: ['#e66101', '#fdb863', '#b2abd2', '#5e3c99'],
	5: ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'],
	6: ['#b35806', '#f1a340', '#fee0b6', '#d8daeb', '#998ec3', '#542788'],
	7: ['#b35806', '#f1a340', '#fee0b6', '#f7f7f7', '#d8daeb', '#998ec3', '#542788']
};

/**
 * Base fill of a commune whose value is under statistical secrecy. The map
 * component draws a hatch pattern over it; alone, it must stay distinct from
 * "no data" and from every palette colour.
 */
export const SECRET_COLOR = '#9e9e9e';
/** Hatch line colour drawn over {@link SECRET_COLOR}. */
export const SECRET_HATCH_COLOR = '#616161';
/** Fill of a commune without data (light neutral, outlined by the map). */
export const NO_DATA_COLOR = '#eeeeee';

/** A commune's class: palette index, or one of the two special states. */
export type ClassValue = number | 'secret' | 'nodata';

function checkCount(n: number): void {
	if (!Number.isInteger(n) || n < 1 || n > 7) throw new RangeError(`Nombre de couleurs invalide : ${n} (de 1 à 7).`);
}

/**
 * Sequential palette with n colours (1–7), light to dark. 1 and 2 colours
 * are taken from the 3-class scheme (middle; ends).
 */
export function sequentialPalette(n: number): string[] {
	checkCount(n);
	if (n === 1) return [YL_GN_BU[3][1]];
	if (n === 2) return [YL_GN_BU[3][0], YL_GN_BU[3][2]];
	return [...YL_GN_BU[n]];
}

/**
 * Diverging palette with n colours (1–7) for differences centred on 0
 * (pair it with `symmetricBreaks`): with an odd n the middle colour is the
 * neutral class around 0; with an even n, 0 is the bound between the two
 * central colours.
 */
export function divergingPalette(n: number): string[] {
	checkCount(n);
	if (n === 1) return [PU_OR[3][1]];
	if (n === 2) return [PU_OR[4][1], PU_OR[4][2]];
	return [...PU_OR[n]];
}

/** A MapLibre expression as plain JSON. */
export type ColorExpression = string | (string | string[])[];

/**
 * MapLibre `fill-color` expression giving each feature the colour of its
 * class: `["match", ["get", property], [codes…], colour, …, fallback]`.
 * Codes of the same class share one branch (classes in ascending order, then
 * secret, then no data); features missing from
 * `classByCode` get the "no data" colour. `property` is the feature property
 * holding the code (`code` for provinces and ETH, `code_insee` for communes).
 * Throws a RangeError when a class index has no colour in `palette`.
 */
export function fillColorExpression(
	classByCode: ReadonlyMap<string, ClassValue>,
	palette: readonly string[],
	property = 'code'
): ColorExpression {
	const codesByClass = new Map<ClassValue, string[]>();
	for (const [code, value] of classByCode) {
		const special = value === 'secret' || value === 'nodata';
		if (!special && !(Number.isInteger(value) && value >= 0 && value < palette.length)) {
			throw new RangeError(`Classe ${value} hors de la palette (${palette.length} couleurs) pour ${code}.`);
		}
		codesByClass.set(value, [...(codesByClass.get(value) ?? []), code]);
	}
	if (codesByClass.size === 0) return NO_DATA_COLOR;
	// Branches in legend order: classes ascending, then secret, then no data.
	const rank = (v: ClassValue) => (v === 'secret' ? palette.length : v === 'nodata' ? palette.length + 1 : v);
	const colorOf = (v: ClassValue) => (v === 'secret' ? SECRET_COLOR : v === 'nodata' ? NO_DATA_COLOR : palette[v]);
	const branches: (string | string[])[] = [];
	for (const value of [...codesByClass.keys()].sort((a, b) => rank(a) - rank(b))) {
		branches.push((codesByClass.get(value) as string[]).sort(), colorOf(value));
	}
	return ['match', ['get', property], ...branches, NO_DATA_COLOR];
}
