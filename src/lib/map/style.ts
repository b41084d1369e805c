/**
 * The offline MapLibre style: a sea-coloured background and our GeoJSON
 * sources (filled in later with `setData`). No `glyphs` property — MapLibre
 * then draws labels with local fonts and fetches nothing — and no tiles.
 * Transitions and fades are off so a recolour is on screen at the next frame.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { NO_DATA_COLOR } from './palette';
import { HATCH_IMAGE } from './hatch';

export const MAP_STYLE_COLORS = {
	sea: '#dcebf2',
	/** Land outside the level's territories (e.g. provinces without ETH). */
	outside: '#fbfbf8',
	communeLine: '#ffffff',
	groupLine: '#37474f',
	provinceLine: '#1d2a33',
	selection: '#c2571a',
	hover: '#1d2a33',
	label: '#1d2a33',
	halo: 'rgba(255,255,255,0.92)'
} as const;

/** Local fonts for labels (drawn by MapLibre; nothing is downloaded). */
export const LABEL_FONTS = ['system-ui', 'Noto Sans', 'DejaVu Sans', 'sans-serif'];

const EMPTY = { type: 'FeatureCollection', features: [] } as const;
const geojson = () => ({ type: 'geojson' as const, data: EMPTY as unknown as GeoJSON.FeatureCollection });

/** The style, with empty sources. */
export function mapStyle(): StyleSpecification {
	const c = MAP_STYLE_COLORS;
	return {
		version: 8,
		transition: { duration: 0, delay: 0 },
		sources: {
			provinces: geojson(),
			territoires: geojson(),
			communes: geojson(),
			selection: geojson(),
			etiquettes: geojson()
		},
		layers: [
			{ id: 'mer', type: 'background', paint: { 'background-color': c.sea } },
			{ id: 'terre', type: 'fill', source: 'provinces', paint: { 'fill-color': c.outside } },
			{ id: 'territoire-remplissage', type: 'fill', source: 'territoires', paint: { 'fill-color': NO_DATA_COLOR } },
			{
				id: 'territoire-secret',
				type: 'fill',
				source: 'territoires',
				filter: ['in', ['get', 'code'], ['literal', []]],
				paint: { 'fill-pattern': HATCH_IMAGE }
			},
			{ id: 'commune-contour', type: 'line', source: 'communes', paint: { 'line-color': c.communeLine, 'line-width': 0.6, 'line-opacity': 0.9 } },
			{ id: 'territoire-contour', type: 'line', source: 'territoires', paint: { 'line-color': c.communeLine, 'line-width': 0.7 } },
			{ id: 'province-contour', type: 'line', source: 'provinces', paint: { 'line-color': c.provinceLine, 'line-width': 1.6 } },
			{
				id: 'territoire-survol',
				type: 'line',
				source: 'territoires',
				filter: ['==', ['get', 'code'], ''],
				paint: { 'line-color': c.hover, 'line-width': 2.5 }
			},
			{ id: 'selection', type: 'line', source: 'selection', paint: { 'line-color': c.selection, 'line-width': 3.5 } },
			{
				id: 'etiquettes',
				type: 'symbol',
				source: 'etiquettes',
				layout: {
					'text-field': [
						'case',
						['==', ['get', 'valeur'], ''],
						['get', 'nom'],
						['format', ['get', 'nom'], {}, '\n', {}, ['get', 'valeur'], { 'font-scale': 1.12 }]
					],
					'text-font': LABEL_FONTS,
					'text-size': 11,
					'text-max-width': 9,
					'text-line-height': 1.15,
					'text-padding': 1,
					'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
					'text-radial-offset': 0.3
				},
				paint: { 'text-color': c.label, 'text-halo-color': c.halo, 'text-halo-width': 1.4 }
			}
		]
	};
}
