/**
 * Competence assessments of the plan de ré-acquisition des compétences
 * essentielles (repérage → positionnement → formation): people in the
 * competences_essentielles dispositif, trainees of savoirs_de_base actions,
 * people screened in other parcours, and school pupils (public scolaire).
 */
import type { Random } from './random';
import { END_DAY, FIRST_YEAR, LAST_YEAR, dayOf, toWorkday, yearOf, type Reference } from './reference';
import type { Enrolment, Evaluation, Pathway, Person } from './types';

/** Highest level of each referentiel (ANLCI degrees 1–4, CECRL A1–C2 as 1–6). */
const MAX_LEVEL: Record<string, number> = { ANLCI: 4, CCE: 4, CLEA: 3, CECRL: 6, interne: 5 };
const INITIAL_LEVEL: Record<string, number[]> = {
	ANLCI: [45, 35, 15, 5],
	CCE: [45, 35, 15, 5],
	CLEA: [60, 30, 10],
	CECRL: [50, 35, 15],
	interne: [30, 35, 25, 10]
};
const DOMAINS: [string, number][] = [['lire', 0.92], ['ecrire', 0.8], ['calcul', 0.5], ['oral', 0.25], ['numerique', 0.15]];

interface Session {
	person: Person;
	action: Enrolment['action'] | null;
	public: 'scolaire' | 'insertion';
	referentiel: string;
	commune: string;
	initial: number;
	intermediate: number | null;
	final: number | null;
}

/** Expands one assessment session into rows: each domain at each moment. */
function expand(rng: Random, s: Session): Evaluation[] {
	const rows: Evaluation[] = [];
	const domains = DOMAINS.filter(([, p]) => rng.chance(p)).map(([d]) => d);
	if (domains.length === 0) domains.push('lire');
	const max = MAX_LEVEL[s.referentiel];
	for (const domaine of domains) {
		const start = 1 + rng.index(INITIAL_LEVEL[s.referentiel]);
		const gain = rng.index([22, 50, 22, 6]);
		const base = { person: s.person, action: s.action, public: s.public, referentiel: s.referentiel, domaine, commune: s.commune };
		rows.push({ ...base, day: s.initial, moment: 'initial', niveau: start });
		if (s.intermediate !== null) {
			rows.push({ ...base, day: s.intermediate, moment: 'intermediaire', niveau: Math.min(max, start + Math.floor(gain / 2)) });
		}
		if (s.final !== null) rows.push({ ...base, day: s.final, moment: 'final', niveau: Math.min(max, start + gain) });
	}
	return rows;
}

function session(rng: Random, base: Omit<Session, 'intermediate' | 'final'>, finalDay: number | null): Session {
	const final = finalDay !== null && finalDay <= END_DAY && finalDay > base.initial ? finalDay : null;
	const mid = final !== null && final - base.initial > 90 && rng.chance(0.2);
	return { ...base, intermediate: mid ? toWorkday(Math.round((base.initial + final!) / 2)) : null, final };
}

/** Creates the school pupils assessed by the plan (personnes without parcours). */
function pupils(ref: Reference, rng: Random, count: number): { people: Person[]; sessions: Session[] } {
	const north = ref.communes.filter((c) => c.province === 'PN');
	const people: Person[] = [];
	const sessions: Session[] = [];
	for (let n = 0; n < count; n++) {
		const commune = north[rng.index(north.map((c) => c.population))];
		const year = rng.int(FIRST_YEAR, LAST_YEAR);
		const initial = toWorkday(dayOf(`${year}-02-15`) + rng.int(0, 44));
		const person: Person = {
			id: '',
			sexe: rng.chance(0.5) ? 'F' : 'M',
			birthYear: Math.min(2009, year - rng.int(15, 18)),
			commune,
			lieuVie: rng.chance(0.6) ? 'tribu' : 'village',
			diplome: rng.chance(0.6) ? 'aucun' : 'cep_bepc',
			situation: 'scolaire',
			handicap: rng.chance(0.03),
			pupil: true,
			firstDay: initial,
			pathways: []
		};
		people.push(person);
		const referentiel = rng.weighted({ ANLCI: 55, CCE: 30, interne: 15 });
		const finalDay = rng.chance(0.85) ? toWorkday(dayOf(`${year}-10-01`) + rng.int(0, 50)) : null;
		sessions.push(session(rng, { person, action: null, public: 'scolaire', referentiel, commune: commune.code, initial }, finalDay));
	}
	return { people, sessions };
}

/**
 * Generates the assessments; returns the pupils to add to personnes and the
 * evaluation rows (about a quarter of people assessed have no final assessment).
 */
export function generateEvaluations(
	ref: Reference,
	rng: Random,
	pathways: Pathway[],
	enrolments: Enrolment[],
	pupilCount: number
): { pupils: Person[]; evaluations: Evaluation[] } {
	const sessions: Session[] = [];
	for (const p of pathways) {
		const quit = p.exit?.motif === 'abandon' || p.exit?.motif === 'perdu_de_vue';
		const dropped = quit ? rng.chance(0.6) : rng.chance(0.06);
		if (p.dispositif === 'competences_essentielles') {
			const initial = toWorkday(p.entryDay + rng.int(0, 30), p.entryDay, END_DAY);
			const referentiel = rng.weighted({ CCE: 55, ANLCI: 35, interne: 10 });
			const finalDay = dropped
				? null
				: p.exitDay !== null
					? toWorkday(p.exitDay - rng.int(0, 14), initial + 1, p.exitDay)
					: toWorkday(initial + rng.int(180, 300));
			sessions.push(session(rng, { person: p.person, action: null, public: 'insertion', referentiel, commune: p.communeSuivi, initial }, finalDay));
		} else if (p.freins.includes('savoirs_de_base') && p.person.commune.province === 'PN' && rng.chance(0.03)) {
			const initial = toWorkday(p.entryDay + rng.int(0, 45), p.entryDay, END_DAY);
			const referentiel = rng.weighted({ ANLCI: 60, CCE: 40 });
			sessions.push(session(rng, { person: p.person, action: null, public: 'insertion', referentiel, commune: p.communeSuivi, initial }, null));
		}
	}
	for (const e of enrolments) {
		if (e.action.type !== 'savoirs_de_base') continue;
		const language = e.pathway.freins.includes('maitrise_langue');
		const referentiel = rng.weighted({ ANLCI: 50, CCE: 30, CLEA: 10, CECRL: language ? 40 : 3, interne: 7 });
		const finalDay = e.statut === 'termine' ? e.exitDay : null;
		sessions.push(
			session(rng, { person: e.person, action: e.action, public: 'insertion', referentiel, commune: e.action.commune.code, initial: e.entryDay }, finalDay)
		);
	}
	const school = pupils(ref, rng, pupilCount);
	sessions.push(...school.sessions);
	const evaluations = sessions.flatMap((s) => expand(rng, s)).filter((e) => e.day <= END_DAY && yearOf(e.day) >= FIRST_YEAR);
	return { pupils: school.people, evaluations };
}
