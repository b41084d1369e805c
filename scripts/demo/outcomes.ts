/**
 * How parcours end: exit date (or still open), motif and category, sector of
 * the job found, situation six months later. Outcomes depend on dispositif,
 * territory, person, training followed and the period (May 2024 unrest, KNS
 * plant closure in the Espace de l'Ouest on 31 August 2024, recovery after).
 */
import type { Random } from './random';
import { END_DAY, KNS_CLOSURE_DAY, UNREST_DAY, dayOf, toWorkday, yearOf, type Reference, type Zone } from './reference';
import { drawSector } from './people';
import type { Pathway, PathwayExit, Person } from './types';

/** Base chances of emploi_durable, emploi_transition, sortie_positive by dispositif. */
const BASE: Record<string, [number, number, number]> = {
	accueil_information: [0.08, 0.1, 0.1],
	accompagnement_court: [0.15, 0.18, 0.12],
	accompagnement_long: [0.22, 0.17, 0.15],
	jeunes: [0.12, 0.17, 0.24],
	competences_essentielles: [0.05, 0.08, 0.3],
	errance: [0.04, 0.08, 0.1],
	logement: [0.12, 0.12, 0.06]
};
const ZONE_EMPLOYMENT: Record<Zone, number> = {
	grand_nord: 0.9, espace_ouest: 1, cote_oceanienne: 0.85, sud_minier: 0.95, ps_urbain: 1.1, ps_rural: 0.95, iles: 0.7
};
const DIPLOMA: Record<string, number> = { aucun: 0.75, cep_bepc: 0.9, cap_bep: 1.05, bac: 1.15, superieur: 1.3 };
const MOTIF_WEIGHTS: Record<string, number> = {
	cdi: 30, cdd_6_mois_plus: 38, interim_6_mois_plus: 7, titularisation: 5, creation_entreprise: 20,
	cdd_moins_6_mois: 55, interim_moins_6_mois: 15, contrat_aide: 30,
	formation_qualifiante: 45, formation_prequalifiante: 40, embauche_structure_insertion: 15,
	chomage: 30, inactivite: 20, perdu_de_vue: 35, abandon: 15,
	demenagement: 50, maternite: 18, maladie_longue: 15, incarceration: 8, deces: 3, retraite: 6,
	retour_tribu_projet: 1
};
/** Situation six months after exit, by category: emploi, formation, sans_solution, injoignable. */
const SIX_MONTHS: Record<string, [number, number, number, number]> = {
	emploi_durable: [85, 2, 5, 8],
	emploi_transition: [55, 8, 22, 15],
	sortie_positive: [20, 55, 12, 13],
	autre_sortie: [12, 6, 45, 37],
	neutralisee: [10, 5, 25, 60],
	projet_de_vie: [20, 5, 30, 45]
};
const SIX_MONTH_CODES = ['emploi', 'formation', 'sans_solution', 'injoignable'];
const CATEGORIE_FILLED_FROM = dayOf('2024-07-01');

/** Multipliers for the three dynamic categories given where and when the exit happens. */
function periodFactors(zone: Zone, day: number): [number, number, number] {
	const year = yearOf(day);
	const north = ['grand_nord', 'espace_ouest', 'cote_oceanienne', 'sud_minier'].includes(zone);
	let emp = day < UNREST_DAY ? ({ 2021: 0.95, 2022: 1, 2023: 1.05 }[year] ?? 1.05) : year === 2024 ? (north ? 0.8 : 0.62) : year === 2025 ? 0.85 : 0.95;
	emp *= ZONE_EMPLOYMENT[zone];
	const f: [number, number, number] = [emp, emp, 1];
	if (zone === 'espace_ouest') {
		if (day < KNS_CLOSURE_DAY) f[0] *= 1.25;
		else {
			f[0] *= year === 2024 ? 0.45 : year === 2025 ? 0.6 : 0.95;
			if (year <= 2025) f[1] *= 0.8;
			f[2] *= 1.35;
		}
	}
	return f;
}

function drawCategory(rng: Random, p: Pathway, exitDay: number, hasNext: boolean): string {
	const person = p.person;
	const age = yearOf(exitDay) - person.birthYear;
	const tribu = person.lieuVie === 'tribu';
	const neutral = (p.dispositif === 'errance' ? 0.12 : 0.06) + (age >= 58 ? 0.05 : 0);
	const north = person.commune.province !== 'PS';
	const projet = tribu ? (person.commune.province === 'PN' ? 0.07 : north ? 0.05 : 0.02) : 0.003;
	const u = rng.next();
	if (u < neutral) return 'neutralisee';
	if (u < neutral + projet) return 'projet_de_vie';
	const [pf0, pf1, pf2] = periodFactors(person.commune.zone, exitDay);
	let personal = DIPLOMA[person.diplome] ?? 1;
	if (tribu) personal *= 0.85;
	if (person.lieuVie === 'sans_domicile') personal *= 0.55;
	if (person.handicap) personal *= 0.7;
	if (age >= 50) personal *= 0.8;
	const young = age < 18;
	const f = [pf0 * personal * (young ? 0.6 : 1), pf1 * personal * (young ? 0.6 : 1), pf2 * (young ? 1.3 : 1)];
	for (const e of p.enrolments) {
		if (e.exitDay === null || e.exitDay > exitDay || e.exitDay < exitDay - 365) continue;
		if (e.statut === 'termine') {
			f[0] *= e.certification ? 1.95 : 1.5;
			f[1] *= 1.4;
			f[2] *= 1.5;
		} else f.forEach((_, i) => (f[i] *= 0.9));
	}
	if (hasNext) f[0] *= 0.6;
	const base = BASE[p.dispositif];
	let probs = base.map((b, i) => b * f[i]);
	const sum = probs.reduce((a, b) => a + b, 0);
	if (sum > 0.9) probs = probs.map((x) => (x * 0.9) / sum);
	const other = 1 - probs.reduce((a, b) => a + b, 0);
	return ['emploi_durable', 'emploi_transition', 'sortie_positive', 'autre_sortie'][rng.index([...probs, other])];
}

function drawMotif(ref: Reference, rng: Random, categorie: string, person: Person, p: Pathway, exitDay: number): string {
	const motifs = ref.motifsByCategory.get(categorie);
	if (!motifs?.length) throw new Error(`motifs-sortie.csv : aucune ligne pour la catégorie ${categorie}`);
	const age = yearOf(exitDay) - person.birthYear;
	const weights = motifs.map((m) => {
		let w = MOTIF_WEIGHTS[m] ?? 1;
		if (m === 'retraite' && age < 55) w = 0;
		if (m === 'maternite' && (person.sexe !== 'F' || age > 45)) w = 0;
		if (m === 'incarceration' && p.dispositif === 'errance') w *= 3;
		if (m === 'creation_entreprise' && person.lieuVie === 'tribu') w *= 1.5;
		return w;
	});
	return motifs[rng.index(weights.some((w) => w > 0) ? weights : motifs.map(() => 1))];
}

function drawExit(ref: Reference, rng: Random, p: Pathway, exitDay: number, hasNext: boolean): PathwayExit {
	const categorie = drawCategory(rng, p, exitDay, hasNext);
	const motif = drawMotif(ref, rng, categorie, p.person, p, exitDay);
	const zone = p.person.commune.zone;
	let secteur: string | null = null;
	if (categorie === 'emploi_durable' || categorie === 'emploi_transition') {
		const keepProject =
			p.projetSecteur !== null &&
			rng.chance(0.55) &&
			!(p.projetSecteur === 'mine_metallurgie' && zone === 'espace_ouest' && exitDay >= KNS_CLOSURE_DAY && rng.chance(0.75));
		secteur = keepProject ? p.projetSecteur : drawSector(ref, rng, zone, exitDay);
	}
	let situation6: string | null = null;
	if (exitDay + 183 <= END_DAY && motif !== 'deces' && rng.chance(0.9)) {
		situation6 = SIX_MONTH_CODES[rng.index(SIX_MONTHS[categorie] ?? SIX_MONTHS.autre_sortie)];
	}
	const categorieFilled = (p.structure === 'DEFIJ_PN' && exitDay >= CATEGORIE_FILLED_FROM) || rng.chance(0.1);
	return { motif, categorie, categorieFilled, secteur, situation6 };
}

/**
 * Fixes each parcours' exit (open when it falls after the end date, and a few
 * never closed in the tool) and draws how it ended.
 */
export function decideExits(ref: Reference, rng: Random, people: Person[]): void {
	for (const person of people) {
		person.pathways.forEach((p, i) => {
			const last = i === person.pathways.length - 1;
			let exitDay: number | null = p.plannedExit <= END_DAY ? toWorkday(p.plannedExit, p.entryDay + 1, END_DAY) : null;
			const running = p.enrolments.some((e) => e.exitDay === null);
			if (exitDay !== null && last && !running && yearOf(p.entryDay) >= 2023 && rng.chance(0.06)) exitDay = null;
			p.exitDay = exitDay;
			p.exit = exitDay === null ? null : drawExit(ref, rng, p, exitDay, !last);
		});
	}
}
