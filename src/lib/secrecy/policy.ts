/**
 * Statistical secrecy (domain.md §5): the policy, read from `data/secret.json`
 * (editable), and the marker a masked value carries.
 */
import defaults from '../../../data/secret.json';

export interface SecrecyPolicy {
	/** Smallest publishable count of people; 1 … effectif_min − 1 become « s ». */
	effectif_min: number;
	/** A rate (or statistic) over fewer than this many is not shown. */
	denominateur_min: number;
	/** Hide one more cell when a hidden one could be recomputed from a total. */
	secret_secondaire: boolean;
	/** The mention shown wherever the policy applies. */
	libelle: string;
}

/** The shipped default policy. */
export const DEFAULT_POLICY: SecrecyPolicy = {
	effectif_min: defaults.effectif_min,
	denominateur_min: defaults.denominateur_min,
	secret_secondaire: defaults.secret_secondaire,
	libelle: defaults.libelle
};

/** Why a value is hidden. */
export type SecretReason = 'effectif' | 'secondaire' | 'denominateur';

/** A masked value: what components, exports and slides get instead of the number. */
export interface Masked {
	secret: SecretReason;
}

/** A value after secrecy: a number, nothing, or masked. */
export type Cell = number | null | Masked;

/** True when a cell is masked. */
export function isMasked(cell: unknown): cell is Masked {
	return typeof cell === 'object' && cell !== null && 'secret' in cell;
}

/** French explanation of a masked value, for tooltips. */
export function secretExplanation(reason: SecretReason, policy: SecrecyPolicy = DEFAULT_POLICY): string {
	switch (reason) {
		case 'effectif':
			return `Secret statistique : effectif compris entre 1 et ${policy.effectif_min - 1} personnes, non diffusé.`;
		case 'secondaire':
			return 'Secret statistique (secondaire) : valeur masquée pour qu’une valeur secrète ne puisse pas être recalculée à partir du total.';
		case 'denominateur':
			return `Non diffusé : calculé sur moins de ${policy.denominateur_min} personnes.`;
	}
}
