/**
 * Options of the level-to-level flow chart: for one referential, one panel
 * per domain, a link from each initial level (left) to each final level
 * (right) whose width grows with the number of people; green when they
 * progressed, grey when stable, orange when they fell back. Masked flows
 * (1 to 4 people) are thin dashed links without a number (« s » on hover).
 */
import * as Plot from '@observablehq/plot';
import { isMasked, type Cell } from '../secrecy/policy';
import { DOMAINE_LABELS, levelLabel } from '../model/labels';
import { tickNumber } from './locale';
import { compareFr } from '../format/text';

export interface FlowPoint {
	domaine: string | null;
	/** Levels are grouping keys, never masked (typed as Cell because rows come out of secrecy). */
	niveau_initial: Cell;
	niveau_final: Cell;
	personnes: Cell;
}

export const FLOW_DIRECTIONS = ['En progression', 'Stable', 'En recul'] as const;
export const FLOW_COLORS = ['#1e7b4f', '#8a99a6', '#c2571a'];
/** Where along a link its count is written (0 = initial, 1 = final). */
const LABEL_AT = 0.22;

interface Datum {
	domaine: string;
	ni: number;
	nf: number;
	sens: (typeof FLOW_DIRECTIONS)[number];
	largeur: number;
	texte: string;
	secret: boolean;
	titre: string;
}

/** Links of the chart, widths scaled on the largest published flow. */
export function flowData(rows: FlowPoint[], referentiel: string | null): Datum[] {
	const max = Math.max(1, ...rows.map((r) => (typeof r.personnes === 'number' ? r.personnes : 0)));
	return rows
		.filter((r) => r.personnes !== null && r.personnes !== 0)
		.map((r) => {
			const ni = Number(r.niveau_initial);
			const nf = Number(r.niveau_final);
			const secret = isMasked(r.personnes);
			const n = typeof r.personnes === 'number' ? r.personnes : 0;
			const sens = nf > ni ? FLOW_DIRECTIONS[0] : nf === ni ? FLOW_DIRECTIONS[1] : FLOW_DIRECTIONS[2];
			const domaine = DOMAINE_LABELS[r.domaine ?? ''] ?? r.domaine ?? 'Non renseigné';
			const texte = secret ? 's' : tickNumber(n);
			return {
				domaine,
				ni,
				nf,
				sens,
				largeur: secret ? 1 : 1.5 + 14 * Math.sqrt(n / max),
				texte,
				secret,
				titre: `${domaine} : ${levelLabel(referentiel, ni)} → ${levelLabel(referentiel, nf)}\n${secret ? 's (secret statistique : 1 à 4 personnes)' : `${texte} personne${n > 1 ? 's' : ''}`}`
			};
		});
}

/** Plot options: one facet per domain, levels on the vertical axis. */
export function levelFlowOptions(rows: FlowPoint[], referentiel: string | null): Plot.PlotOptions {
	const data = flowData(rows, referentiel);
	const levels = rows.flatMap((r) => [Number(r.niveau_initial), Number(r.niveau_final)]);
	const top = Math.max(1, ...levels);
	const order = Object.values(DOMAINE_LABELS);
	const rank = (d: string) => (order.includes(d) ? order.indexOf(d) : order.length);
	const domains = [...new Set(data.map((d) => d.domaine))].sort((a, b) => rank(a) - rank(b) || compareFr(a, b));
	const nodes = domains.flatMap((domaine) =>
		Array.from({ length: top }, (_, i) => i + 1).flatMap((niveau) => [0, 1].map((x) => ({ domaine, niveau, x })))
	);
	const published = data.filter((d) => !d.secret);
	const masked = data.filter((d) => d.secret);
	const at = (d: Datum) => d.ni + (d.nf - d.ni) * LABEL_AT;
	return {
		height: Math.max(220, 70 * top + 70),
		marginLeft: 70,
		marginRight: 20,
		marginBottom: 30,
		style: { fontSize: '12px' },
		fx: { label: null, domain: domains, padding: 0.18 },
		x: { domain: [-0.05, 1.05], ticks: [0, 1], tickFormat: (v: number) => (v === 0 ? 'Initial' : 'Final'), label: null },
		y: {
			domain: [0.5, top + 0.5],
			ticks: Array.from({ length: top }, (_, i) => i + 1),
			tickFormat: (v: number) => levelLabel(referentiel, v),
			label: null
		},
		color: { domain: [...FLOW_DIRECTIONS], range: FLOW_COLORS, legend: true },
		marks: [
			Plot.link(published, {
				fx: 'domaine', x1: () => 0, x2: () => 1, y1: 'ni', y2: 'nf',
				stroke: 'sens', strokeWidth: 'largeur', strokeOpacity: 0.7, title: 'titre'
			}),
			Plot.link(masked, {
				fx: 'domaine', x1: () => 0, x2: () => 1, y1: 'ni', y2: 'nf',
				stroke: 'sens', strokeWidth: 1, strokeDasharray: '3,3', title: 'titre'
			}),
			Plot.dot(nodes, { fx: 'domaine', x: 'x', y: 'niveau', r: 3.5, fill: '#1d2a33' }),
			Plot.text(published, {
				fx: 'domaine', x: () => LABEL_AT, y: at, text: 'texte', fontSize: 10.5,
				fill: '#1d2a33', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke'
			})
		]
	};
}
