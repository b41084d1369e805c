/**
 * Options of the overview's trend chart: parcours entries and exits per
 * quarter, with the selected period shaded and masked quarters marked « s ».
 */
import * as Plot from '@observablehq/plot';
import { isMasked, type Cell } from '../secrecy/policy';
import { quarterLabel, tickNumber } from './locale';

export interface TrendPoint {
	debut: string;
	entrees: Cell;
	sorties: Cell;
	sorties_dynamiques: Cell;
}

interface Datum {
	date: Date;
	serie: string;
	valeur: number | null;
	secret: boolean;
}

const SERIES = [
	['entrees', 'Entrées en parcours'],
	['sorties', 'Sorties de parcours'],
	['sorties_dynamiques', 'dont sorties dynamiques']
] as const;
export const TREND_COLORS = ['#0b5c7a', '#c2571a', '#1e7b4f'];

/** Long-format data for the chart (masked values are gaps). */
export function trendData(rows: TrendPoint[]): Datum[] {
	return rows.flatMap((r) =>
		SERIES.map(([key, serie]) => {
			const cell = r[key];
			return {
				date: new Date(r.debut + 'T00:00:00Z'),
				serie,
				valeur: typeof cell === 'number' ? cell : null,
				secret: isMasked(cell)
			};
		})
	);
}

/** Plot options for the trend chart, by quarter or by year. */
export function trendOptions(rows: TrendPoint[], period: { du: string; au: string }, grain: 'quarter' | 'year' = 'quarter'): Plot.PlotOptions {
	const data = trendData(rows);
	const when = (d: Date) => (grain === 'quarter' ? quarterLabel(d) : String(d.getUTCFullYear()));
	const secret = data.filter((d) => d.secret);
	return {
		height: 260,
		marginLeft: 48,
		marginBottom: 34,
		style: { fontSize: '12px' },
		x: {
			type: 'utc',
			label: null,
			ticks: 'year',
			tickFormat: (d: Date) => String(d.getUTCFullYear())
		},
		y: { grid: true, label: grain === 'quarter' ? 'Parcours par trimestre' : 'Parcours par année', tickFormat: tickNumber, zero: true },
		color: { domain: SERIES.map((s) => s[1]), range: TREND_COLORS, legend: true },
		marks: [
			Plot.rectX([period], {
				x1: (p: { du: string }) => new Date(p.du + 'T00:00:00Z'),
				x2: (p: { au: string }) => new Date(p.au + 'T00:00:00Z'),
				fill: '#e3f0f5'
			}),
			Plot.ruleY([0]),
			Plot.lineY(data, { x: 'date', y: 'valeur', stroke: 'serie', strokeWidth: 2, curve: 'monotone-x' }),
			Plot.dot(data, { x: 'date', y: 'valeur', fill: 'serie', r: 2.5 }),
			Plot.text(secret, { x: 'date', y: 0, text: () => 's', dy: -8, fill: '#6b7b87', fontStyle: 'italic' }),
			Plot.tip(
				data,
				Plot.pointerX({
					x: 'date',
					y: 'valeur',
					title: (d: Datum) => `${when(d.date)}\n${d.serie} : ${d.secret ? 's (secret statistique)' : tickNumber(d.valeur ?? 0)}`
				})
			)
		]
	};
}
