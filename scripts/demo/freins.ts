/** Barriers to employment: which ones a parcours starts with, and how they evolve. */
import type { CsvValue } from '../lib/csv';
import type { Random } from './random';
import { END_DAY, isoOf } from './reference';
import type { Pathway } from './types';

const DYNAMIC = new Set(['emploi_durable', 'emploi_transition', 'sortie_positive']);

/** Draws 1–4 barriers at entry, weighted by territory, living place and dispositif. */
export function pickFreins(rng: Random, pathway: Pathway): string[] {
	const { person, dispositif } = pathway;
	const north = person.commune.province !== 'PS';
	const rural = person.commune.remoteness > 0;
	const tribu = person.lieuVie === 'tribu';
	const errance = dispositif === 'errance' || person.lieuVie === 'sans_domicile';
	const age = Math.floor(pathway.entryDay / 365.25) + 1970 - person.birthYear;
	const weights: Record<string, number> = {
		mobilite: 1 + (north && rural ? 1.6 : 0) + (tribu ? 0.8 : 0),
		contraintes_familiales: person.sexe === 'F' ? 1.1 : 0.5,
		sante: 0.22,
		maitrise_langue: tribu || person.commune.province === 'PIL' ? 0.3 : 0.12,
		logement: 0.6 + (north && tribu ? 0.8 : 0) + (dispositif === 'logement' || errance ? 6 : 0),
		difficultes_financieres: 0.9,
		difficultes_administratives: 0.5 + (errance ? 1.5 : 0),
		savoirs_de_base: 0.7 + (person.diplome === 'aucun' ? 0.8 : 0) + (dispositif === 'competences_essentielles' ? 8 : 0),
		numerique: 0.8 + (tribu ? 0.6 : 0) + (age >= 45 ? 0.6 : 0),
		justice: (0.08 + (errance ? 0.4 : 0)) * (person.sexe === 'M' ? 1.5 : 1),
		addictions: 0.12 + (errance ? 0.8 : 0),
		isolement_social: 0.25 + (errance ? 1.5 : 0),
		handicap: person.handicap ? 3 : 0,
		eloignement_bassin_emploi: [0.05, 0.5, 1.2][person.commune.remoteness]
	};
	const names = Object.keys(weights);
	const count = 1 + rng.index(errance || dispositif === 'logement' ? [20, 35, 30, 15] : [40, 35, 17, 8]);
	return rng.sample(names.map((n) => weights[n]), count).map((i) => names[i]);
}

/** Chance that a barrier is lifted by the exit, given the outcome. */
function liftChance(frein: string, categorie: string | undefined): number {
	const base = DYNAMIC.has(categorie ?? '') ? 0.62 : 0.4;
	const hard = ['handicap', 'sante', 'justice', 'addictions', 'eloignement_bassin_emploi'].includes(frein);
	const easy = ['difficultes_administratives', 'numerique', 'logement'].includes(frein);
	return hard ? base - 0.2 : easy ? base + 0.1 : base;
}

/**
 * Rows of freins.csv: the barriers at entry (identifie), at reviews (bilan
 * events: en_cours or leve) and at exit (en_cours or leve). Exit reviews are
 * not recorded for short accueil_information parcours nor for one exit in ten.
 */
export function freinRows(rng: Random, pathways: Pathway[], bilanDays: Map<Pathway, number[]>): CsvValue[][] {
	const rows: CsvValue[][] = [];
	for (const p of pathways) {
		const lifted = new Set<string>();
		for (const frein of p.freins) rows.push([p.id, isoOf(p.entryDay), 'entree', frein, 'identifie']);
		const exitDay = p.exitDay ?? END_DAY;
		// Barriers are re-assessed at the first review only, and not at every one.
		for (const day of (bilanDays.get(p) ?? []).slice(0, 1)) {
			if (!rng.chance(0.6)) continue;
			const progress = (day - p.entryDay) / Math.max(1, exitDay - p.entryDay);
			for (const frein of p.freins) {
				if (lifted.has(frein)) continue;
				if (rng.chance(liftChance(frein, p.exit?.categorie) * progress * 0.8)) lifted.add(frein);
				rows.push([p.id, isoOf(day), 'bilan', frein, lifted.has(frein) ? 'leve' : 'en_cours']);
			}
		}
		if (p.exitDay === null || p.dispositif === 'accueil_information' || rng.chance(0.1)) continue;
		for (const frein of p.freins) {
			const leve = lifted.has(frein) || rng.chance(liftChance(frein, p.exit?.categorie));
			rows.push([p.id, isoOf(p.exitDay), 'sortie', frein, leve ? 'leve' : 'en_cours']);
		}
	}
	return rows;
}
