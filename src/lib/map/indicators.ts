/**
 * The indicators the map can show, as a registry: what each one is called in
 * French, which column of which data source carries it, how it is formatted
 * and what its numerator and denominator are. The page, the legend, the
 * tooltip, the table and the exports all read this one list.
 *
 * Map hook: an indicator of another domain (e.g. the illiteracy plan of a
 * later issue) is added by appending an entry with its own `source`; the
 * panel (src/lib/panels/map.ts) then needs a loader for that source.
 */
import type { Cell } from '../secrecy/policy';
import { isMasked } from '../secrecy/policy';
import { EMPTY_TEXT, formatDays, formatInteger, formatPercent, formatPerThousand, SECRET_TEXT } from '../format/number';

/** Data sources of map indicators (one loader each in panels/map.ts). */
export type MapSourceId = 'parcours' | 'competences';

/** How a value reads and compares: it fixes formats, units and differences. */
export type IndicatorKind = 'count' | 'rate' | 'per_thousand' | 'days';

/** A column that explains a value (numerator, denominator or number of observations). */
export interface IndicatorPart {
	column: string;
	/** French noun phrase, plural: « sorties retenues », « habitants ». */
	label: string;
}

export interface MapIndicator {
	key: string;
	/** French label, as in the selector and titles. */
	label: string;
	/** Selector group. */
	group: 'Effectifs' | 'Taux' | 'Délais et durées' | 'Compétences essentielles';
	kind: IndicatorKind;
	source: MapSourceId;
	/** Column of the source rows holding the value (after secrecy). */
	column: string;
	numerator?: IndicatorPart;
	denominator?: IndicatorPart;
	/** One-sentence French definition, shown under the map. */
	definition: string;
}

const SORTIES_RETENUES: IndicatorPart = { column: 'sorties_retenues', label: 'sorties retenues' };

/**
 * Every parcours indicator of PARCOURS_MEASURES that reads on a map. Left
 * out: technical denominators (sorties retenues, delai_entree_n, duree_n),
 * data-quality counts (sorties non catégorisées, neutralisées) and the
 * population (a reference, not an indicator).
 */
export const MAP_INDICATORS: readonly MapIndicator[] = [
	{ key: 'file_active', label: 'File active', group: 'Effectifs', kind: 'count', source: 'parcours', column: 'file_active',
		definition: 'Personnes distinctes ayant eu au moins un entretien, diagnostic, bilan ou information collective réalisé dans la période.' },
	{ key: 'nouveaux_accueillis', label: 'Nouveaux accueillis', group: 'Effectifs', kind: 'count', source: 'parcours', column: 'nouveaux_accueillis',
		definition: 'Personnes dont le premier contact (tous parcours confondus) tombe dans la période.' },
	{ key: 'entrees', label: 'Entrées en parcours', group: 'Effectifs', kind: 'count', source: 'parcours', column: 'entrees',
		definition: 'Parcours dont la date d’entrée tombe dans la période.' },
	{ key: 'sorties', label: 'Sorties', group: 'Effectifs', kind: 'count', source: 'parcours', column: 'sorties',
		definition: 'Parcours terminés dans la période, toutes catégories.' },
	{ key: 'sorties_dynamiques', label: 'Sorties dynamiques', group: 'Effectifs', kind: 'count', source: 'parcours', column: 'sorties_dynamiques',
		definition: 'Sorties en emploi durable, en emploi de transition ou en sortie positive (formation…).' },
	{ key: 'sorties_emploi_durable', label: 'Sorties en emploi durable', group: 'Effectifs', kind: 'count', source: 'parcours', column: 'sorties_emploi_durable',
		definition: 'CDI, CDD ou intérim de 6 mois et plus, titularisation, création d’entreprise.' },
	{ key: 'sorties_emploi_transition', label: 'Sorties en emploi de transition', group: 'Effectifs', kind: 'count', source: 'parcours', column: 'sorties_emploi_transition',
		definition: 'CDD ou intérim de moins de 6 mois, contrat aidé.' },
	{ key: 'sorties_positives', label: 'Sorties positives (formation…)', group: 'Effectifs', kind: 'count', source: 'parcours', column: 'sorties_positives',
		definition: 'Entrée en formation qualifiante ou préqualifiante, embauche en structure d’insertion.' },
	{ key: 'sorties_autres', label: 'Autres sorties', group: 'Effectifs', kind: 'count', source: 'parcours', column: 'sorties_autres',
		definition: 'Chômage, inactivité, perdu de vue, abandon.' },
	{ key: 'sorties_projet_de_vie', label: 'Projets de vie (retour en tribu)', group: 'Effectifs', kind: 'count', source: 'parcours', column: 'sorties_projet_de_vie',
		definition: 'Retour en tribu avec un projet agricole ou coutumier (hors dénominateur des taux).' },
	{ key: 'taux_sorties_dynamiques', label: 'Taux de sorties dynamiques', group: 'Taux', kind: 'rate', source: 'parcours', column: 'taux_sorties_dynamiques',
		numerator: { column: 'sorties_dynamiques', label: 'sorties dynamiques' }, denominator: SORTIES_RETENUES,
		definition: 'Sorties dynamiques ÷ sorties retenues (hors neutralisées et projets de vie).' },
	{ key: 'taux_emploi_durable', label: 'Taux d’emploi durable', group: 'Taux', kind: 'rate', source: 'parcours', column: 'taux_emploi_durable',
		numerator: { column: 'sorties_emploi_durable', label: 'sorties en emploi durable' }, denominator: SORTIES_RETENUES,
		definition: 'Sorties en emploi durable ÷ sorties retenues (hors neutralisées et projets de vie).' },
	{ key: 'taux_couverture_1000', label: 'Taux de couverture (‰ habitants)', group: 'Taux', kind: 'per_thousand', source: 'parcours', column: 'taux_couverture_1000',
		numerator: { column: 'file_active', label: 'personnes en file active' }, denominator: { column: 'population', label: 'habitants (2025)' },
		definition: 'File active pour 1 000 habitants (population municipale 2025).' },
	{ key: 'delai_entree_median_jours', label: 'Délai d’entrée médian', group: 'Délais et durées', kind: 'days', source: 'parcours', column: 'delai_entree_median_jours',
		denominator: { column: 'delai_entree_n', label: 'entrées mesurées' },
		definition: 'Médiane du nombre de jours entre le premier contact et l’entrée, sur les entrées de la période.' },
	{ key: 'delai_entree_p90_jours', label: 'Délai d’entrée (9e décile)', group: 'Délais et durées', kind: 'days', source: 'parcours', column: 'delai_entree_p90_jours',
		denominator: { column: 'delai_entree_n', label: 'entrées mesurées' },
		definition: '90 % des entrées de la période ont lieu en moins de ce nombre de jours après le premier contact.' },
	{ key: 'duree_accompagnement_mediane_jours', label: 'Durée médiane d’accompagnement', group: 'Délais et durées', kind: 'days', source: 'parcours', column: 'duree_accompagnement_mediane_jours',
		denominator: { column: 'duree_n', label: 'sorties' },
		definition: 'Médiane du nombre de jours entre l’entrée et la sortie, sur les sorties de la période.' },
	{ key: 'duree_accompagnement_moyenne_jours', label: 'Durée moyenne d’accompagnement', group: 'Délais et durées', kind: 'days', source: 'parcours', column: 'duree_accompagnement_moyenne_jours',
		denominator: { column: 'duree_n', label: 'sorties' },
		definition: 'Moyenne du nombre de jours entre l’entrée et la sortie, sur les sorties de la période.' },
	// Plan de ré-acquisition des compétences essentielles (loader: panels/competences-map.ts)] = [
	{ key: 'ce_reperage', label: 'Compétences essentielles : personnes repérées', group: 'Compétences essentielles', kind: 'count', source: 'competences', column: 'reperage',
		definition: 'Personnes avec un frein savoirs de base, maîtrise de la langue ou numérique relevé, une entrée dans le dispositif compétences essentielles ou un positionnement dans la période.' },
	{ key: 'ce_positionnement', label: 'Compétences essentielles : personnes positionnées', group: 'Compétences essentielles', kind: 'count', source: 'competences', column: 'positionnement',
		definition: 'Personnes ayant une évaluation initiale dans la période (tous référentiels).' },
	{ key: 'ce_formation', label: 'Compétences essentielles : personnes en formation', group: 'Compétences essentielles', kind: 'count', source: 'competences', column: 'formation',
		definition: 'Personnes entrées dans la période dans une action savoirs de base.' },
	{ key: 'ce_evaluation_finale', label: 'Compétences essentielles : évaluations finales', group: 'Compétences essentielles', kind: 'count', source: 'competences', column: 'evaluation_finale',
		definition: 'Personnes ayant une évaluation finale dans la période.' },
	{ key: 'ce_taux_progression', label: 'Compétences essentielles : part en progression', group: 'Compétences essentielles', kind: 'rate', source: 'competences', column: 'taux_progression',
		numerator: { column: 'personnes_progression', label: 'personnes en progression' },
		denominator: { column: 'personnes_appariees', label: 'personnes évaluées au début et à la fin' },
		definition: 'Personnes ayant gagné au moins un niveau dans au moins un domaine ÷ personnes ayant une évaluation initiale et finale dans la période.' }
];

/** The indicator shown when none (or an unknown one) is asked for. */
export const DEFAULT_INDICATOR = 'taux_sorties_dynamiques';

/** The registry entry of `key`, or the default one. */
export function mapIndicator(key: string | null | undefined): MapIndicator {
	return MAP_INDICATORS.find((i) => i.key === key) ?? (MAP_INDICATORS.find((i) => i.key === DEFAULT_INDICATOR) as MapIndicator);
}

/** Reads a column of a row after secrecy as a Cell (anything else → null). */
function cellOf(row: Record<string, unknown> | null | undefined, column: string): Cell {
	const v = row?.[column];
	if (isMasked(v)) return v;
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The value, numerator and denominator of `indicator` in one masked row. */
export function indicatorCells(
	row: Record<string, unknown> | null | undefined,
	indicator: MapIndicator
): { value: Cell; numerator: Cell | undefined; denominator: Cell | undefined } {
	return {
		value: cellOf(row, indicator.column),
		numerator: indicator.numerator ? cellOf(row, indicator.numerator.column) : undefined,
		denominator: indicator.denominator ? cellOf(row, indicator.denominator.column) : undefined
	};
}

const oneDecimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOne = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const upToTwo = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const plain = (n: number, f: Intl.NumberFormat) => f.format(n).replace(/[\u202f\u00a0\s]/g, '');

/** How each kind reads, converts and differs. */
interface KindSpec {
	format: (c: Cell | undefined) => string;
	/** A class bound (legend): counts may be fractional with equal intervals. */
	bound: (n: number) => string;
	/** Value → displayed unit (× 100 for a rate shown in %). */
	scale: number;
	/** Unit after a displayed number, for headers and inputs. */
	unit: string;
	/** A difference between two periods (B − A, in data units). */
	difference: (delta: number) => string;
}

const sign = (d: number) => (d > 0 ? '+' : d < 0 ? '−' : '±');

export const KINDS: Record<IndicatorKind, KindSpec> = {
	count: {
		format: formatInteger,
		bound: (n) => (Number.isInteger(n) ? formatInteger(n) : upToOne.format(n)),
		scale: 1,
		unit: '',
		difference: (d) => `${sign(d)}${upToOne.format(Math.abs(d))}`
	},
	rate: {
		format: formatPercent,
		bound: (n) => formatPercent(n),
		scale: 100,
		unit: '%',
		difference: (d) => `${sign(d)}${oneDecimal.format(Math.abs(d * 100))}\u202fpt${Math.abs(d * 100) >= 2 ? 's' : ''}`
	},
	per_thousand: {
		format: formatPerThousand,
		bound: (n) => formatPerThousand(n),
		scale: 1,
		unit: '‰',
		difference: (d) => `${sign(d)}${oneDecimal.format(Math.abs(d))}\u202f‰`
	},
	days: {
		format: formatDays,
		bound: (n) => formatDays(n),
		scale: 1,
		unit: 'j',
		difference: (d) => `${sign(d)}${upToOne.format(Math.abs(d))}\u202fj`
	}
};

/** A value for a person: « 12,5 % », « s », « – ». */
export function formatIndicator(indicator: MapIndicator, cell: Cell | undefined): string {
	return KINDS[indicator.kind].format(cell);
}

/** A number for a CSV cell read by a French spreadsheet: no thousands separator, decimal comma, « s » when masked. */
export function csvValue(indicator: MapIndicator | null, cell: Cell | undefined): string {
	if (isMasked(cell)) return SECRET_TEXT;
	if (cell === null || cell === undefined || !Number.isFinite(cell)) return '';
	const scaled = indicator ? cell * KINDS[indicator.kind].scale : cell;
	return plain(scaled, upToTwo);
}

/** Column header with its unit: « Taux d’emploi durable (%) » (the ‰ label already says it). */
export function labelWithUnit(indicator: MapIndicator): string {
	if (indicator.kind === 'rate') return `${indicator.label} (%)`;
	if (indicator.kind === 'days') return `${indicator.label} (jours)`;
	return indicator.label;
}

/** Manual bounds typed in displayed units (« 20 ; 40 » for a rate) → data units. */
export function parseDisplayedBounds(indicator: MapIndicator, text: string): string[] {
	const scale = KINDS[indicator.kind].scale;
	return text
		.split(/[;\s]+/)
		.map((s) => s.trim())
		.filter((s) => s !== '')
		.map((s) => {
			const n = Number(s.replace(',', '.'));
			return Number.isFinite(n) ? String(n / scale) : s;
		});
}

/** Data-unit bounds → the text a user would type (« 20 ; 40 »). */
export function displayedBounds(indicator: MapIndicator, breaks: readonly number[]): string {
	const scale = KINDS[indicator.kind].scale;
	return breaks.map((b) => plain(b * scale, upToTwo)).join(' ; ');
}

export { EMPTY_TEXT, SECRET_TEXT };
