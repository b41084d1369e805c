/** The overview's KPI tiles: what each shows, how it is formatted, what its hover says. */
import type { MaskedIndicators } from '$lib/panels/overview';
import { formatDays, formatInteger, formatPercent, formatPerThousand } from '$lib/format/number';
import type { Cell } from '$lib/secrecy/policy';

export type ChangeKind = 'relative' | 'points' | 'days';

export interface KpiDefinition {
	key: string;
	label: string;
	format: (c: Cell | undefined) => string;
	change: ChangeKind;
	/** +1 when a rise is good news, −1 when bad, 0 when neutral. */
	direction: 1 | -1 | 0;
	detail: (r: MaskedIndicators) => string;
}

const n = (c: Cell) => formatInteger(c);

export const KPIS: KpiDefinition[] = [
	{
		key: 'file_active',
		label: 'File active',
		format: formatInteger,
		change: 'relative',
		direction: 0,
		detail: () => 'Personnes distinctes ayant eu au moins un entretien, diagnostic, bilan ou information collective réalisé dans la période.'
	},
	{
		key: 'nouveaux_accueillis',
		label: 'Nouveaux accueillis',
		format: formatInteger,
		change: 'relative',
		direction: 0,
		detail: () => 'Personnes dont le premier contact (tous parcours confondus) tombe dans la période.'
	},
	{
		key: 'sorties',
		label: 'Sorties',
		format: formatInteger,
		change: 'relative',
		direction: 0,
		detail: (r) => `Parcours terminés dans la période, dont ${n(r.sorties_neutralisees)} neutralisées et ${n(r.sorties_projet_de_vie)} projets de vie (hors taux).`
	},
	{
		key: 'taux_sorties_dynamiques',
		label: 'Taux de sorties dynamiques',
		format: formatPercent,
		change: 'points',
		direction: 1,
		detail: (r) => `${n(r.sorties_dynamiques)} sorties dynamiques (emploi durable, de transition, sortie positive) / ${n(r.sorties_retenues)} sorties retenues (hors neutralisées et projets de vie).`
	},
	{
		key: 'taux_emploi_durable',
		label: 'Taux d’emploi durable',
		format: formatPercent,
		change: 'points',
		direction: 1,
		detail: (r) => `${n(r.sorties_emploi_durable)} sorties en emploi durable / ${n(r.sorties_retenues)} sorties retenues.`
	},
	{
		key: 'delai_entree_median_jours',
		label: 'Délai d’entrée médian',
		format: formatDays,
		change: 'days',
		direction: -1,
		detail: (r) => `Du premier contact à l’entrée, sur ${n(r.delai_entree_n)} entrées de la période ; 90 % des entrées en moins de ${formatDays(r.delai_entree_p90_jours)}.`
	},
	{
		key: 'duree_accompagnement_mediane_jours',
		label: 'Durée médiane d’accompagnement',
		format: formatDays,
		change: 'days',
		direction: 0,
		detail: (r) => `De l’entrée à la sortie, sur ${n(r.duree_n)} sorties ; moyenne ${formatDays(r.duree_accompagnement_moyenne_jours)}.`
	},
	{
		key: 'taux_couverture_1000',
		label: 'Taux de couverture',
		format: formatPerThousand,
		change: 'points',
		direction: 0,
		detail: (r) => `File active pour 1 000 habitants (population municipale 2025 : ${n(r.population)} hab.).`
	}
];
