/**
 * Layout of the PNG export: title, period and filters, the map image(s),
 * the legend(s), the source and attribution, the secrecy mention — as a list
 * of drawing operations. Pure (text width comes from a `measure` callback),
 * so the content is tested in Node; draw-sheet.ts replays it on a canvas.
 */
import type { LegendRow } from './choropleth';

export interface SheetInput {
	title: string;
	subtitle: string;
	/** Map images in CSS pixels, with an optional caption (compare mode: the period) and the labels shown over them. */
	maps: readonly {
		caption: string | null;
		width: number;
		height: number;
		labels?: readonly { x: number; y: number; lines: readonly string[]; valueLine?: number }[];
	}[];
	legends: readonly { title: string; rows: readonly LegendRow[] }[];
	/** Footer lines: source, attribution, secrecy mention… */
	notes: readonly string[];
}

export type DrawOp =
	| { op: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke?: string }
	| { op: 'hatch'; x: number; y: number; w: number; h: number }
	| { op: 'text'; x: number; y: number; text: string; font: string; color: string }
	| { op: 'map'; index: number; x: number; y: number; w: number; h: number }
	/** A map label: lines centred on (x, y), dark text with a white halo. */
	| { op: 'label'; x: number; y: number; lines: string[]; font: string; bold: boolean };

export interface SheetLayout {
	width: number;
	height: number;
	ops: DrawOp[];
}

export type Measure = (text: string, font: string) => number;

const FAMILY = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";
export const SHEET_FONTS = {
	title: `700 22px ${FAMILY}`,
	subtitle: `400 14px ${FAMILY}`,
	caption: `600 15px ${FAMILY}`,
	legendTitle: `600 14px ${FAMILY}`,
	legend: `400 13px ${FAMILY}`,
	note: `400 12px ${FAMILY}`,
	label: `400 11.5px ${FAMILY}`
};
const INK = '#1d2a33';
const MUTED = '#4a5a66';
const MARGIN = 24;
const GAP = 16;
const LEGEND_WIDTH = 250;
const MAX_MAPS_WIDTH = 1500;

/** Greedy word wrap to `width`. */
export function wrapText(text: string, font: string, width: number, measure: Measure): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (line && measure(candidate, font) > width) {
			lines.push(line);
			line = word;
		} else line = candidate;
	}
	if (line) lines.push(line);
	return lines;
}

/** Lays the sheet out; maps are scaled down together when wider than the page allows. */
export function sheetLayout(input: SheetInput, measure: Measure): SheetLayout {
	const ops: DrawOp[] = [];
	const rawWidth = input.maps.reduce((s, m) => s + m.width, 0) + GAP * Math.max(0, input.maps.length - 1);
	const scale = rawWidth > MAX_MAPS_WIDTH ? MAX_MAPS_WIDTH / rawWidth : 1;
	const mapsWidth = Math.round(rawWidth * scale);
	const width = MARGIN * 2 + mapsWidth + GAP + LEGEND_WIDTH;
	const textWidth = width - MARGIN * 2;
	let y = MARGIN;

	for (const line of wrapText(input.title, SHEET_FONTS.title, textWidth, measure)) {
		y += 26;
		ops.push({ op: 'text', x: MARGIN, y, text: line, font: SHEET_FONTS.title, color: INK });
	}
	for (const line of wrapText(input.subtitle, SHEET_FONTS.subtitle, textWidth, measure)) {
		y += 20;
		ops.push({ op: 'text', x: MARGIN, y, text: line, font: SHEET_FONTS.subtitle, color: MUTED });
	}
	y += 14;

	const top = y;
	const hasCaption = input.maps.some((m) => m.caption);
	let x = MARGIN;
	let mapsBottom = top;
	input.maps.forEach((m, index) => {
		const w = Math.round(m.width * scale);
		const h = Math.round(m.height * scale);
		let my = top;
		if (hasCaption) {
			if (m.caption) ops.push({ op: 'text', x, y: top + 15, text: m.caption, font: SHEET_FONTS.caption, color: INK });
			my += 24;
		}
		ops.push({ op: 'map', index, x, y: my, w, h });
		for (const l of m.labels ?? []) {
			const bold = l.valueLine !== undefined && l.valueLine >= 0;
			ops.push({ op: 'label', x: x + l.x * scale, y: my + l.y * scale, lines: [...l.lines], font: SHEET_FONTS.label, bold });
		}
		ops.push({ op: 'rect', x, y: my, w, h, fill: 'transparent', stroke: '#d8e0e6' });
		mapsBottom = Math.max(mapsBottom, my + h);
		x += w + GAP;
	});

	let ly = top;
	const lx = MARGIN + mapsWidth + GAP;
	for (const legend of input.legends) {
		for (const line of wrapText(legend.title, SHEET_FONTS.legendTitle, LEGEND_WIDTH, measure)) {
			ly += 18;
			ops.push({ op: 'text', x: lx, y: ly, text: line, font: SHEET_FONTS.legendTitle, color: INK });
		}
		ly += 6;
		for (const row of legend.rows) {
			if (row.kind === 'secret') ops.push({ op: 'hatch', x: lx, y: ly, w: 22, h: 14 });
			else ops.push({ op: 'rect', x: lx, y: ly, w: 22, h: 14, fill: row.color, stroke: '#9aa7b0' });
			ops.push({ op: 'text', x: lx + 30, y: ly + 12, text: `${row.label} (${row.count})`, font: SHEET_FONTS.legend, color: INK });
			ly += 21;
		}
		ly += 14;
	}

	y = Math.max(mapsBottom, ly) + 10;
	for (const note of input.notes) {
		for (const line of wrapText(note, SHEET_FONTS.note, textWidth, measure)) {
			y += 17;
			ops.push({ op: 'text', x: MARGIN, y, text: line, font: SHEET_FONTS.note, color: MUTED });
		}
	}
	return { width, height: Math.ceil(y + MARGIN), ops };
}
