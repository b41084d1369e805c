/**
 * The map page's exports: the table behind the map (screen and CSV) and the
 * PNG sheet. Content comes from pure builders (table.ts, sheet.ts,
 * captions.ts); this file only gathers the page's state and the canvases.
 */
import { data } from '$lib/state/data.svelte';
import { exportFilename, exportNotes } from '$lib/map/captions';
import { formatIndicator } from '$lib/map/indicators';
import { mapCsv, mapTable, type MapTable, type MapTableInput } from '$lib/map/table';
import type { SheetInput } from '$lib/map/sheet';
import { renderSheet } from '$lib/map/draw-sheet';
import { downloadBlob, downloadText } from '$lib/format/download';
import type { MapPage } from './map-page.svelte';

/** What the page needs from a MapView instance. */
export interface MapRef {
	canvas(): HTMLCanvasElement | null;
	visibleLabels(): { x: number; y: number; lines: string[]; valueLine: number }[];
	jumpTo(camera: { center: [number, number]; zoom: number }): void;
}

function tableInput(page: MapPage): MapTableInput | null {
	const unmatched = page.joinedAfter?.unmatched ?? [];
	if (page.compared && page.periods) {
		return page.difference ? { indicator: page.indicator, classification: page.difference, unmatched: [], periods: page.periods } : null;
	}
	return page.after ? { indicator: page.indicator, classification: page.after, unmatched } : null;
}

/** The table behind the map as shown on screen, or null before the data. */
export function mapTableFor(page: MapPage): MapTable | null {
	const input = tableInput(page);
	return input ? mapTable(input, 'display') : null;
}

function unmatchedText(page: MapPage): string | null {
	const u = page.joinedAfter?.unmatched ?? [];
	return u.length ? u.map((v) => `${v.nom} (sur aucune carte) : ${formatIndicator(page.indicator, v.value)}`).join(' ; ') : null;
}

function notes(page: MapPage): string[] {
	return exportNotes({ indicator: page.indicator, source: data.source, date: new Date(), unmatched: unmatchedText(page) });
}

/** Downloads the CSV of the table behind the map (secrecy applied). */
export function exportCsv(page: MapPage, title: string, subtitle: string): void {
	const input = tableInput(page);
	if (!input) throw new Error('Pas encore de données à exporter.');
	const text = mapCsv(input, [title, subtitle, ...notes(page)]);
	downloadText(text, exportFilename(page.indicator, page.view.niveau, page.filters, 'csv', page.compared));
}

/** Downloads the PNG sheet: title, period, map(s), legend(s), source, credits, secrecy mention. */
export async function exportPng(page: MapPage, refs: readonly (MapRef | undefined)[], title: string, subtitle: string): Promise<void> {
	const drawn = refs.filter((r): r is MapRef => !!r?.canvas());
	const canvases = drawn.map((r) => r.canvas() as HTMLCanvasElement);
	if (!canvases.length) throw new Error('La carte n’est pas encore dessinée.');
	const periods = page.periods;
	const compare = !!(page.compared && periods);
	const captions = compare && periods ? [periods.before, periods.after, `Écart (${periods.after.toLowerCase()} − ${periods.before.toLowerCase()})`] : [null];
	const legends: { title: string; rows: SheetInput['legends'][number]['rows'] }[] = [];
	if (compare && periods) {
		if (page.before) legends.push({ title: `${page.indicator.label} – ${periods.before}`, rows: page.before.legend });
		if (page.after) legends.push({ title: `${page.indicator.label} – ${periods.after}`, rows: page.after.legend });
		if (page.difference) legends.push({ title: 'Écart', rows: page.difference.legend });
	} else if (page.after) legends.push({ title: page.indicator.label, rows: page.after.legend });
	// As on screen: the special rows only when some territory is in them.
	const shown = legends.map((l) => ({ ...l, rows: l.rows.filter((r) => r.kind === 'class' || r.count > 0) }));
	const input: SheetInput = {
		title,
		subtitle,
		maps: canvases.slice(0, captions.length).map((c, i) => ({
			caption: captions[i],
			width: c.clientWidth,
			height: c.clientHeight,
			labels: drawn[i].visibleLabels()
		})),
		legends: shown,
		notes: notes(page)
	};
	const blob = await renderSheet(input, canvases);
	downloadBlob(blob, exportFilename(page.indicator, page.view.niveau, page.filters, 'png', page.compared));
}
