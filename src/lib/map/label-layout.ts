/**
 * Which map labels fit, and where: labels are HTML over the map (a value
 * changes with a DOM update, no WebGL relayout), so overlap is resolved here
 * — greedily, the most populated territory first, each label trying its
 * anchor then just above, below, left and right of it; a label that fits
 * nowhere, or would leave the map, is hidden. Pure.
 */

/** A label anchored at screen position (x, y), CSS pixels. */
export interface ScreenLabel {
	code: string;
	nom: string;
	valeur: string;
	x: number;
	y: number;
	poids: number;
}

/** Where a label is drawn: its centre and its text lines (name lines, then the value). */
export interface PlacedLabel {
	code: string;
	cx: number;
	cy: number;
	lines: string[];
	/** Index of the value line in `lines`, or -1. */
	valueLine: number;
}

/** Font size of the name lines (CSS px); the value line is a little larger. */
export const LABEL_FONT_PX = 11.5;

/** A long double name (« Pwêêdi Wiimîâ / Poindimié ») on two lines, the usual order kept. */
export function nameLines(nom: string): string[] {
	const i = nom.indexOf(' / ');
	if (i < 0 || nom.length <= 14) return [nom];
	return [`${nom.slice(0, i)} /`, nom.slice(i + 3)];
}

/** The text lines of a label. */
export function labelLines(nom: string, valeur: string): string[] {
	return valeur ? [...nameLines(nom), valeur] : nameLines(nom);
}

/** Approximate box of a label (average glyph 0.56 em; the value line is 1.1 em). */
export function labelSize(nom: string, valeur: string, fontPx = LABEL_FONT_PX): { width: number; height: number } {
	const names = nameLines(nom);
	const nameWidth = Math.max(...names.map((n) => n.length * fontPx * 0.56));
	const valueWidth = valeur.length * fontPx * 1.1 * 0.6;
	const lines = names.length + (valeur ? 1 : 0);
	return { width: Math.ceil(Math.max(nameWidth, valueWidth) + 6), height: Math.ceil(lines * fontPx * 1.2 + 2) };
}

/** Labels to show and where, in a viewport of `width` × `height`. */
export function placeLabels(labels: readonly ScreenLabel[], width: number, height: number, margin = 1): PlacedLabel[] {
	const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
	const out: PlacedLabel[] = [];
	const order = [...labels].sort((a, b) => b.poids - a.poids || a.code.localeCompare(b.code));
	for (const l of order) {
		if (!Number.isFinite(l.x) || !Number.isFinite(l.y)) continue;
		const { width: w, height: h } = labelSize(l.nom, l.valeur);
		const candidates: [number, number][] = [
			[0, 0],
			[0, -h / 2 - 2],
			[0, h / 2 + 2],
			[-w / 2 - 4, 0],
			[w / 2 + 4, 0]
		];
		for (const [dx, dy] of candidates) {
			const cx = l.x + dx;
			const cy = l.y + dy;
			const box = { x0: cx - w / 2 - margin, y0: cy - h / 2 - margin, x1: cx + w / 2 + margin, y1: cy + h / 2 + margin };
			if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
			if (placed.some((p) => box.x0 < p.x1 && p.x0 < box.x1 && box.y0 < p.y1 && p.y0 < box.y1)) continue;
			placed.push(box);
			const lines = labelLines(l.nom, l.valeur);
			out.push({ code: l.code, cx, cy, lines, valueLine: l.valeur ? lines.length - 1 : -1 });
			break;
		}
	}
	return out;
}
