/**
 * The hatch pattern that marks territories under statistical secrecy, as raw
 * RGBA pixels (what MapLibre's `addImage` takes) and as the CSS background
 * of the legend swatch, so that map, legend and export look the same.
 */
import { SECRET_COLOR, SECRET_HATCH_COLOR } from './palette';

/** Name of the pattern image in the map style. */
export const HATCH_IMAGE = 'hachures-secret';

function rgb(hex: string): [number, number, number] {
	const h = hex.replace('#', '');
	return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * A square tile of `size` pixels with diagonal lines (bottom-left to
 * top-right) of `lineWidth` pixels every `size` pixels, seamless when tiled.
 */
export function hatchPixels(
	size = 8,
	lineWidth = 2,
	line = SECRET_HATCH_COLOR,
	background = SECRET_COLOR
): { width: number; height: number; data: Uint8Array } {
	const data = new Uint8Array(size * size * 4);
	const fg = rgb(line);
	const bg = rgb(background);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const onLine = (x + y) % size < lineWidth;
			const [r, g, b] = onLine ? fg : bg;
			const i = (y * size + x) * 4;
			data[i] = r;
			data[i + 1] = g;
			data[i + 2] = b;
			data[i + 3] = 255;
		}
	}
	return { width: size, height: size, data };
}

/** The same pattern as a CSS background (legend swatches). */
export const HATCH_CSS = `repeating-linear-gradient(-45deg, ${SECRET_HATCH_COLOR} 0 1.5px, ${SECRET_COLOR} 1.5px 5.5px)`;
