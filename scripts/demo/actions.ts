/** Training and insertion actions of the commande publique, and who enrols in them. */
import type { Random } from './random';
import { END_DAY, FIRST_YEAR, LAST_YEAR, dayOf, toWorkday, type Commune, type Reference } from './reference';
import { drawSector } from './people';
import type { Action, Enrolment, Pathway, Person } from './types';

const TYPES = { remobilisation: 18, savoirs_de_base: 18, prequalifiante: 18, qualifiante: 16, certifiante: 10, chantier_insertion: 12, permis: 8 };
/** Per type: hours range, hours per week, XPF per hour and place, drop-out rate. */
const TYPE_PARAMS: Record<string, { hours: [number, number]; weekly: number; rate: number; abandon: number }> = {
	remobilisation: { hours: [70, 250], weekly: 20, rate: 1200, abandon: 0.25 },
	savoirs_de_base: { hours: [100, 400], weekly: 12, rate: 1100, abandon: 0.2 },
	prequalifiante: { hours: [200, 500], weekly: 30, rate: 1500, abandon: 0.18 },
	qualifiante: { hours: [400, 900], weekly: 30, rate: 1800, abandon: 0.16 },
	certifiante: { hours: [300, 900], weekly: 30, rate: 2200, abandon: 0.15 },
	chantier_insertion: { hours: [300, 900], weekly: 26, rate: 2500, abandon: 0.22 },
	permis: { hours: [35, 60], weekly: 10, rate: 0, abandon: 0.1 }
};
const FUNDERS = { 'Province Nord': 62, 'Province Sud': 16, 'Gouvernement de la Nouvelle-Calédonie': 13, État: 9 };
const PROCEDURES: Record<string, Record<string, number>> = {
	'Province Nord': { appel_offres: 70, convention: 20, subvention: 10 },
	'Province Sud': { appel_offres: 50, convention: 30, subvention: 20 },
	'Gouvernement de la Nouvelle-Calédonie': { convention: 60, appel_offres: 30, subvention: 10 },
	État: { subvention: 50, convention: 50 }
};
const PN_SITES: Record<string, number> = { '98811': 30, '98812': 15, '98822': 15, '98804': 8, '98808': 8, '98831': 6, '98825': 5, '98807': 4, '98830': 3, '98819': 3, '98827': 3 };
const PS_SITES: Record<string, number> = { '98818': 50, '98817': 25, '98803': 10, '98813': 10, '98821': 5 };
const ORGANISMS: Record<string, Record<string, number>> = {
	default: { 'AFPA NC': 3, 'GRETA NC': 3, 'Association Émergence': 2, 'Formation Plus Nord': 2, 'Institut des métiers du Nord': 2 },
	savoirs_de_base: { 'Association Lire et Dire': 4, 'GRETA NC': 3, 'Association Émergence': 2 },
	permis: { 'Auto-école du Nord': 3, 'Auto-école Lagon': 2 },
	chantier_insertion: { 'Association Tremplin Insertion': 3, 'Association Émergence': 2 },
	agriculture_peche_aquaculture: { 'CFPPA Nord': 4, "Chambre d'agriculture et de la pêche": 2 },
	btp: { 'Chambre de métiers et de l’artisanat': 3, 'AFPA NC': 2 },
	mine_metallurgie: { 'Centre de formation aux métiers de la mine': 4, 'AFPA NC': 1 },
	tourisme_hotellerie_restauration: { 'École hôtelière du Nord': 3, 'GRETA NC': 1 },
	numerique: { "Association Numérik'Nord": 3, 'GRETA NC': 1 }
};
const CERTIFICATIONS: Record<string, string> = {
	mine_metallurgie: "Conducteur d'engins miniers",
	btp: 'CAP Maçon',
	agriculture_peche_aquaculture: 'BPREA (responsable d’entreprise agricole)',
	tourisme_hotellerie_restauration: 'CAP Cuisine',
	commerce: 'Titre professionnel Employé commercial',
	services_personne_sante_social: 'DEAES (accompagnant éducatif et social)',
	transport_logistique: 'Titre professionnel Conducteur routier',
	industrie_hors_nickel: 'CAP Électricien',
	administration: 'Titre professionnel Secrétaire assistant',
	numerique: "Titre professionnel Technicien d'assistance informatique"
};

function title(ref: Reference, type: string, secteur: string, rng: Random): string {
	const full = ref.sectorLabels.get(secteur) ?? secteur;
	// Lower-case the label inside a title, except acronyms such as "BTP".
	const label = /^\p{Lu}\p{Ll}/u.test(full) ? full[0].toLowerCase() + full.slice(1) : full;
	switch (type) {
		case 'remobilisation':
			return rng.pick(['Remobilisation et projet professionnel', "Dynamique vers l'emploi", 'Redynamisation et savoir-être']);
		case 'savoirs_de_base':
			return rng.pick(['Compétences essentielles (CCE)', 'Savoirs de base : lire, écrire, compter', 'Remise à niveau et numérique']);
		case 'prequalifiante':
			return `Préqualification ${label}`;
		case 'qualifiante':
			return `Formation qualifiante ${label}`;
		case 'certifiante':
			return CERTIFICATIONS[secteur] ?? `Certification ${label}`;
		case 'chantier_insertion':
			return secteur === 'btp' ? 'Chantier d’insertion rénovation de cases' : 'Chantier d’insertion espaces verts et cultures vivrières';
		default:
			return secteur === 'transport_logistique' ? 'Permis C (poids lourds)' : 'Permis B';
	}
}

/** Drops the organisms named after the Nord for actions held in the Sud. */
function localOrganisms(weights: Record<string, number>, north: boolean): Record<string, number> {
	if (north) return weights;
	const south = Object.fromEntries(Object.entries(weights).filter(([name]) => !name.includes('Nord')));
	return Object.keys(south).length > 0 ? south : { 'GRETA NC': 1, 'AFPA NC': 1 };
}

function actionSector(ref: Reference, rng: Random, type: string, commune: Commune, day: number): string {
	const known = (code: string) => (ref.sectors.includes(code) ? code : ref.sectors[ref.sectors.length - 1]);
	if (type === 'savoirs_de_base' || type === 'remobilisation') return known('autre');
	if (type === 'permis') return known(rng.chance(0.3) ? 'transport_logistique' : 'autre');
	if (type === 'chantier_insertion') return known(rng.chance(0.45) ? 'btp' : 'agriculture_peche_aquaculture');
	return drawSector(ref, rng, commune.zone, day);
}

/** Generates about 40 actions a year (scaled with the dataset size). */
export function generateActions(ref: Reference, rng: Random, scale: number): Action[] {
	const actions: Action[] = [];
	const perYear = Math.max(3, Math.round(40 * scale));
	for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
		for (let n = 0; n < perYear; n++) {
			const type = rng.weighted(TYPES);
			const params = TYPE_PARAMS[type];
			const financeur = rng.weighted(FUNDERS);
			const north = financeur === 'Province Nord' || (financeur !== 'Province Sud' && rng.chance(0.6));
			const commune = ref.communeByCode.get(rng.weighted(north ? PN_SITES : PS_SITES))!;
			const step = type === 'permis' ? 1 : 5;
			const heures = Math.round(rng.int(params.hours[0], params.hours[1]) / step) * step;
			const duration = Math.ceil(heures / params.weekly) * 7;
			const earliest = dayOf(`${year}-02-01`);
			const latest = Math.max(earliest, dayOf(`${year}-12-15`) - duration);
			const debut = toWorkday(rng.int(earliest, latest));
			const fin = toWorkday(Math.min(dayOf(`${year}-12-20`), debut + duration), debut);
			const secteur = actionSector(ref, rng, type, commune, debut);
			const places = type === 'permis' ? rng.int(8, 12) : rng.int(10, 20);
			const raw = type === 'permis' ? places * 180_000 : heures * places * params.rate;
			const coutPrevu = Math.round(Math.min(30e6, Math.max(1.5e6, raw * rng.uniform(0.85, 1.2))) / 1000) * 1000;
			const organisms = localOrganisms(ORGANISMS[type] ?? ORGANISMS[secteur] ?? ORGANISMS.default, north);
			actions.push({
				id: '',
				annee: year,
				intitule: `${title(ref, type, secteur, rng)} – ${commune.nom}`,
				type,
				secteur,
				organisme: rng.weighted(organisms),
				financeur,
				procedure: rng.weighted(PROCEDURES[financeur]),
				commune,
				debut,
				fin,
				heures,
				places,
				coutPrevu,
				coutRealise: null
			});
		}
	}
	actions.sort((a, b) => a.debut - b.debut || a.fin - b.fin);
	actions.forEach((a, i) => (a.id = `A${String(i + 1).padStart(4, '0')}`));
	return actions;
}

function candidateWeight(action: Action, p: Pathway): number {
	const home = p.person.commune;
	const site = action.commune;
	const sameZone = home.zone === site.zone || (site.province === 'PS' && home.province === 'PIL');
	const sameProvince = home.province === site.province || (site.province === 'PS' && home.province === 'PIL');
	let w = sameZone ? 6 * (home.code === site.code ? 1.5 : 1) : sameProvince ? 1 : 0;
	if (w === 0) return 0;
	const savoirs = action.type === 'savoirs_de_base';
	if (p.dispositif === 'accueil_information') w *= 0.3;
	if (p.dispositif === 'errance') w *= 0.5;
	if (p.dispositif === 'competences_essentielles') w *= savoirs ? 6 : 0.6;
	if (p.dispositif === 'jeunes' && ['remobilisation', 'prequalifiante'].includes(action.type)) w *= 1.5;
	if (savoirs) w *= p.freins.includes('savoirs_de_base') ? 3 : 0.4;
	if (action.type === 'permis' && p.freins.includes('mobilite')) w *= 3;
	if (['prequalifiante', 'qualifiante', 'certifiante', 'chantier_insertion'].includes(action.type) && p.projetSecteur === action.secteur) w *= 3;
	return w;
}

/**
 * Enrols people whose parcours is running when each action starts (60–110 %
 * of places), decides how each enrolment ends, keeps the parcours open until
 * after the training, and sets the realised cost of finished actions.
 */
export function enrol(rng: Random, actions: Action[], people: Person[]): Enrolment[] {
	const pathways = people.flatMap((p) => p.pathways);
	const busyUntil = new Map<Person, number>();
	const enrolments: Enrolment[] = [];
	for (const action of actions) {
		if (action.debut > END_DAY) continue;
		const candidates = pathways.filter(
			(p) =>
				p.entryDay <= action.debut - 7 &&
				p.plannedExit >= action.debut - 10 &&
				p.limitDay > action.fin + 15 &&
				(busyUntil.get(p.person) ?? -Infinity) < action.debut
		);
		const wanted = Math.round(action.places * rng.uniform(0.6, 1.1));
		const chosen = rng.sample(candidates.map((p) => candidateWeight(action, p)), wanted).map((i) => candidates[i]);
		const params = TYPE_PARAMS[action.type];
		for (const pathway of chosen) {
			const entryDay = toWorkday(action.debut + (rng.chance(0.8) ? 0 : rng.int(1, 10)), action.debut, action.fin);
			const span = Math.max(1, action.fin - entryDay);
			const u = rng.next();
			let statut = u < params.abandon ? 'abandon' : u < params.abandon + 0.02 ? 'exclusion' : u < params.abandon + 0.06 ? 'reorientation' : 'termine';
			let exitDay: number | null = statut === 'termine' ? action.fin : toWorkday(entryDay + Math.round(span * rng.uniform(0.1, 0.8)), entryDay, action.fin);
			if (exitDay > END_DAY) {
				statut = 'en_cours';
				exitDay = null;
			}
			const done = ((exitDay ?? END_DAY) - entryDay) / span;
			const heures = Math.round(action.heures * Math.min(1, done) * (statut === 'termine' ? rng.uniform(0.88, 1) : rng.uniform(0.8, 1)));
			const certifying = action.type === 'qualifiante' || action.type === 'certifiante';
			const certification = !certifying || statut === 'en_cours' ? null : statut === 'termine' && rng.chance(action.type === 'certifiante' ? 0.68 : 0.74);
			const enrolment: Enrolment = { id: '', action, person: pathway.person, pathway, entryDay, exitDay, statut, heures, certification };
			const end = exitDay ?? action.fin;
			if (pathway.plannedExit < end + 15) pathway.plannedExit = Math.min(pathway.limitDay, toWorkday(end + rng.int(15, 120)));
			busyUntil.set(pathway.person, end + 14);
			pathway.enrolments.push(enrolment);
			enrolments.push(enrolment);
		}
		if (action.fin <= END_DAY && !rng.chance(0.05)) {
			const fill = chosen.length / action.places;
			const ratio = Math.min(1.1, (0.78 + 0.28 * fill) * rng.uniform(0.97, 1.03));
			action.coutRealise = Math.floor((action.coutPrevu * ratio) / 1000) * 1000;
		}
	}
	enrolments.forEach((e, i) => (e.id = `I${String(i + 1).padStart(5, '0')}`));
	return enrolments;
}
