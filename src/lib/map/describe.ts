/**
 * Words for one territory on the map: the hover tooltip and the class label
 * of the table and CSV. Pure; every number comes from a value after secrecy.
 */
import { formatInteger } from '../format/number';
import { isMasked, secretExplanation, type Cell } from '../secrecy/policy';
import type { Classification, MapEntry } from './choropleth';
import { formatIndicator, KINDS, type MapIndicator } from './indicators';

/** « 1er », « 2e », … */
export function ordinal(n: number): string {
	return n === 1 ? '1er' : `${n}e`;
}

/** Rank sentence: « 3e sur 28 (du plus élevé au plus faible) ». */
export function rankText(rank: number | null, ranked: number): string | null {
	if (rank === null) return null;
	return `${ordinal(rank)} sur ${ranked} (du plus élevé au plus faible)`;
}

/** « 17 sorties dynamiques / 40 sorties retenues », « sur 40 entrées mesurées », or null. */
export function partsText(indicator: MapIndicator, entry: Pick<MapEntry, 'numerator' | 'denominator'>): string | null {
	const den = indicator.denominator;
	const num = indicator.numerator;
	const n = (c: Cell | undefined) => formatInteger(c ?? null);
	if (num && den) return `${n(entry.numerator)} ${num.label} / ${n(entry.denominator)} ${den.label}`;
	if (den) return `sur ${n(entry.denominator)} ${den.label}`;
	return null;
}

export interface TooltipContent {
	title: string;
	lines: string[];
}

/** Periods of compare mode, for the difference tooltip. */
export interface ComparedPeriods {
	before: string;
	after: string;
}

/**
 * Tooltip of a territory: value (or « s » and why), numerator / denominator,
 * rank. In compare mode (`periods` given) for a difference entry: both
 * periods' values, then the difference and its rank.
 */
export function describeEntry(
	entry: MapEntry,
	indicator: MapIndicator,
	ranked: number,
	periods?: ComparedPeriods
): TooltipContent {
	const lines: string[] = [];
	if (periods) {
		lines.push(`${periods.before} : ${formatIndicator(indicator, entry.before)}`);
		lines.push(`${periods.after} : ${formatIndicator(indicator, entry.after)}`);
		if (isMasked(entry.value)) lines.push(`Écart : s — ${secretExplanation(entry.value.secret)}`);
		else if (typeof entry.value === 'number') lines.push(`Écart : ${KINDS[indicator.kind].difference(entry.value)}`);
		else lines.push('Écart : pas de donnée pour l’une des périodes');
	} else if (isMasked(entry.value)) {
		lines.push(`${indicator.label} : s`);
		lines.push(secretExplanation(entry.value.secret));
	} else if (typeof entry.value === 'number') {
		lines.push(`${indicator.label} : ${formatIndicator(indicator, entry.value)}`);
	} else {
		lines.push(`${indicator.label} : pas de donnée pour ces filtres`);
	}
	const parts = periods ? null : partsText(indicator, entry);
	if (parts && entry.value !== null) lines.push(parts);
	const rank = rankText(entry.rank, ranked);
	if (rank) lines.push(`Rang : ${rank}`);
	return { title: entry.nom, lines };
}

/** The legend label of an entry's class (« 12,5 % – 20,0 % », « s : secret statistique », « Pas de donnée »). */
export function classLabel(entry: Pick<MapEntry, 'classValue'>, classification: Pick<Classification, 'legend'>): string {
	const v = entry.classValue;
	if (v === 'secret') return classification.legend.find((r) => r.kind === 'secret')?.label ?? 's';
	if (v === 'nodata') return classification.legend.find((r) => r.kind === 'nodata')?.label ?? 'Pas de donnée';
	return classification.legend.filter((r) => r.kind === 'class')[v]?.label ?? '';
}
