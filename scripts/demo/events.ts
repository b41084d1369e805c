/** Steps of each parcours (evenements.csv): interviews, workshops, reviews, prescriptions. */
import type { Random } from './random';
import { END_DAY, UNREST_DAY, dayOf, toWorkday } from './reference';
import type { Action, Pathway } from './types';

export interface DemoEvent {
	pathway: Pathway;
	day: number;
	type: string;
	statut: string | null;
	duree: number | null;
	action: Action | null;
}

const UNREST_END = dayOf('2024-06-30');
const FIRST_TYPE: Record<string, Record<string, number>> = {
	accueil_information: { accueil_physique: 55, information_collective: 25, entretien_individuel: 20 },
	errance: { accueil_physique: 35, diagnostic: 30, entretien_individuel: 35 },
	default: { entretien_individuel: 62, diagnostic: 28, entretien_collectif: 10 }
};
const LATER_TYPE: Record<string, number> = {
	entretien_individuel: 50,
	accueil_telephonique: 9,
	accueil_physique: 6,
	accueil_numerique: 3,
	entretien_collectif: 6,
	information_collective: 4,
	diagnostic: 3,
	bilan: 7,
	orientation: 4,
	mise_en_relation_employeur: 4,
	reorientation: 1
};
const DURATIONS: Record<string, number[]> = {
	accueil_physique: [15, 30],
	accueil_telephonique: [15],
	accueil_numerique: [15],
	entretien_individuel: [30, 45, 45, 60],
	entretien_collectif: [60, 90],
	information_collective: [90],
	diagnostic: [60, 90],
	bilan: [45, 60],
	orientation: [30],
	prescription_action: [30],
	mise_en_relation_employeur: [30, 45],
	reorientation: [30]
};

function status(rng: Random, p: Pathway, day: number): string | null {
	if (day >= UNREST_DAY && day <= UNREST_END && rng.chance(p.person.commune.province === 'PS' ? 0.5 : 0.2)) return 'annule';
	const u = rng.next();
	if (u < 0.08) return 'absent';
	if (u < 0.11) return 'annule';
	return p.structure === 'CCAS_MONT_DORE' ? 'realise' : null;
}

function event(rng: Random, p: Pathway, day: number, type: string, statut: string | null, action: Action | null = null): DemoEvent {
	const realised = statut === null || statut === 'realise';
	return { pathway: p, day, type, statut, duree: realised ? rng.pick(DURATIONS[type]) : null, action };
}

/**
 * Draws 4–6 events per parcours on average: the first on the entry day, the
 * others spread over the parcours (a closing review on the exit day for some),
 * plus one prescription_action before each enrolment. Also returns the review
 * (bilan) days, where barriers are re-assessed.
 */
export function generateEvents(rng: Random, pathways: Pathway[]): { events: DemoEvent[]; bilanDays: Map<Pathway, number[]> } {
	const events: DemoEvent[] = [];
	const bilanDays = new Map<Pathway, number[]>();
	for (const p of pathways) {
		const end = p.exitDay ?? END_DAY;
		const span = end - p.entryDay;
		const own: DemoEvent[] = [event(rng, p, p.entryDay, rng.weighted(FIRST_TYPE[p.dispositif] ?? FIRST_TYPE.default), p.structure === 'CCAS_MONT_DORE' ? 'realise' : null)];
		const count =
			p.dispositif === 'accueil_information' ? Math.min(2, rng.poisson(1)) : Math.min(15, 1 + rng.poisson(span / 90));
		const days = Array.from({ length: count }, () => toWorkday(p.entryDay + 1 + Math.floor(rng.next() * span), p.entryDay + 1, end)).sort(
			(a, b) => a - b
		);
		const employment = p.exit?.categorie === 'emploi_durable' || p.exit?.categorie === 'emploi_transition';
		for (const day of days) {
			let type = rng.weighted(LATER_TYPE);
			if (type === 'diagnostic' && day > p.entryDay + span / 4) type = 'entretien_individuel';
			if (type === 'orientation' && employment && rng.chance(0.5)) type = 'mise_en_relation_employeur';
			own.push(event(rng, p, day, type, status(rng, p, day)));
		}
		if (p.exitDay !== null && p.dispositif !== 'accueil_information' && rng.chance(0.4)) {
			own.push(event(rng, p, p.exitDay, 'bilan', p.structure === 'CCAS_MONT_DORE' ? 'realise' : null));
		}
		for (const e of p.enrolments) {
			const day = toWorkday(e.entryDay - rng.int(3, 30), p.entryDay, e.entryDay);
			own.push(event(rng, p, day, 'prescription_action', p.structure === 'CCAS_MONT_DORE' ? 'realise' : null, e.action));
		}
		own.sort((a, b) => a.day - b.day);
		const reviews = own
			.filter((e) => e.type === 'bilan' && e.day !== p.exitDay && (e.statut === null || e.statut === 'realise'))
			.map((e) => e.day);
		if (reviews.length > 0) bilanDays.set(p, reviews);
		events.push(...own);
	}
	return { events, bilanDays };
}
