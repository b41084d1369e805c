/** Options of the exits-by-category bar chart. */
import * as Plot from '@observablehq/plot';
import { isMasked, type Cell } from '../secrecy/policy';
import { CATEGORIE_LABELS } from '../model/labels';
import { tickNumber } from './locale';

export interface CategoryPoint {
	categorie: string;
	sorties: Cell;
	part: Cell;
}

/** Colour of each exit category: dynamic exits in greens, the rest in neutrals. */
export const CATEGORY_COLORS: Record<string, string> = {
	emploi_durable: '#1e7b4f',
	emploi_transition: '#5aa77a',
	sortie_positive: '#9fcfae',
	autre_sortie: '#c9a227',
	neutralisee: '#a7b3bc',
	projet_de_vie: '#7d8f9c',
	non_categorisee: '#d8e0e6'
};

/** Plot options: one horizontal bar per category, value and share as label. */
export function categoryOptions(rows: CategoryPoint[]): Plot.PlotOptions {
	const data = rows.map((r) => ({
		label: CATEGORIE_LABELS[r.categorie] ?? r.categorie,
		code: r.categorie,
		valeur: typeof r.sorties === 'number' ? r.sorties : 0,
		texte: isMasked(r.sorties)
			? 's'
			: `${tickNumber(r.sorties ?? 0)}${typeof r.part === 'number' ? ` (${tickNumber(r.part * 100)} %)` : ''}`
	}));
	return {
		height: 34 * data.length + 30,
		marginLeft: 210,
		marginRight: 110,
		style: { fontSize: '12.5px' },
		x: { axis: null, grid: false, domain: [0, Math.max(1, ...data.map((d) => d.valeur))] },
		y: { label: null, domain: data.map((d) => d.label), tickSize: 0 },
		marks: [
			Plot.barX(data, { x: 'valeur', y: 'label', fill: (d: { code: string }) => CATEGORY_COLORS[d.code] ?? '#999', insetTop: 4, insetBottom: 4 }),
			Plot.text(data, { x: 'valeur', y: 'label', text: 'texte', textAnchor: 'start', dx: 6, fill: '#1d2a33' })
		]
	};
}
