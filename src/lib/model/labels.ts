/** French labels of the code lists, for everything users read. */

export const STRUCTURE_LABELS: Record<string, string> = {
	DEFIJ_PN: 'DEFIJ – Province Nord',
	CCAS_MONT_DORE: 'CCAS du Mont-Dore',
	DEL_PS: 'DEL – Province Sud'
};

export const DISPOSITIF_LABELS: Record<string, string> = {
	accueil_information: 'Accueil – information',
	accompagnement_court: 'Accompagnement court',
	accompagnement_long: 'Accompagnement long',
	jeunes: 'Jeunes',
	errance: 'Personnes en errance',
	logement: 'Logement',
	competences_essentielles: 'Compétences essentielles'
};

export const SEXE_LABELS: Record<string, string> = { F: 'Femmes', M: 'Hommes', NR: 'Non renseigné' };

export const CATEGORIE_LABELS: Record<string, string> = {
	emploi_durable: 'Emploi durable',
	emploi_transition: 'Emploi de transition',
	sortie_positive: 'Sortie positive (formation…)',
	autre_sortie: 'Autre sortie',
	neutralisee: 'Sortie neutralisée',
	projet_de_vie: 'Projet de vie (retour en tribu)',
	non_categorisee: 'Catégorie inconnue'
};

export const LIEU_VIE_LABELS: Record<string, string> = {
	village: 'Village',
	tribu: 'Tribu',
	sans_domicile: 'Sans domicile',
	autre: 'Autre'
};

export const DIPLOME_LABELS: Record<string, string> = {
	aucun: 'Aucun diplôme',
	cep_bepc: 'CEP / BEPC',
	cap_bep: 'CAP / BEP',
	bac: 'Baccalauréat',
	superieur: 'Supérieur'
};

export const TYPE_ACTION_LABELS: Record<string, string> = {
	remobilisation: 'Remobilisation',
	savoirs_de_base: 'Savoirs de base',
	prequalifiante: 'Préqualifiante',
	qualifiante: 'Qualifiante',
	certifiante: 'Certifiante',
	chantier_insertion: 'Chantier d’insertion',
	permis: 'Permis de conduire'
};

export const FREIN_LABELS: Record<string, string> = {
	mobilite: 'Mobilité',
	contraintes_familiales: 'Contraintes familiales',
	sante: 'Santé',
	maitrise_langue: 'Maîtrise de la langue',
	logement: 'Logement',
	difficultes_financieres: 'Difficultés financières',
	difficultes_administratives: 'Difficultés administratives',
	savoirs_de_base: 'Savoirs de base',
	numerique: 'Numérique',
	justice: 'Justice',
	addictions: 'Addictions',
	isolement_social: 'Isolement social',
	handicap: 'Handicap',
	eloignement_bassin_emploi: 'Éloignement du bassin d’emploi'
};

export const PUBLIC_LABELS: Record<string, string> = { scolaire: 'Public scolaire', insertion: 'Public en insertion' };

export const REFERENTIEL_LABELS: Record<string, string> = {
	CCE: 'CCE',
	ANLCI: 'ANLCI',
	CLEA: 'CléA',
	CECRL: 'CECRL',
	interne: 'Grille interne'
};

export const DOMAINE_LABELS: Record<string, string> = {
	lire: 'Lire',
	ecrire: 'Écrire',
	oral: 'Oral',
	calcul: 'Calcul',
	numerique: 'Numérique',
	espace_temps: 'Espace et temps'
};

const CECRL_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/** A level of a referential as users name it: « degré 2 » (ANLCI), « A2 » (CECRL), « niveau 3 ». */
export function levelLabel(referentiel: string | null | undefined, niveau: number): string {
	if (referentiel === 'ANLCI') return `degré ${niveau}`;
	if (referentiel === 'CECRL') return CECRL_LEVELS[niveau - 1] ?? `niveau ${niveau}`;
	return `niveau ${niveau}`;
}

/** Label of a code, or the code itself when unknown. */
export function labelOf(labels: Record<string, string>, code: string | null | undefined): string {
	if (code === null || code === undefined || code === '') return 'Non renseigné';
	return labels[code] ?? code;
}
