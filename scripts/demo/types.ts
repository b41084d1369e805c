/** In-memory model of the demo dataset, before it is written as canonical CSV. */
import type { Commune } from './reference';

export type Structure = 'DEFIJ_PN' | 'CCAS_MONT_DORE' | 'DEL_PS';

export interface Person {
	/** Pseudonymous identifier, assigned once everything is generated (by first contact). */
	id: string;
	sexe: 'F' | 'M' | 'NR';
	birthYear: number;
	commune: Commune;
	lieuVie: string;
	diplome: string;
	situation: string;
	handicap: boolean;
	/** School pupil of the illiteracy plan (no parcours). */
	pupil: boolean;
	/** Day of first contact, used to number people in order of arrival. */
	firstDay: number;
	pathways: Pathway[];
}

export interface PathwayExit {
	motif: string;
	categorie: string;
	/** Whether the export carries categorie_sortie (otherwise it is derived on import). */
	categorieFilled: boolean;
	secteur: string | null;
	situation6: string | null;
}

export interface Pathway {
	id: string;
	person: Person;
	structure: Structure;
	dispositif: string;
	communeSuivi: string;
	conseiller: string;
	contactDay: number;
	entryDay: number;
	/** Exit planned by the model; may lie after the end of the period. */
	plannedExit: number;
	/** Latest possible exit (before the person's next parcours). */
	limitDay: number;
	/** Actual exit day, or null when still open at the end date. */
	exitDay: number | null;
	projetSecteur: string | null;
	freins: string[];
	enrolments: Enrolment[];
	exit: PathwayExit | null;
}

export interface Action {
	id: string;
	annee: number;
	intitule: string;
	type: string;
	secteur: string;
	organisme: string;
	financeur: string;
	procedure: string;
	commune: Commune;
	debut: number;
	fin: number;
	heures: number;
	places: number;
	coutPrevu: number;
	coutRealise: number | null;
}

export interface Enrolment {
	id: string;
	action: Action;
	person: Person;
	pathway: Pathway;
	entryDay: number;
	exitDay: number | null;
	statut: string;
	heures: number | null;
	certification: boolean | null;
}

export interface Evaluation {
	person: Person;
	action: Action | null;
	day: number;
	moment: 'initial' | 'intermediaire' | 'final';
	public: 'scolaire' | 'insertion';
	referentiel: string;
	domaine: string;
	niveau: number;
	commune: string;
}
