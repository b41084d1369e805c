/**
 * The French words around a map — title, filters summary, footnotes, file
 * names — shared by the page, the PNG sheet and the CSV notes. Pure.
 */
import type { Filters } from '../queries/filters';
import { formatPeriod } from '../format/number';
import { DEFAULT_POLICY, type SecrecyPolicy } from '../secrecy/policy';
import { DISPOSITIF_LABELS, labelOf, SEXE_LABELS, STRUCTURE_LABELS } from '../model/labels';
import { TRANCHES_AGE } from '../model/codes';
import { territoryLabel, type Territory } from '../reference/territory';
import type { MapIndicator } from './indicators';
import { MAP_LEVELS, type MapLevel } from './levels';

/** Map credits, verbatim from shared/geo/README.md (licence CC BY 4.0 requires them). */
export const ATTRIBUTION =
	'Limites communales : Gouvernement de la Nouvelle-Calédonie (DTSI/Georep), via contours.nc (CC BY 4.0) — partie Sud de Poya : ISEE, IRIS RGP 2019, via contours.nc (CC BY 4.0)';

/** How the map places people, and Poya's case. */
export const TERRITORY_NOTE =
	'Territoire = commune de résidence de la personne. Poya, partagée entre les provinces Nord et Sud, est comptée en Province Nord (trait de province tracé à travers la commune).';

/** « Taux d’emploi durable par commune ». */
export function mapTitle(indicator: MapIndicator, level: MapLevel): string {
	const by = level === 'commune' ? 'par commune' : level === 'eth' ? 'par ETH (Province Nord)' : 'par province';
	return `${indicator.label} ${by}`;
}

/** Capitalised first letter (« Année 2025 »). */
export function capitalise(text: string): string {
	return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** The non-territory filters in words: « Structure : CCAS du Mont-Dore · Sexe : Femmes ». */
export function otherFiltersText(f: Filters): string {
	const parts: string[] = [];
	if (f.structure) parts.push(`Structure : ${labelOf(STRUCTURE_LABELS, f.structure)}`);
	if (f.dispositif) parts.push(`Dispositif : ${labelOf(DISPOSITIF_LABELS, f.dispositif)}`);
	if (f.sexe) parts.push(`Sexe : ${labelOf(SEXE_LABELS, f.sexe)}`);
	if (f.tranche_age) parts.push(`Âge à l’entrée : ${TRANCHES_AGE.find((t) => t.code === f.tranche_age)?.label ?? f.tranche_age}`);
	return parts.join(' · ');
}

/** The chosen territory in words (« ETH Espace de l'Ouest »), or null. */
export function selectedText(f: Filters, territory: Territory): string | null {
	if (f.commune) return territoryLabel(territory, 'commune', f.commune);
	if (f.eth) return `ETH ${territoryLabel(territory, 'eth', f.eth)}`;
	if (f.province) return territoryLabel(territory, 'province', f.province);
	return null;
}

/** Subtitle of the map and of the PNG: period(s), level, other filters. */
export function mapSubtitle(f: Filters, level: MapLevel, compared: { du: string; au: string } | null): string {
	const period = compared
		? `${capitalise(formatPeriod(compared.du, compared.au))} comparée à ${formatPeriod(f.du, f.au)}`
		: capitalise(formatPeriod(f.du, f.au));
	const levelLabel = MAP_LEVELS.find((l) => l.key === level)?.label ?? level;
	const others = otherFiltersText(f);
	return [period, levelLabel, others || 'toutes structures, tous publics'].join(' · ');
}

/** The secrecy sentence every export carries. */
export function secrecyNote(policy: SecrecyPolicy = DEFAULT_POLICY): string {
	return `${capitalise(policy.libelle)} : « s » remplace tout effectif de 1 à ${policy.effectif_min - 1} personnes (et, si besoin, une autre valeur pour qu’il ne puisse pas être recalculé) ; un taux ou une durée calculés sur moins de ${policy.denominateur_min} personnes ne sont pas affichés.`;
}

/** Footnotes of an export: definition, territory rule, source and date, credits, secrecy. */
export function exportNotes(input: {
	indicator: MapIndicator;
	source: 'demo' | 'import';
	date: Date;
	unmatched?: string | null;
	policy?: SecrecyPolicy;
}): string[] {
	const day = input.date.toLocaleDateString('fr-FR', { timeZone: 'Pacific/Noumea' });
	const data = input.source === 'demo' ? 'données de démonstration (fictives)' : 'exports des structures d’insertion';
	const notes = [`${input.indicator.label} : ${input.indicator.definition}`, TERRITORY_NOTE];
	if (input.unmatched) notes.push(input.unmatched);
	notes.push(`Source : ${data} — Observatoire de l’insertion, export du ${day}.`);
	notes.push(ATTRIBUTION);
	notes.push(secrecyNote(input.policy));
	return notes;
}

/** A file name without accents or spaces: « carte-taux_emploi_durable-commune-2025.png ». */
export function exportFilename(indicator: MapIndicator, level: MapLevel, f: Filters, ext: 'png' | 'csv', compared?: { du: string } | null): string {
	const period = f.du.slice(0, 4) === f.au.slice(0, 4) ? f.du.slice(0, 4) : `${f.du}_${f.au}`;
	const before = compared ? `${compared.du.slice(0, 4)}-vs-` : '';
	return `carte-${indicator.key}-${level}-${before}${period}.${ext}`;
}
