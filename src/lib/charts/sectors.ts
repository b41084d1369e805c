/**
 * Options of the sector charts: people's job projects against the places
 * offered (the gap is the need), and exits into employment by sector of the
 * job. Masked counts read « s » and draw no bar.
 */
import * as Plot from '@observablehq/plot';
import { isMasked, type Cell } from '../secrecy/policy';
import { tickNumber } from './locale';

export interface ProjectsPlacesPoint {
	secteur: string;
	projets: Cell;
	places_prevues: Cell;
}

export const PROJECTS_PLACES_SERIES = ['Projets des personnes', 'Places prévues'] as const;
export const PROJECTS_PLACES_COLORS = ['#f2c9a8', '#0b5c7a'];

const value = (c: Cell | undefined) => (typeof c === 'number' ? c : 0);
const text = (c: Cell | undefined) => (isMasked(c) ? 's' : tickNumber(value(c)));

/**
 * One row per sector (label in `secteur`): a wide light bar for the projects,
 * a narrow dark bar for the places inside it, the two numbers at the end.
 */
export function projectsPlacesOptions(rows: ProjectsPlacesPoint[]): Plot.PlotOptions {
	const data = rows.map((r) => ({
		secteur: r.secteur,
		projets: value(r.projets),
		places: value(r.places_prevues),
		fin: Math.max(value(r.projets), value(r.places_prevues)),
		texte: `${text(r.projets)} projets · ${text(r.places_prevues)} places`
	}));
	return {
		height: 30 * data.length + 50,
		marginLeft: 250,
		marginRight: 170,
		style: { fontSize: '12.5px' },
		x: { grid: true, label: 'Personnes (projets) et places', tickFormat: tickNumber, domain: [0, Math.max(1, ...data.map((d) => d.fin))] },
		y: { label: null, domain: data.map((d) => d.secteur), tickSize: 0 },
		color: { domain: [...PROJECTS_PLACES_SERIES], range: PROJECTS_PLACES_COLORS, legend: true },
		marks: [
			Plot.barX(data, { x: 'projets', y: 'secteur', fill: () => PROJECTS_PLACES_SERIES[0], insetTop: 3, insetBottom: 3 }),
			Plot.barX(data, { x: 'places', y: 'secteur', fill: () => PROJECTS_PLACES_SERIES[1], insetTop: 9, insetBottom: 9 }),
			Plot.text(data, { x: 'fin', y: 'secteur', text: 'texte', textAnchor: 'start', dx: 6, fill: '#1d2a33' })
		]
	};
}

export interface EmploymentExitPoint {
	secteur: string;
	sorties_emploi: Cell;
	sorties_emploi_durable: Cell;
	sorties_emploi_transition: Cell;
}

export const EMPLOYMENT_SERIES = ['Emploi durable', 'Emploi de transition'] as const;
export const EMPLOYMENT_COLORS = ['#1e7b4f', '#9fcfae'];

/** Stacked bars per sector of the job: durable then transition; « s » where a part is masked. */
export function employmentExitsOptions(rows: EmploymentExitPoint[]): Plot.PlotOptions {
	const parts = rows.flatMap((r) => {
		const hidden = isMasked(r.sorties_emploi_durable) || isMasked(r.sorties_emploi_transition);
		return hidden
			? []
			: [
					{ secteur: r.secteur, serie: EMPLOYMENT_SERIES[0], n: value(r.sorties_emploi_durable) },
					{ secteur: r.secteur, serie: EMPLOYMENT_SERIES[1], n: value(r.sorties_emploi_transition) }
				];
	});
	const totals = rows.map((r) => {
		const hidden = isMasked(r.sorties_emploi_durable) || isMasked(r.sorties_emploi_transition);
		return {
			secteur: r.secteur,
			fin: hidden ? 0 : value(r.sorties_emploi),
			texte: hidden ? `${text(r.sorties_emploi)} (détail secret)` : `${text(r.sorties_emploi)} (dont ${text(r.sorties_emploi_durable)} durables)`
		};
	});
	return {
		height: 30 * rows.length + 50,
		marginLeft: 250,
		marginRight: 170,
		style: { fontSize: '12.5px' },
		x: { grid: true, label: 'Sorties de parcours vers l’emploi', tickFormat: tickNumber, domain: [0, Math.max(1, ...totals.map((t) => t.fin))] },
		y: { label: null, domain: rows.map((r) => r.secteur), tickSize: 0 },
		color: { domain: [...EMPLOYMENT_SERIES], range: EMPLOYMENT_COLORS, legend: true },
		marks: [
			Plot.barX(parts, Plot.stackX({ x: 'n', y: 'secteur', fill: 'serie', order: [...EMPLOYMENT_SERIES], insetTop: 3, insetBottom: 3 })),
			Plot.text(totals, { x: 'fin', y: 'secteur', text: 'texte', textAnchor: 'start', dx: 6, fill: '#1d2a33' })
		]
	};
}
