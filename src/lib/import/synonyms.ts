/**
 * Header synonyms seen in case-management exports, per canonical column, in
 * normalised form (lower case, no accents, `_` for anything else — see
 * `normaliseHeader`). The canonical name itself always matches.
 */
export const COLUMN_SYNONYMS: Record<string, Record<string, string[]>> = {
	personnes: {
		id_personne: ['identifiant', 'id', 'identifiant_personne', 'id_beneficiaire', 'identifiant_beneficiaire', 'code_personne', 'num_personne', 'numero_personne', 'n_personne', 'id_usager', 'beneficiaire', 'matricule'],
		sexe: ['genre', 'sexe_f_m', 'sexe_h_f', 'h_f'],
		annee_naissance: ['annee_de_naissance', 'ne_en', 'annee_naiss', 'naissance_annee'],
		tranche_age: ['tranche_d_age', 'classe_d_age', 'age_tranche'],
		commune_residence: ['commune', 'commune_de_residence', 'residence', 'lieu_de_residence', 'commune_domicile', 'code_commune', 'code_insee', 'commune_residence_insee', 'cp', 'code_postal'],
		lieu_vie: ['lieu_de_vie', 'type_de_lieu_de_vie', 'habitat', 'type_habitat'],
		niveau_diplome: ['diplome', 'niveau_de_diplome', 'niveau_d_etudes', 'niveau_scolaire', 'niveau_formation', 'dernier_diplome'],
		situation_entree: ['situation_a_l_entree', 'situation_entree_dispositif', 'statut_a_l_entree', 'situation'],
		handicap: ['rqth', 'travailleur_handicape', 'situation_de_handicap', 'personne_handicapee']
	},
	parcours: {
		id_parcours: ['identifiant_parcours', 'num_parcours', 'numero_parcours', 'id_dossier', 'dossier', 'num_dossier', 'numero_dossier', 'n_dossier', 'id_accompagnement'],
		id_personne: ['identifiant_personne', 'id_beneficiaire', 'identifiant_beneficiaire', 'code_personne', 'num_personne', 'id_usager', 'beneficiaire', 'personne'],
		structure: ['service', 'organisme_suivi', 'structure_de_suivi'],
		dispositif: ['type_accompagnement', 'type_d_accompagnement', 'programme', 'mesure', 'type_de_parcours', 'action_d_accompagnement'],
		commune_suivi: ['lieu_de_suivi', 'commune_de_suivi', 'antenne', 'permanence'],
		id_conseiller: ['conseiller', 'referent', 'id_referent', 'conseiller_referent', 'code_conseiller'],
		date_premier_contact: ['premier_contact', 'date_de_premier_contact', 'date_1er_contact', 'date_du_premier_contact', 'date_accueil', 'date_d_accueil'],
		date_entree: ['date_d_entree', 'entree', 'date_entree_dispositif', 'date_debut', 'date_de_debut', 'debut', 'debut_accompagnement', 'date_debut_accompagnement'],
		date_sortie: ['date_de_sortie', 'sortie', 'date_fin', 'date_de_fin', 'fin', 'fin_accompagnement', 'date_fin_accompagnement'],
		motif_sortie: ['motif_de_sortie', 'motif', 'raison_sortie', 'motif_fin'],
		categorie_sortie: ['categorie_de_sortie', 'type_de_sortie', 'type_sortie'],
		secteur_sortie: ['secteur_de_sortie', 'secteur_emploi', 'secteur_d_activite_sortie'],
		projet_secteur: ['projet_professionnel', 'secteur_projet', 'secteur_du_projet', 'projet', 'secteur_vise'],
		situation_6_mois: ['situation_a_6_mois', 'situation_6m', 'suivi_6_mois']
	},
	evenements: {
		id_evenement: ['identifiant', 'id', 'id_rdv', 'num_evenement', 'identifiant_evenement', 'id_rendez_vous'],
		id_parcours: ['identifiant_parcours', 'num_parcours', 'id_dossier', 'dossier', 'num_dossier', 'numero_dossier', 'n_dossier', 'no_dossier'],
		date: ['date_evenement', 'date_rdv', 'date_du_rdv', 'date_rendez_vous', 'jour'],
		type: ['type_evenement', 'nature', 'type_rdv', 'type_de_rendez_vous', 'type_d_evenement'],
		statut: ['presence', 'statut_rdv', 'etat', 'realise'],
		duree_min: ['duree', 'duree_minutes', 'duree_en_minutes', 'duree_mn'],
		id_action: ['action', 'identifiant_action', 'code_action']
	},
	freins: {
		id_parcours: ['identifiant_parcours', 'num_parcours', 'id_dossier', 'dossier', 'num_dossier', 'numero_dossier', 'n_dossier', 'no_dossier'],
		date: ['date_diagnostic', 'date_du_diagnostic', 'date_frein'],
		moment: ['etape', 'moment_du_diagnostic', 'phase'],
		frein: ['frein_a_l_emploi', 'type_de_frein', 'type_frein', 'difficulte', 'probleme'],
		statut: ['etat', 'statut_frein', 'situation_du_frein']
	},
	actions: {
		id_action: ['identifiant', 'id', 'code_action', 'identifiant_action', 'num_action', 'reference'],
		annee: ['exercice', 'annee_budgetaire', 'millesime'],
		intitule: ['libelle', 'titre', 'nom_action', 'intitule_action'],
		type_action: ['type', 'type_d_action', 'nature_action', 'categorie_action'],
		secteur: ['secteur_d_activite', 'domaine', 'filiere'],
		organisme: ['prestataire', 'organisme_de_formation', 'operateur', 'titulaire'],
		financeur: ['financement', 'payeur'],
		procedure: ['mode_de_passation', 'type_de_procedure', 'passation'],
		commune_lieu: ['lieu', 'commune', 'lieu_de_formation', 'commune_de_realisation'],
		date_debut: ['debut', 'date_de_debut'],
		date_fin: ['fin', 'date_de_fin'],
		heures: ['nb_heures', 'nombre_d_heures', 'duree_heures', 'volume_horaire', 'duree'],
		places_prevues: ['places', 'nb_places', 'nombre_de_places', 'capacite'],
		cout_prevu_xpf: ['cout_prevu', 'montant_prevu', 'budget', 'budget_prevu', 'montant_previsionnel'],
		cout_realise_xpf: ['cout_realise', 'montant_realise', 'depense', 'cout_reel']
	},
	inscriptions: {
		id_inscription: ['identifiant', 'id', 'num_inscription', 'identifiant_inscription'],
		id_action: ['action', 'code_action', 'identifiant_action'],
		id_personne: ['identifiant_personne', 'id_beneficiaire', 'beneficiaire', 'stagiaire', 'id_stagiaire'],
		date_entree: ['date_d_entree', 'entree', 'date_debut'],
		date_sortie: ['date_de_sortie', 'sortie', 'date_fin'],
		statut_fin: ['statut', 'issue', 'resultat', 'motif_fin'],
		heures_realisees: ['heures', 'nb_heures', 'heures_suivies', 'assiduite_heures'],
		certification_obtenue: ['certification', 'diplome_obtenu', 'certifie', 'obtention']
	},
	evaluations: {
		id_evaluation: ['identifiant', 'id', 'num_evaluation'],
		id_personne: ['identifiant_personne', 'id_beneficiaire', 'beneficiaire', 'eleve', 'stagiaire'],
		id_action: ['action', 'code_action'],
		date: ['date_evaluation', 'date_de_l_evaluation', 'date_test', 'date_positionnement'],
		moment: ['type_evaluation', 'temps', 'etape'],
		public: ['type_de_public', 'publics'],
		referentiel: ['cadre', 'cadre_de_reference', 'referentiel_utilise'],
		domaine: ['competence', 'domaine_de_competence'],
		niveau: ['niveau_atteint', 'degre', 'score_niveau'],
		commune: ['lieu', 'commune_evaluation', 'lieu_d_evaluation']
	},
	objectifs: {
		annee: ['exercice'],
		niveau_territoire: ['niveau', 'echelon'],
		code_territoire: ['territoire', 'code'],
		indicateur: ['indicateurs', 'mesure'],
		cible: ['objectif', 'valeur_cible', 'cible_annuelle']
	}
};

/**
 * Headers of columns that identify a person directly: never loaded.
 * (Full dates of birth are not here: they are reduced to the year.)
 */
export const PERSONAL_HEADERS = [
	'nom', 'prenom', 'prenoms', 'nom_prenom', 'prenom_nom', 'nom_usage', 'nom_d_usage', 'nom_de_naissance', 'nom_de_jeune_fille',
	'nom_complet', 'adresse', 'adresse_postale', 'rue', 'voie', 'complement_adresse', 'lieu_dit', 'telephone', 'tel', 'portable',
	'mobile', 'fixe', 'num_tel', 'numero_de_telephone', 'courriel', 'email', 'e_mail', 'mail', 'adresse_mail', 'cafat', 'num_cafat',
	'numero_cafat', 'n_cafat', 'no_cafat', 'numero_securite_sociale', 'securite_sociale', 'nss', 'nir', 'num_secu', 'n_secu',
	'commentaire', 'commentaires', 'observation', 'observations', 'notes', 'note', 'remarque', 'remarques', 'texte_libre', 'lieu_de_naissance'
];

/** Headers of a full date of birth: read, kept as the year only (`annee_naissance`). */
export const BIRTH_DATE_HEADERS = ['date_naissance', 'date_de_naissance', 'ne_le', 'nee_le', 'ddn'];

/** Value synonyms, per `table.colonne`: normalised value (`code_key`) → code. */
export const VALUE_SYNONYMS: Record<string, Record<string, string>> = {
	'personnes.sexe': { femme: 'F', feminin: 'F', f: 'F', homme: 'M', masculin: 'M', h: 'M', m: 'M', non_renseigne: 'NR', nr: 'NR', inconnu: 'NR', autre: 'NR' },
	'personnes.lieu_vie': { sdf: 'sans_domicile', sans_abri: 'sans_domicile', sans_domicile_fixe: 'sans_domicile', ville: 'village' },
	'personnes.niveau_diplome': { sans_diplome: 'aucun', aucun_diplome: 'aucun', cep: 'cep_bepc', bepc: 'cep_bepc', brevet: 'cep_bepc', dnb: 'cep_bepc', cap: 'cap_bep', bep: 'cap_bep', baccalaureat: 'bac', bac_pro: 'bac', bts: 'superieur', licence: 'superieur', master: 'superieur' },
	'evenements.statut': { present: 'realise', oui: 'realise', fait: 'realise', honore: 'realise', absent: 'absent', non_honore: 'absent', non: 'absent', annule: 'annule', reporte: 'annule' },
	'freins.statut': { leve: 'leve', resolu: 'leve', en_cours: 'en_cours', identifie: 'identifie', repere: 'identifie' },
	'freins.moment': { initial: 'entree', diagnostic: 'entree', entree: 'entree', intermediaire: 'bilan', bilan: 'bilan', final: 'sortie', sortie: 'sortie' },
	'evaluations.moment': { initiale: 'initial', positionnement: 'initial', intermediaire: 'intermediaire', finale: 'final', evaluation_finale: 'final' },
	'evaluations.public': { eleve: 'scolaire', eleves: 'scolaire', adulte: 'insertion', adultes: 'insertion' },
	'evaluations.referentiel': { cle_a: 'CLEA', clea: 'CLEA', cce: 'CCE', anlci: 'ANLCI', cecrl: 'CECRL', interne: 'interne' },
	'inscriptions.statut_fin': { termine: 'termine', fini: 'termine', abandon: 'abandon', exclu: 'exclusion', exclusion: 'exclusion', reorientation: 'reorientation', reoriente: 'reorientation', en_cours: 'en_cours' }
};

/** The value synonyms of one table, by column. */
export function valueSynonymsOf(table: string): Record<string, Record<string, string>> {
	const out: Record<string, Record<string, string>> = {};
	for (const [key, map] of Object.entries(VALUE_SYNONYMS)) {
		const [t, column] = key.split('.');
		if (t === table) out[column] = map;
	}
	return out;
}
