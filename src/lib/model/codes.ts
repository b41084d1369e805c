/**
 * Code lists of the canonical model (domain.md §3). Editable reference lists
 * (communes, sectors, exit motifs) live in `data/`; these are the fixed ones
 * the indicator formulas depend on.
 */

export const SEXES = ['F', 'M', 'NR'] as const;
export const LIEUX_VIE = ['village', 'tribu', 'sans_domicile', 'autre'] as const;
export const NIVEAUX_DIPLOME = ['aucun', 'cep_bepc', 'cap_bep', 'bac', 'superieur'] as const;
export const SITUATIONS_ENTREE = ['demandeur_emploi', 'inactif', 'emploi_precaire', 'scolaire', 'autre'] as const;
export const STRUCTURES = ['DEFIJ_PN', 'CCAS_MONT_DORE', 'DEL_PS'] as const;
export const DISPOSITIFS = [
	'accueil_information',
	'accompagnement_court',
	'accompagnement_long',
	'jeunes',
	'errance',
	'logement',
	'competences_essentielles'
] as const;
export const TYPES_EVENEMENT = [
	'accueil_physique',
	'accueil_telephonique',
	'accueil_numerique',
	'entretien_individuel',
	'entretien_collectif',
	'information_collective',
	'diagnostic',
	'bilan',
	'orientation',
	'prescription_action',
	'mise_en_relation_employeur',
	'reorientation'
] as const;
/** Event types that make a person part of the file active (domain.md §4). */
export const TYPES_FILE_ACTIVE = [
	'entretien_individuel',
	'entretien_collectif',
	'information_collective',
	'diagnostic',
	'bilan'
] as const;
export const STATUTS_EVENEMENT = ['realise', 'absent', 'annule'] as const;
export const MOMENTS_FREIN = ['entree', 'bilan', 'sortie'] as const;
export const FREINS = [
	'mobilite',
	'contraintes_familiales',
	'sante',
	'maitrise_langue',
	'logement',
	'difficultes_financieres',
	'difficultes_administratives',
	'savoirs_de_base',
	'numerique',
	'justice',
	'addictions',
	'isolement_social',
	'handicap',
	'eloignement_bassin_emploi'
] as const;
/** Sensitive barriers: shown only in aggregates, never per commune. */
export const FREINS_SENSIBLES = ['sante', 'justice', 'addictions'] as const;
export const STATUTS_FREIN = ['identifie', 'en_cours', 'leve'] as const;
/** Barriers that mark a person for the competences plan's repérage (none is sensitive). */
export const FREINS_COMPETENCES = ['savoirs_de_base', 'maitrise_langue', 'numerique'] as const;
/** The dispositif of the plan de ré-acquisition des compétences essentielles. */
export const DISPOSITIF_COMPETENCES = 'competences_essentielles';
/** Type of the actions that are the plan's training. */
export const TYPE_ACTION_COMPETENCES = 'savoirs_de_base';
export const TYPES_ACTION = [
	'remobilisation',
	'savoirs_de_base',
	'prequalifiante',
	'qualifiante',
	'certifiante',
	'chantier_insertion',
	'permis'
] as const;
export const PROCEDURES = ['appel_offres', 'convention', 'subvention'] as const;
export const STATUTS_FIN = ['termine', 'abandon', 'exclusion', 'reorientation', 'en_cours'] as const;
export const MOMENTS_EVALUATION = ['initial', 'intermediaire', 'final'] as const;
export const PUBLICS = ['scolaire', 'insertion'] as const;
export const REFERENTIELS = ['CCE', 'ANLCI', 'CLEA', 'CECRL', 'interne'] as const;
export const NIVEAUX_TERRITOIRE = ['province', 'eth', 'commune'] as const;
export const SITUATIONS_6_MOIS = ['emploi', 'formation', 'sans_solution', 'injoignable'] as const;

/** Exit categories (domain.md §3); the last two are out of the rates' denominator. */
export const CATEGORIES_SORTIE = [
	'emploi_durable',
	'emploi_transition',
	'sortie_positive',
	'autre_sortie',
	'neutralisee',
	'projet_de_vie'
] as const;
export const CATEGORIES_DYNAMIQUES = ['emploi_durable', 'emploi_transition', 'sortie_positive'] as const;
export const CATEGORIES_HORS_DENOMINATEUR = ['neutralisee', 'projet_de_vie'] as const;

/** Age bands used by the filter bar; computed at the parcours' entry year. */
export const TRANCHES_AGE = [
	{ code: 'moins_26', label: 'Moins de 26 ans', min: 0, max: 25 },
	{ code: '26_29', label: '26 à 29 ans', min: 26, max: 29 },
	{ code: '30_44', label: '30 à 44 ans', min: 30, max: 44 },
	{ code: '45_plus', label: '45 ans et plus', min: 45, max: 200 }
] as const;
