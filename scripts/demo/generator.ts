/**
 * Deterministic demo dataset: the same options give byte-identical canonical
 * CSV files (domain.md §3), whatever the machine or the current date.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv, type CsvValue } from '../lib/csv';
import { enrol, generateActions } from './actions';
import { generateEvaluations } from './evaluations';
import { generateEvents } from './events';
import { freinRows } from './freins';
import { objectiveRows } from './objectives';
import { decideExits } from './outcomes';
import { generatePeople } from './people';
import { Random } from './random';
import { isoOf, loadReference } from './reference';

/** Bump whenever the generated files change, so `--if-missing` regenerates them. */
export const DEMO_GENERATOR_VERSION = '2';
export const DEFAULT_PERSONNES = 15_000;
export const DEFAULT_SEED = 20261122;
/** Share of personnes who are school pupils assessed by the illiteracy plan (no parcours). */
const PUPIL_SHARE = 0.02;

/** Canonical columns of each demo file, in order (domain.md §3). */
export const DEMO_COLUMNS = {
	'personnes.csv': ['id_personne', 'sexe', 'annee_naissance', 'tranche_age', 'commune_residence', 'lieu_vie', 'niveau_diplome', 'situation_entree', 'handicap'],
	'parcours.csv': [
		'id_parcours', 'id_personne', 'structure', 'dispositif', 'commune_suivi', 'id_conseiller', 'date_premier_contact', 'date_entree',
		'date_sortie', 'motif_sortie', 'categorie_sortie', 'secteur_sortie', 'projet_secteur', 'situation_6_mois'
	],
	'evenements.csv': ['id_evenement', 'id_parcours', 'date', 'type', 'statut', 'duree_min', 'id_action'],
	'freins.csv': ['id_parcours', 'date', 'moment', 'frein', 'statut'],
	'actions.csv': [
		'id_action', 'annee', 'intitule', 'type_action', 'secteur', 'organisme', 'financeur', 'procedure', 'commune_lieu', 'date_debut',
		'date_fin', 'heures', 'places_prevues', 'cout_prevu_xpf', 'cout_realise_xpf'
	],
	'inscriptions.csv': ['id_inscription', 'id_action', 'id_personne', 'date_entree', 'date_sortie', 'statut_fin', 'heures_realisees', 'certification_obtenue'],
	'evaluations.csv': ['id_evaluation', 'id_personne', 'id_action', 'date', 'moment', 'public', 'referentiel', 'domaine', 'niveau', 'commune'],
	'objectifs.csv': ['annee', 'niveau_territoire', 'code_territoire', 'indicateur', 'cible']
} as const;
export type DemoFile = keyof typeof DEMO_COLUMNS;
export const DEMO_FILES = Object.keys(DEMO_COLUMNS) as DemoFile[];

export interface DemoOptions {
	personnes: number;
	seed: number;
	/** Folder holding communes.csv, secteurs.csv, motifs-sortie.csv. */
	dataDir: string;
}

const pad = (prefix: string, n: number, width: number) => `${prefix}${String(n).padStart(width, '0')}`;
const day = (d: number | null) => (d === null ? null : isoOf(d));

/** Generates the demo dataset in memory: file name → CSV text. */
export function generateDemo(options: DemoOptions): Record<DemoFile, string> {
	const ref = loadReference(options.dataDir);
	const rng = new Random(options.seed);
	const pupilCount = Math.round(options.personnes * PUPIL_SHARE);
	const adults = generatePeople(ref, rng.fork('people'), options.personnes - pupilCount);
	const actions = generateActions(ref, rng.fork('actions'), options.personnes / DEFAULT_PERSONNES);
	const enrolments = enrol(rng.fork('enrol'), actions, adults);
	decideExits(ref, rng.fork('exits'), adults);

	const pathways = adults.flatMap((p) => p.pathways);
	const { pupils, evaluations } = generateEvaluations(ref, rng.fork('evaluations'), pathways, enrolments, pupilCount);
	const people = [...adults, ...pupils].sort((a, b) => a.firstDay - b.firstDay);
	people.forEach((p, i) => (p.id = pad('P', i + 1, 6)));
	pathways.sort((a, b) => a.entryDay - b.entryDay || a.person.id.localeCompare(b.person.id));
	pathways.forEach((p, i) => (p.id = pad('PA', i + 1, 6)));
	const { events, bilanDays } = generateEvents(rng.fork('events'), pathways);
	evaluations.sort((a, b) => a.day - b.day || a.person.id.localeCompare(b.person.id));

	const rows: Record<DemoFile, CsvValue[][]> = {
		'personnes.csv': [...people]
			.sort((a, b) => a.id.localeCompare(b.id))
			.map((p) => [p.id, p.sexe, p.birthYear, null, p.commune.code, p.lieuVie, p.diplome, p.situation, p.handicap]),
		'parcours.csv': pathways.map((p) => [
			p.id, p.person.id, p.structure, p.dispositif, p.communeSuivi, p.conseiller, isoOf(p.contactDay), isoOf(p.entryDay), day(p.exitDay),
			p.exit?.motif, p.exit?.categorieFilled ? p.exit.categorie : null, p.exit?.secteur, p.projetSecteur, p.exit?.situation6
		]),
		'evenements.csv': events.map((e, i) => [pad('E', i + 1, 7), e.pathway.id, isoOf(e.day), e.type, e.statut, e.duree, e.action?.id]),
		'freins.csv': freinRows(rng.fork('freins'), pathways, bilanDays),
		'actions.csv': actions.map((a) => [
			a.id, a.annee, a.intitule, a.type, a.secteur, a.organisme, a.financeur, a.procedure, a.commune.code, isoOf(a.debut), isoOf(a.fin),
			a.heures, a.places, a.coutPrevu, a.coutRealise
		]),
		'inscriptions.csv': enrolments.map((e) => [
			e.id, e.action.id, e.person.id, isoOf(e.entryDay), day(e.exitDay), e.statut, e.heures, e.certification
		]),
		'evaluations.csv': evaluations.map((e, i) => [
			pad('V', i + 1, 6), e.person.id, e.action?.id, isoOf(e.day), e.moment, e.public, e.referentiel, e.domaine, e.niveau, e.commune
		]),
		'objectifs.csv': objectiveRows(rng.fork('objectives'), events, pathways, enrolments, evaluations)
	};
	return Object.fromEntries(DEMO_FILES.map((f) => [f, toCsv(DEMO_COLUMNS[f], rows[f])])) as Record<DemoFile, string>;
}

/** True when the folder holds every demo file and a VERSION equal to the generator's. */
export function isDemoCurrent(outDir: string): boolean {
	const version = join(outDir, 'VERSION');
	if (!existsSync(version) || DEMO_FILES.some((f) => !existsSync(join(outDir, f)))) return false;
	return readFileSync(version, 'utf8').trim() === DEMO_GENERATOR_VERSION;
}

/** Writes the files (each through a temporary name), then VERSION last. */
export function writeDemo(outDir: string, files: Record<DemoFile, string>): void {
	mkdirSync(outDir, { recursive: true });
	rmSync(join(outDir, 'VERSION'), { force: true });
	for (const name of DEMO_FILES) {
		const path = join(outDir, name);
		writeFileSync(`${path}.tmp`, files[name]);
		renameSync(`${path}.tmp`, path);
	}
	writeFileSync(join(outDir, 'VERSION'), `${DEMO_GENERATOR_VERSION}\n`);
}
