/**
 * The offline MapLibre style: a sea-coloured background and our GeoJSON
 * sources (filled in later with `setData`). No tiles and no `glyphs`
 * property: labels are HTML over the map (see MapView), nothing is fetched.
 * Class colours, hatches and the hover outline read feature state, so a
 * recolour is on screen at the next frame; transitions are off.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { HATCH_IMAGE } from './hatch';
import { FILL_COLOR, SECRET_OPACITY } from './paint';

export const MAP_STYLE_COLORS = {
	sea: '#dcebf2',
	/** Land outside the level's territories (e.g. provinces without ETH). */
	outside: '#fbfbf8',
	communeLine: '#ffffff',
	groupLine: '#37474f',
	provinceLine: '#1d2a33',
	selection: '#c2571a',
	hover: '#1d2a33',
	coast: '#8fa9b8'
} as const;

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
			frontieres: geojson(),
			territoires: { ...geojson(), promoteId: 'code' },
			communes: geojson(),
			selection: { ...geojson(), promoteId: 'cle' }
		},
		layers: [
			{ id: 'mer', type: 'background', paint: { 'background-color': c.sea } },
			{ id: 'terre', type: 'fill', source: 'provinces', paint: { 'fill-color': c.outside } },
			{ id: 'territoire-remplissage', type: 'fill', source: 'territoires', paint: { 'fill-color': FILL_COLOR as never } },
			{
				id: 'territoire-secret',
				type: 'fill',
				source: 'territoires',
				paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': SECRET_OPACITY as never }
			},
			{ id: 'commune-contour', type: 'line', source: 'communes', paint: { 'line-color': c.communeLine, 'line-width': 0.6, 'line-opacity': 0.9 } },
			{ id: 'territoire-contour', type: 'line', source: 'territoires', paint: { 'line-color': c.communeLine, 'line-width': 0.7 } },
			{ id: 'cote', type: 'line', source: 'provinces', paint: { 'line-color': c.coast, 'line-width': 0.6 } },
			{ id: 'province-frontiere', type: 'line', source: 'frontieres', paint: { 'line-color': c.provinceLine, 'line-width': 1.8, 'line-dasharray': [3, 1.5] } },
			{
				id: 'territoire-survol',
				type: 'line',
				source: 'territoires',
				paint: { 'line-color': c.hover, 'line-width': 2.5, 'line-opacity': ['case', ['boolean', ['feature-state', 'survol'], false], 1, 0] }
			},
			{
				id: 'selection',
				type: 'line',
				source: 'selection',
				paint: { 'line-color': c.selection, 'line-width': 3.5, 'line-opacity': ['case', ['boolean', ['feature-state', 'choisi'], false], 1, 0] }
			}
		]
	};
}
