/**
 * People and the timeline of their parcours (structure, dispositif, dates,
 * job project, barriers). Outcomes are decided later, once actions are known.
 */
import type { Random } from './random';
import {
	END_DAY,
	isoOf,
	KNS_CLOSURE_DAY,
	START_DAY,
	UNREST_DAY,
	monthOf,
	toWorkday,
	yearOf,
	type Commune,
	type Reference,
	type Zone
} from './reference';
import type { Pathway, Person, Structure } from './types';
import { pickFreins } from './freins';

type Group = 'defij' | 'ccas' | 'del' | 'iles';

const GROUP_SHARES: Record<Group, number> = { defij: 0.5, ccas: 0.15, del: 0.32, iles: 0.03 };
/** Commune weight multipliers: remote communes reach the services less often. */
const ACCESS: Record<Group, Record<string, number>> = {
	defij: { '98801': 0.2, '98826': 0.6, '98833': 0.8, '98819': 0.9, '98827': 0.85, '98811': 1.1 },
	ccas: {},
	del: { '98818': 0.75, '98832': 0.45, '98809': 0.5, '98827': 0.1 },
	iles: {}
};
const CCAS_RESIDENCE: Record<string, number> = { '98817': 85, '98818': 9, '98805': 3, '98821': 2, '98832': 1 };

const YEAR_WEIGHT: Record<number, number> = { 2021: 0.85, 2022: 0.95, 2023: 1, 2024: 1.05, 2025: 1.15, 2026: 1.1 };
const MONTH_WEIGHT = [0.55, 1.15, 1.2, 1.05, 1, 1, 1, 1.1, 1.05, 1, 0.9, 0.5];
/** Fixed public holidays (MM-DD), including 24 September (Fête de la citoyenneté). */
const HOLIDAYS = new Set(['01-01', '05-01', '05-08', '07-14', '08-15', '09-24', '11-01', '11-11', '12-25']);

/** Age bands at first entry: [min, max, weight]. */
const AGES: Record<'young' | 'adult' | 'errance', [number, number, number][]> = {
	young: [[16, 17, 5], [18, 25, 45], [26, 29, 13], [30, 39, 16], [40, 49, 12], [50, 59, 7], [60, 63, 2]],
	adult: [[18, 25, 25], [26, 29, 15], [30, 39, 25], [40, 49, 18], [50, 59, 13], [60, 63, 4]],
	errance: [[18, 25, 15], [26, 29, 12], [30, 39, 25], [40, 49, 24], [50, 59, 18], [60, 63, 6]]
};

/** Duration of each dispositif: median days, log spread, bounds. */
const DURATION: Record<string, [number, number, number, number]> = {
	accueil_information: [50, 0.4, 30, 120],
	accompagnement_court: [130, 0.4, 45, 300],
	accompagnement_long: [380, 0.35, 150, 700],
	jeunes: [260, 0.4, 90, 600],
	competences_essentielles: [200, 0.35, 90, 420],
	errance: [150, 0.6, 30, 600],
	logement: [160, 0.5, 45, 450]
};

/** Sector of job projects by zone (codes absent from data/secteurs.csv get weight 1). */
export const SECTOR_WEIGHTS: Record<Zone, Record<string, number>> = {
	espace_ouest: { mine_metallurgie: 24, btp: 14, agriculture_peche_aquaculture: 10, tourisme_hotellerie_restauration: 7, commerce: 10, services_personne_sante_social: 12, transport_logistique: 7, industrie_hors_nickel: 4, administration: 6, numerique: 2, autre: 4 },
	grand_nord: { mine_metallurgie: 10, btp: 12, agriculture_peche_aquaculture: 20, tourisme_hotellerie_restauration: 12, commerce: 10, services_personne_sante_social: 13, transport_logistique: 6, industrie_hors_nickel: 3, administration: 7, numerique: 2, autre: 5 },
	cote_oceanienne: { mine_metallurgie: 4, btp: 12, agriculture_peche_aquaculture: 22, tourisme_hotellerie_restauration: 15, commerce: 10, services_personne_sante_social: 15, transport_logistique: 5, industrie_hors_nickel: 3, administration: 8, numerique: 2, autre: 4 },
	sud_minier: { mine_metallurgie: 22, btp: 13, agriculture_peche_aquaculture: 15, tourisme_hotellerie_restauration: 5, commerce: 10, services_personne_sante_social: 14, transport_logistique: 6, industrie_hors_nickel: 3, administration: 6, numerique: 2, autre: 4 },
	ps_urbain: { mine_metallurgie: 6, btp: 13, agriculture_peche_aquaculture: 3, tourisme_hotellerie_restauration: 13, commerce: 17, services_personne_sante_social: 18, transport_logistique: 9, industrie_hors_nickel: 7, administration: 7, numerique: 4, autre: 3 },
	ps_rural: { mine_metallurgie: 10, btp: 13, agriculture_peche_aquaculture: 16, tourisme_hotellerie_restauration: 12, commerce: 12, services_personne_sante_social: 14, transport_logistique: 6, industrie_hors_nickel: 4, administration: 6, numerique: 2, autre: 5 },
	iles: { mine_metallurgie: 1, btp: 12, agriculture_peche_aquaculture: 18, tourisme_hotellerie_restauration: 20, commerce: 10, services_personne_sante_social: 16, transport_logistique: 6, industrie_hors_nickel: 2, administration: 8, numerique: 2, autre: 5 }
};

/** Draws a sector for a zone and day; mining collapses in the Ouest after the KNS closure. */
export function drawSector(ref: Reference, rng: Random, zone: Zone, day: number): string {
	const table = SECTOR_WEIGHTS[zone];
	const weights = ref.sectors.map((s) => {
		const w = table[s] ?? 1;
		return s === 'mine_metallurgie' && zone === 'espace_ouest' && day >= KNS_CLOSURE_DAY ? w * 0.3 : w;
	});
	return ref.sectors[rng.index(weights)];
}

const ANTENNA: Record<string, string> = { grand_nord: '98812', espace_ouest: '98811', cote_oceanienne: '98822', sud_minier: '98804' };
/** Counsellor pools: [id, first year, last year]. */
const COUNSELLORS: Record<string, [string, number, number][]> = {
	grand_nord: [['C001', 2021, 2026], ['C002', 2021, 2023], ['C003', 2021, 2026], ['C004', 2024, 2026]],
	espace_ouest: [['C005', 2021, 2026], ['C006', 2021, 2026], ['C007', 2021, 2024], ['C008', 2022, 2026], ['C009', 2025, 2026]],
	cote_oceanienne: [['C010', 2021, 2026], ['C011', 2021, 2026], ['C012', 2023, 2026]],
	sud_minier: [['C013', 2021, 2026], ['C014', 2021, 2026], ['C015', 2021, 2022], ['C016', 2023, 2026]],
	competences_essentielles: [['C017', 2021, 2026], ['C018', 2022, 2026]],
	CCAS_MONT_DORE: [['C021', 2021, 2026], ['C022', 2021, 2026], ['C023', 2021, 2026], ['C024', 2021, 2023], ['C025', 2024, 2026]],
	DEL_PS: [['C031', 2021, 2026], ['C032', 2021, 2026], ['C033', 2021, 2025], ['C034', 2021, 2026], ['C035', 2022, 2026], ['C036', 2021, 2023], ['C037', 2024, 2026], ['C038', 2021, 2026]]
};

/** Cumulative day weights for entries (seasons, weekends, May 2024 unrest). */
function entryCalendar(north: boolean): Float64Array {
	const cumulative = new Float64Array(END_DAY - START_DAY + 1);
	let total = 0;
	for (let day = START_DAY; day <= END_DAY; day++) {
		const weekday = (day + 4) % 7;
		let w = weekday === 0 || weekday === 6 || HOLIDAYS.has(isoOf(day).slice(5)) ? 0 : YEAR_WEIGHT[yearOf(day)] * MONTH_WEIGHT[monthOf(day) - 1];
		if (day >= UNREST_DAY && yearOf(day) === 2024) w *= monthOf(day) <= 6 ? (north ? 0.6 : 0.3) : 1.2;
		total += w;
		cumulative[day - START_DAY] = total;
	}
	return cumulative;
}

function drawDay(rng: Random, cumulative: Float64Array): number {
	const u = rng.next() * cumulative[cumulative.length - 1];
	let lo = 0;
	let hi = cumulative.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cumulative[mid] > u) hi = mid;
		else lo = mid + 1;
	}
	return START_DAY + lo;
}

function residenceWeights(ref: Reference, group: Group): number[] {
	return ref.communes.map((c) => {
		if (group === 'ccas') return CCAS_RESIDENCE[c.code] ?? 0;
		const inGroup =
			group === 'defij' ? c.province === 'PN' : group === 'iles' ? c.province === 'PIL' : c.province === 'PS' || c.code === '98827';
		return inGroup ? c.population * (ACCESS[group][c.code] ?? 1) : 0;
	});
}

function drawPerson(rng: Random, group: Group, commune: Commune, firstDay: number): Person {
	const errance = group === 'ccas' && rng.chance(0.55);
	const bands = AGES[group === 'defij' ? 'young' : errance ? 'errance' : 'adult'];
	const band = bands[rng.index(bands.map((b) => b[2]))];
	const birthYear = Math.min(2009, Math.max(1958, yearOf(firstDay) - rng.int(band[0], band[1])));
	const age = yearOf(firstDay) - birthYear;
	const rural = commune.remoteness > 0;
	const tribuShare = commune.province === 'PIL' ? 0.75 : commune.province === 'PN' ? (rural ? 0.6 : 0.4) : rural ? 0.2 : 0.05;
	const lieuVie = errance
		? rng.weighted({ sans_domicile: 70, autre: 18, village: 8, tribu: 4 })
		: rng.chance(tribuShare)
			? 'tribu'
			: rng.weighted({ village: 88, autre: 9, sans_domicile: group === 'del' ? 4 : 1 });
	const tribu = lieuVie === 'tribu';
	const diplome = rng.weighted({
		aucun: tribu || errance ? 42 : 30,
		cep_bepc: 25,
		cap_bep: 22,
		bac: tribu ? 9 : 15,
		superieur: tribu ? 2 : 5
	});
	const situation =
		age <= 18 && rng.chance(0.35)
			? 'scolaire'
			: rng.weighted({ demandeur_emploi: 46, inactif: errance ? 45 : 28, emploi_precaire: 13, autre: 8 });
	return {
		id: '',
		sexe: rng.chance(0.02) ? 'NR' : rng.chance(errance ? 0.35 : 0.53) ? 'F' : 'M',
		birthYear,
		commune,
		lieuVie,
		diplome,
		situation,
		handicap: rng.chance(0.05),
		pupil: false,
		firstDay,
		pathways: []
	};
}

function drawDispositif(rng: Random, group: Group, person: Person, age: number, previous?: string): string {
	if (group === 'defij') {
		const young = age <= 25;
		const w: Record<string, number> = young
			? { accueil_information: 22, accompagnement_court: 20, accompagnement_long: 17, jeunes: 33, competences_essentielles: 8 }
			: { accueil_information: 28, accompagnement_court: 28, accompagnement_long: 32, competences_essentielles: 12 };
		if (previous === 'accueil_information') w.accueil_information = 0;
		return rng.weighted(w);
	}
	if (group === 'ccas') {
		return rng.weighted({ errance: person.lieuVie === 'sans_domicile' ? 75 : 30, accompagnement_court: 30, accompagnement_long: 25 });
	}
	if (group === 'iles') return rng.weighted({ accompagnement_court: 50, accompagnement_long: 30, logement: 20 });
	return rng.weighted({ logement: 45, accompagnement_court: 32, accompagnement_long: 23 });
}

function drawCounsellor(rng: Random, pool: string, year: number): string {
	const active = COUNSELLORS[pool].filter(([, from, to]) => year >= from && year <= to);
	return rng.pick(active)[0];
}

const STRUCTURE: Record<Group, Structure> = { defij: 'DEFIJ_PN', ccas: 'CCAS_MONT_DORE', del: 'DEL_PS', iles: 'DEL_PS' };

/** Generates people with 1–3 parcours each, entries spread over the period. */
export function generatePeople(ref: Reference, rng: Random, count: number): Person[] {
	const calendars = { north: entryCalendar(true), south: entryCalendar(false) };
	const groups = Object.keys(GROUP_SHARES) as Group[];
	const weightsByGroup = new Map(groups.map((g) => [g, residenceWeights(ref, g)]));
	const people: Person[] = [];
	for (let n = 0; n < count; n++) {
		const group = groups[rng.index(groups.map((g) => GROUP_SHARES[g]))];
		const commune = ref.communes[rng.index(weightsByGroup.get(group)!)];
		const calendar = group === 'defij' ? calendars.north : calendars.south;
		const k = 1 + rng.index([68, 22, 10]);
		const days = Array.from({ length: k }, () => drawDay(rng, calendar)).sort((a, b) => a - b);
		const entries = days.filter((d, i) => i === 0 || d - days[i - 1] >= 90);
		const person = drawPerson(rng, group, commune, entries[0]);
		let previous: string | undefined;
		entries.forEach((entryDay, i) => {
			const age = yearOf(entryDay) - person.birthYear;
			const dispositif = drawDispositif(rng, group, person, age, previous);
			previous = dispositif;
			const structure = group === 'ccas' && i > 0 && rng.chance(0.15) ? 'DEL_PS' : STRUCTURE[group];
			const [median, sigma, min, max] = DURATION[dispositif];
			const duration = Math.round(Math.min(max, Math.max(min, rng.logNormal(median, sigma))));
			const next = entries[i + 1];
			const limitDay = next === undefined ? Infinity : next - rng.int(14, 60);
			const delayMean = [10, 20, 38][commune.remoteness] * (structure === 'CCAS_MONT_DORE' ? 0.6 : 1);
			const zeroDelay = dispositif === 'accueil_information' ? 0.35 : 0.15;
			const delay = rng.chance(zeroDelay) ? 0 : Math.min(120, Math.round(1 + rng.exponential(delayMean)));
			const year = yearOf(entryDay);
			const eth = commune.eth || 'espace_ouest';
			const antenna = structure === 'DEFIJ_PN' ? ANTENNA[eth] : structure === 'CCAS_MONT_DORE' ? '98817' : '98818';
			const local = structure === 'DEFIJ_PN' ? 0.28 : structure === 'DEL_PS' && commune.province === 'PS' ? 0.35 : 0;
			const pool = structure !== 'DEFIJ_PN' ? structure : dispositif === 'competences_essentielles' ? dispositif : eth;
			const projetShare = { accueil_information: 0.55, errance: 0.45, logement: 0.6 }[dispositif] ?? 0.92;
			const pathway: Pathway = {
				id: '',
				person,
				structure,
				dispositif,
				communeSuivi: rng.chance(local) ? commune.code : antenna,
				conseiller: drawCounsellor(rng, pool, year),
				contactDay: toWorkday(entryDay - delay, -Infinity, entryDay),
				entryDay,
				plannedExit: Math.min(limitDay, toWorkday(entryDay + duration)),
				limitDay,
				exitDay: null,
				projetSecteur: rng.chance(projetShare) ? drawSector(ref, rng, commune.zone, entryDay) : null,
				freins: [],
				enrolments: [],
				exit: null
			};
			pathway.freins = pickFreins(rng, pathway);
			person.pathways.push(pathway);
		});
		person.firstDay = person.pathways[0].contactDay;
		people.push(person);
	}
	return people;
}
