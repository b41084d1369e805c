/**
 * Yearly targets (objectifs.csv) by ETH and province, set near what the demo
 * data achieves so that some are met and some missed.
 */
import type { CsvValue } from '../lib/csv';
import type { DemoEvent } from './events';
import type { Random } from './random';
import { END_DAY, FIRST_YEAR, LAST_YEAR, monthOf, yearOf } from './reference';
import type { Enrolment, Evaluation, Pathway, Person } from './types';

const FILE_ACTIVE_TYPES = new Set(['entretien_individuel', 'entretien_collectif', 'information_collective', 'diagnostic', 'bilan']);
const DYNAMIC = new Set(['emploi_durable', 'emploi_transition', 'sortie_positive']);
const EXCLUDED = new Set(['neutralisee', 'projet_de_vie']);
const INDICATORS = ['file_active', 'sorties_dynamiques', 'taux_sorties_dynamiques', 'personnes_positionnees', 'personnes_formees'] as const;

/** Territory keys of a person: its province and, in the Nord, its ETH. */
function territories(person: Person): string[] {
	const c = person.commune;
	return c.eth ? [`province:${c.province}`, `eth:${c.eth}`] : [`province:${c.province}`];
}

function addPerson(tally: Map<string, Set<Person>>, key: string, person: Person): void {
	let set = tally.get(key);
	if (!set) tally.set(key, (set = new Set()));
	set.add(person);
}

function niceCount(x: number): number {
	const step = x >= 1000 ? 50 : x >= 100 ? 10 : 5;
	return Math.max(step, Math.round(x / step) * step);
}

/** Builds objectifs rows for 2021–2026 (the 2026 counts are scaled to a full year). */
export function objectiveRows(
	rng: Random,
	events: DemoEvent[],
	pathways: Pathway[],
	enrolments: Enrolment[],
	evaluations: Evaluation[]
): CsvValue[][] {
	const people = new Map<string, Set<Person>>();
	const counts = new Map<string, number>();
	const bump = (key: string, by = 1) => counts.set(key, (counts.get(key) ?? 0) + by);
	for (const e of events) {
		if (FILE_ACTIVE_TYPES.has(e.type) && (e.statut === null || e.statut === 'realise')) {
			for (const t of territories(e.pathway.person)) addPerson(people, `${yearOf(e.day)}|${t}|file_active`, e.pathway.person);
		}
	}
	for (const p of pathways) {
		if (p.exitDay === null || !p.exit) continue;
		for (const t of territories(p.person)) {
			const key = `${yearOf(p.exitDay)}|${t}`;
			if (DYNAMIC.has(p.exit.categorie)) bump(`${key}|sorties_dynamiques`);
			if (!EXCLUDED.has(p.exit.categorie)) bump(`${key}|denominateur`);
		}
	}
	for (const e of evaluations) {
		if (e.moment !== 'initial') continue;
		for (const t of territories(e.person)) addPerson(people, `${yearOf(e.day)}|${t}|personnes_positionnees`, e.person);
	}
	for (const e of enrolments) {
		for (const t of territories(e.person)) addPerson(people, `${yearOf(e.entryDay)}|${t}|personnes_formees`, e.person);
	}
	const rows: CsvValue[][] = [];
	const keys = ['eth:grand_nord', 'eth:espace_ouest', 'eth:cote_oceanienne', 'eth:sud_minier', 'province:PN', 'province:PS', 'province:PIL'];
	const partYear = 12 / monthOf(END_DAY);
	for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
		const scale = year === yearOf(END_DAY) ? partYear : 1;
		for (const key of keys) {
			const [level, code] = key.split(':');
			for (const indicator of INDICATORS) {
				let target: number;
				if (indicator === 'taux_sorties_dynamiques') {
					const dyn = counts.get(`${year}|${key}|sorties_dynamiques`) ?? 0;
					const den = counts.get(`${year}|${key}|denominateur`) ?? 0;
					if (den < 20) continue;
					target = Math.round(Math.min(0.9, Math.max(0.1, dyn / den + rng.uniform(-0.05, 0.06))) * 100) / 100;
				} else {
					const achieved =
						indicator === 'sorties_dynamiques'
							? (counts.get(`${year}|${key}|${indicator}`) ?? 0)
							: (people.get(`${year}|${key}|${indicator}`)?.size ?? 0);
					if (achieved === 0) continue;
					target = niceCount(achieved * scale * rng.uniform(0.88, 1.15));
				}
				rows.push([year, level, code, indicator, target]);
			}
		}
	}
	return rows;
}
