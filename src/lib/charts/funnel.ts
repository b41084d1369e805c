/**
 * Options of the competences plan's chain (repérage → positionnement →
 * formation → évaluation finale): one horizontal bar per stage, with the
 * count and its share of the people screened; masked stages read « s »,
 * stages not computed for the filters read « non calculé ».
 */
import * as Plot from '@observablehq/plot';
import { isMasked, type Cell } from '../secrecy/policy';
import { tickNumber } from './locale';
import { formatInteger } from '../format/number';

export interface FunnelStage {
	etape: string;
	label: string;
	personnes: Cell | undefined;
}

export const FUNNEL_COLORS = ['#0b5c7a', '#2f7f9c', '#5aa77a', '#1e7b4f'];

interface Datum {
	label: string;
	valeur: number;
	texte: string;
	couleur: string;
}

/** Bars of the chain; the share is relative to the first stage when it is published. */
export function funnelData(stages: FunnelStage[]): Datum[] {
	const first = stages[0]?.personnes;
	return stages.map((s, i) => {
		const v = s.personnes;
		const share = typeof v === 'number' && typeof first === 'number' && first > 0 && i > 0 ? ` (${formatInteger((v / first) * 100)} % des repérés)` : '';
		return {
			label: s.label,
			valeur: typeof v === 'number' ? v : 0,
			texte: isMasked(v) ? 's' : v === null || v === undefined ? 'non calculé pour ces filtres' : `${tickNumber(v)}${share}`,
			couleur: FUNNEL_COLORS[i % FUNNEL_COLORS.length]
		};
	});
}

/** Plot options of the chain. */
export function funnelOptions(stages: FunnelStage[]): Plot.PlotOptions {
	const data = funnelData(stages);
	return {
		height: 46 * data.length + 20,
		marginLeft: 170,
		marginRight: 230,
		style: { fontSize: '13px' },
		x: { axis: null, domain: [0, Math.max(1, ...data.map((d) => d.valeur))] },
		y: { label: null, domain: data.map((d) => d.label), tickSize: 0 },
		marks: [
			Plot.barX(data, { x: 'valeur', y: 'label', fill: 'couleur', insetTop: 6, insetBottom: 6 }),
			Plot.text(data, { x: 'valeur', y: 'label', text: 'texte', textAnchor: 'start', dx: 6, fill: '#1d2a33' })
		]
	};
}

export interface StageYearPoint {
	annee: Cell;
	reperage: Cell;
	positionnement: Cell;
	formation: Cell;
	evaluation_finale: Cell;
}

const STAGES = [
	['reperage', 'Repérage'],
	['positionnement', 'Positionnement'],
	['formation', 'Formation'],
	['evaluation_finale', 'Évaluation finale']
] as const;

/** Plot options: the four stages year by year (masked or not computed values are gaps). */
export function stageYearsOptions(rows: StageYearPoint[]): Plot.PlotOptions {
	const data = rows.flatMap((r) =>
		STAGES.map(([key, label]) => ({ annee: String(r.annee), etape: label, valeur: typeof r[key] === 'number' ? (r[key] as number) : null }))
	);
	return {
		height: 220,
		marginLeft: 50,
		style: { fontSize: '12px' },
		x: { type: 'point', label: null },
		y: { grid: true, label: 'Personnes', tickFormat: tickNumber, zero: true },
		color: { domain: STAGES.map((s) => s[1]), range: FUNNEL_COLORS, legend: true },
		marks: [
			Plot.ruleY([0]),
			Plot.lineY(data, { x: 'annee', y: 'valeur', stroke: 'etape', strokeWidth: 2 }),
			Plot.dot(data, { x: 'annee', y: 'valeur', fill: 'etape', r: 3, title: (d: { etape: string; annee: string; valeur: number | null }) => `${d.etape} ${d.annee} : ${d.valeur === null ? 's ou non calculé' : tickNumber(d.valeur)}` })
		]
	};
}
